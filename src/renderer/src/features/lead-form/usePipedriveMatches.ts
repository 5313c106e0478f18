import type { ContactKind, ContactMatch } from '../../../../shared/ipc/contract'
import { useContactSearch, useSyncStatus } from '../../api'
import { useDebouncedValue } from '../inbox/useDebouncedValue'

/** Pipedrive is asked once typing pauses this long: one search per term, not per key. */
const searchPauseMs = 250

export interface PipedriveMatches {
  matches: readonly ContactMatch[]
  /** Typing has not paused yet, or Pipedrive's answer is on its way. */
  searching: boolean
  error: unknown
}

const none: readonly ContactMatch[] = []

/**
 * What Pipedrive's own search finds for the typed text, beside the cached catalog. Only
 * online and signed in, and only for a term Pipedrive takes (2 to 100 characters); offline
 * it stays quiet, as the catalog is all there is then.
 */
export function usePipedriveMatches(kind: ContactKind, text: string): PipedriveMatches {
  const term = text.trim()
  const settled = useDebouncedValue(term, searchPauseMs)
  const status = useSyncStatus().data
  const wanted =
    status?.online === true && status.signedIn && term.length >= 2 && term.length <= 100
  // An answer for an earlier term would show names that no longer match what is typed.
  const current = wanted && settled === term
  const search = useContactSearch(kind, settled, current)
  return {
    matches: current ? (search.data ?? none) : none,
    searching: wanted && (!current || search.isFetching),
    error: current && search.isError ? search.error : null,
  }
}
