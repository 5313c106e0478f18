import type { ContactMatch } from '../../../../shared/ipc/contract'
import type { CatalogEntry } from '../../../../shared/quick-add'

/** An existing person or organization the picker offers. */
export interface ContactOption {
  id: number
  name: string
  detail?: string
}

/**
 * The picker's existing contacts: the cached ones first, as they come at once, then those
 * only Pipedrive found; each id once, at most `limit`. A cached one takes Pipedrive's detail
 * when it has one, so a row does not change when the catalog learns what the search found.
 */
export function mergeContacts(
  cached: readonly CatalogEntry[],
  found: readonly ContactMatch[],
  limit: number,
): ContactOption[] {
  const details = new Map(
    found.flatMap((match) => (match.detail ? [[match.id, match.detail]] : [])),
  )
  const merged: ContactOption[] = []
  const seen = new Set<number>()
  for (const { id, name } of [...cached, ...found]) {
    if (merged.length >= limit) break
    if (seen.has(id)) continue
    seen.add(id)
    const detail = details.get(id)
    merged.push(detail ? { id, name, detail } : { id, name })
  }
  return merged
}
