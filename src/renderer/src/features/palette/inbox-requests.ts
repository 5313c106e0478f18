import { useEffect, useRef, useSyncExternalStore } from 'react'
import type { InboxLead } from '../../../../shared/ipc/contract'

/**
 * What the palette asks of the inbox: open a lead's pane, or list the archived leads.
 * Module state, like the lead form's: the inbox may not be on screen when the palette asks,
 * so a request waits until the inbox takes it, once.
 */
export type InboxRequest = { kind: 'open'; lead: InboxLead } | { kind: 'archived' }

let waiting: InboxRequest | null = null
const listeners = new Set<() => void>()

export function requestInbox(request: InboxRequest) {
  waiting = request
  for (const listener of listeners) listener()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** In the inbox: handles each request once, now if one waits, and whenever another comes. */
export function useInboxRequests(handle: (request: InboxRequest) => void) {
  const latest = useRef(handle)
  useEffect(() => {
    latest.current = handle
  })
  const request = useSyncExternalStore(subscribe, () => waiting)
  useEffect(() => {
    if (!request || request !== waiting) return
    waiting = null
    latest.current(request)
  }, [request])
}
