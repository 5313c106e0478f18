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
export {
  useContactSearch,
  useCreateLabel,
  indexInBackground,
  useSetLeadDefaults,
  useQuickAddContext,
  type QuickAddCatalog,
} from './catalog'
export { isPlaceholder } from './outbox-cache'
export {
  useChangeQuickAddShortcut,
  useHideQuickAdd,
  useQuickAddShortcut,
  useShowQuickAdd,
  useSyncNow,
} from './desktop'
export { takeQuickAddClipboard, useClipboardOffer, useSetClipboardOffer } from './clipboard-offer'
export {
  inboxPageSize,
  useInboxContext,
  useInboxLeads,
  useLeadChange,
  useRefreshInbox,
  type InboxFilters,
} from './inbox'
export { useAccountStatus } from './account'
export { useLeadFormRequests, useOpenInForm } from './lead-form'
export {
  useLaunchAtLogin,
  useRestartToUpdate,
  useSetLaunchAtLogin,
  useUpdateStatus,
} from './updates'
export { useAddActivity, useAddNote, useLeadTimeline, useMarkDone } from './lead-timeline'
