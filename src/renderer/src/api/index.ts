export { call, unwrap } from './unwrap'
export { keys, type QueryKey } from './keys'
export { createQueryClient, shouldRetryQuery } from './query-client'
export { invalidateFor, invalidatedBy, subscribeToMainEvents, useMainEvents } from './events'
export {
  useApiUsage,
  useAppInfo,
  useOpenExternal,
  useOpenLogsFolder,
  useSyncStatus,
} from './queries'
export {
  pendingLeadDraft,
  useDiscardOutboxItem,
  useEditPendingLead,
  useOutbox,
  useResolveConflict,
  useRetryOutboxItem,
} from './outbox'
export { useCreateLead } from './leads'
export { useContactSearch, useCreateLabel, useSetLeadDefaults, useQuickAddContext } from './catalog'
export { indexInBackground, type QuickAddCatalog } from './quick-add-catalog'
export { isPlaceholder } from './outbox-cache'
export {
  useChangeQuickAddShortcut,
  useQuickAddShortcut,
  useShowQuickAdd,
  useSyncNow,
} from './desktop'
export { useClipboardOffer, useSetClipboardOffer } from './clipboard-offer'
export {
  inboxPageSize,
  useInboxContext,
  useInboxLeads,
  useLeadChange,
  useRefreshInbox,
  type InboxFilters,
} from './inbox'
export { useAccountStatus } from './account'
export { useLeadFormRequests } from './lead-form'
export {
  useLaunchAtLogin,
  useRestartToUpdate,
  useSetLaunchAtLogin,
  useUpdateStatus,
} from './updates'
export { useAddActivity, useAddNote, useLeadTimeline, useMarkDone } from './lead-timeline'
