import type { LeadDraft, LeadSeed } from '../../../shared/leads/lead-draft'
import { keys } from './keys'
import { leadbox } from './leadbox'
import { useMainCall, useMainRead } from './main-bridge'
import { useCatalogContext } from './quick-add-catalog'
import { call } from './unwrap'

/**
 * What the quick-add window asks of main, without React Query (see main-bridge.ts). Each
 * window has its own renderer, so nothing here touches the main window's cache: main's
 * events refresh both.
 */

/** The catalog the line is read against ('catalog:getQuickAddContext'). */
export function useQuickAddCatalog() {
  const read = useMainRead(keys.catalog.quickAddContext, () =>
    call(leadbox().catalog.getQuickAddContext()),
  )
  return {
    ...useCatalogContext(read.data),
    isPending: read.isPending,
    isError: read.isError,
    refetch: read.refetch,
  }
}

/** Whether saved leads wait to sync ('sync:getStatus'). */
export function useQuickAddSyncStatus() {
  return useMainRead(keys.sync.status, () => call(leadbox().sync.getStatus()))
}

/** Saves a lead into the outbox ('leads:create'); resolves to its row. */
export function useSaveLead() {
  return useMainCall((draft: LeadDraft) => call(leadbox().leads.create(draft)))
}

/** The full form in the main window, filled with the line so far ('quickAdd:openInForm'). */
export function useOpenInMainForm() {
  return useMainCall((seed: LeadSeed) => call(leadbox().quickAdd.openInForm(seed)))
}

/** Hides the window; focus goes back to the app before it ('quickAdd:hide'). */
export function useHideWindow() {
  return useMainCall(() => call(leadbox().quickAdd.hide()))
}

/**
 * What the clipboard held when the user opened quick add, handed over once
 * ('quickAdd:takeClipboard'); null when nothing was read.
 */
export async function takeQuickAddClipboard(): Promise<string | null> {
  return (await call(leadbox().quickAdd.takeClipboard())).text
}
