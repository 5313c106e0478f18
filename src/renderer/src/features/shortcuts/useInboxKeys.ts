import { useMemo } from 'react'
import type { OutboxItem } from '../../../../shared/ipc/contract'
import { pendingLeads } from '../inbox/pending-leads'
import type { ViewId } from '../frame/views'
import { openInOutbox } from './open-in-outbox'
import { useListNavigation } from './useListNavigation'

/**
 * The inbox's keys: j/k through the rows the inbox shows, Enter opens the selected one.
 * Today those are the leads waiting to sync, which open on their Outbox row. A list that
 * joins them (Pipedrive's leads) adds its items here in the order shown, and a selector
 * that matches its rows too.
 */
export function useInboxKeys(
  rows: readonly OutboxItem[] | undefined,
  onShowView: (view: ViewId) => void,
) {
  const pending = useMemo(() => pendingLeads(rows ?? []).map((lead) => lead.row), [rows])
  return useListNavigation({
    items: pending,
    rowSelector: '.pending-lead',
    onOpen: (row) => openInOutbox(row, rows ?? [], () => onShowView('outbox')),
  })
}
