import { useSyncExternalStore } from 'react'

/**
 * Whether the lead form is open, and what the last save said. Module state, because the
 * form opens from the inbox toolbar, the palette and the `n` key, which live far apart.
 */
interface State {
  open: boolean
  /** "Saved — will sync", shown in the inbox; `at` tells two saves apart. */
  notice: { text: string; at: number } | null
}

let state: State = { open: false, notice: null }
const listeners = new Set<() => void>()

function set(next: Partial<State>) {
  state = { ...state, ...next }
  for (const listener of listeners) listener()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const openLeadForm = () => set({ open: true, notice: null })
export const closeLeadForm = () => set({ open: false })
export const leadSaved = (text: string) => set({ open: false, notice: { text, at: Date.now() } })
export const clearLeadNotice = () => set({ notice: null })

export const useLeadFormState = (): State => useSyncExternalStore(subscribe, () => state)
