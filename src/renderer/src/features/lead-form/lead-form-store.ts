import { useSyncExternalStore } from 'react'
import type { LeadDraft, LeadSeed } from '../../../../shared/leads/lead-draft'

/**
 * Whether the lead form is open, and what the last save said. Module state, because the
 * form opens from the inbox toolbar, the palette and the `n` key, which live far apart.
 */
interface State {
  open: boolean
  /** A lead still waiting in the outbox, opened to be fixed; null for a new lead. */
  editing: { outboxId: number; draft: LeadDraft } | null
  /** A new lead begun elsewhere (quick add's Cmd/Ctrl+Enter); null for an empty form. */
  seed: LeadSeed | null
  /** "Saved — will sync", shown in the inbox; `at` tells two saves apart. */
  notice: { text: string; at: number } | null
}

let state: State = { open: false, editing: null, seed: null, notice: null }
const listeners = new Set<() => void>()

function set(next: Partial<State>) {
  state = { ...state, ...next }
  for (const listener of listeners) listener()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

// No parameters: it is handed to click and key handlers as it is.
export const openLeadForm = () => set({ open: true, editing: null, seed: null, notice: null })
export const openSeededLead = (seed: LeadSeed) =>
  set({ open: true, editing: null, seed, notice: null })
export const openPendingLead = (outboxId: number, draft: LeadDraft) =>
  set({ open: true, editing: { outboxId, draft }, seed: null, notice: null })
export const closeLeadForm = () => set({ open: false })
export const leadSaved = (text: string) => set({ open: false, notice: { text, at: Date.now() } })
export const clearLeadNotice = () => set({ notice: null })

export const useLeadFormState = (): State => useSyncExternalStore(subscribe, () => state)
