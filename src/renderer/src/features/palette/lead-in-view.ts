import { useLayoutEffect, useRef, useSyncExternalStore } from 'react'
import type { InboxLead } from '../../../../shared/ipc/contract'

/**
 * The lead open in the inbox's pane and what can be done to it now, for the palette. The
 * pane hands in its own actions, so a command does exactly what the pane's button does; an
 * action the pane does not allow now (a lead on its way to becoming a deal) is left out.
 */
export interface LeadInView {
  lead: Pick<InboxLead, 'id' | 'title' | 'isArchived'>
  edit?: () => void
  /** Archives the lead, or unarchives an archived one. */
  toggleArchive?: () => void
  convert?: () => void
  openInPipedrive?: () => void
}

type Actions = Omit<LeadInView, 'lead'>

let shown: LeadInView | null = null
const listeners = new Set<() => void>()
const changed = () => {
  for (const listener of listeners) listener()
}
const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** In the pane: offers its lead and actions to the palette while it shows. */
export function useOfferLeadActions(lead: LeadInView['lead'], actions: Actions) {
  const latest = useRef(actions)
  useLayoutEffect(() => {
    latest.current = actions
  })
  const { id, title, isArchived } = lead
  const canEdit = Boolean(actions.edit)
  const canArchive = Boolean(actions.toggleArchive)
  const canConvert = Boolean(actions.convert)
  const canOpen = Boolean(actions.openInPipedrive)
  useLayoutEffect(() => {
    // Each action calls the pane's latest handler, so the offer changes only with what it offers.
    const offer: LeadInView = {
      lead: { id, title, isArchived },
      ...(canOpen ? { openInPipedrive: () => latest.current.openInPipedrive?.() } : {}),
      ...(canEdit ? { edit: () => latest.current.edit?.() } : {}),
      ...(canArchive ? { toggleArchive: () => latest.current.toggleArchive?.() } : {}),
      ...(canConvert ? { convert: () => latest.current.convert?.() } : {}),
    }
    shown = offer
    changed()
    return () => {
      if (shown !== offer) return
      shown = null
      changed()
    }
  }, [id, title, isArchived, canEdit, canArchive, canConvert, canOpen])
}

/** In the palette: the lead open in the pane, or null. */
export const useLeadInView = (): LeadInView | null => useSyncExternalStore(subscribe, () => shown)
