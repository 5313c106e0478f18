import type { OutboxItem, OutboxState } from '../../../../shared/ipc/contract'

export type PendingMarker = 'pending' | 'sending' | 'needs attention'

// What each unfinished state means to someone looking for their lead; an uncertain row is
// still on its way as far as the user is concerned.
const markers: Partial<Record<OutboxState, PendingMarker>> = {
  queued: 'pending',
  sending: 'sending',
  uncertain: 'sending',
  needs_attention: 'needs attention',
}

export type PendingLead = { row: OutboxItem; marker: PendingMarker }

/** New leads that have not reached Pipedrive and were not discarded, newest first. */
export function pendingLeads(rows: readonly OutboxItem[]): PendingLead[] {
  const pending: PendingLead[] = []
  for (const row of rows) {
    const marker = markers[row.state]
    if (row.kind === 'lead.create' && marker) pending.push({ row, marker })
  }
  return pending
}
