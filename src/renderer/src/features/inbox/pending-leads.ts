import type { OutboxItem, OutboxKind, OutboxState } from '../../../../shared/ipc/contract'
import type { StatusTone } from '../../ui/status-tone'

export type PendingMarker = 'pending' | 'sending' | 'needs attention'

export const markerTones: Record<PendingMarker, StatusTone> = {
  pending: 'accent',
  sending: 'warning',
  'needs attention': 'danger',
}

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

/** A Pipedrive lead with changes made here that Pipedrive does not have yet. */
export interface LeadChangeMarker {
  marker: PendingMarker
  /** What the marker says: "change pending", "converting", "needs attention"… */
  words: string
  /** Pipedrive's reason, for a change that needs attention. */
  problem: string | null
}

const urgency: Record<PendingMarker, number> = { pending: 0, sending: 1, 'needs attention': 2 }
const changeWords: Partial<Record<OutboxKind, string>> = {
  'lead.convert': 'converting',
  'lead.delete': 'deleting',
}

/**
 * For each Pipedrive lead id, its unfinished changes summed up in one marker: the most
 * urgent state wins, so a refused change is never hidden behind a pending one.
 */
export function pendingChanges(rows: readonly OutboxItem[]): Map<string, LeadChangeMarker> {
  const byLead = new Map<string, LeadChangeMarker>()
  // A change made while its lead was still waiting here names the lead by its create row;
  // once that row is sent, it carries the lead's Pipedrive id.
  const sentCreates = new Map(
    rows.flatMap((row) =>
      row.kind === 'lead.create' && row.remoteId !== null ? [[row.id, row.remoteId]] : [],
    ),
  )
  for (const row of rows) {
    const marker = markers[row.state]
    if (!marker || !row.lead) continue
    const leadId = 'remoteId' in row.lead ? row.lead.remoteId : sentCreates.get(row.lead.outboxId)
    if (leadId === undefined) continue
    const current = byLead.get(leadId)
    if (current && urgency[current.marker] > urgency[marker]) continue
    byLead.set(leadId, {
      marker,
      words:
        marker === 'needs attention'
          ? marker
          : (changeWords[row.kind] ?? (marker === 'sending' ? 'syncing change' : 'change pending')),
      problem: marker === 'needs attention' ? row.lastError : null,
    })
  }
  return byLead
}

/**
 * Leads with an activity waiting here to reach Pipedrive: they have a next activity planned,
 * whether the lead itself waits too (by its create row) or is in Pipedrive (by its id).
 */
export function leadsWithWaitingActivity(rows: readonly OutboxItem[]): {
  pending: Set<number>
  synced: Set<string>
} {
  const remoteOf = new Map(
    rows.flatMap((row) =>
      row.kind === 'lead.create' && row.remoteId !== null ? [[row.id, row.remoteId]] : [],
    ),
  )
  const pending = new Set<number>()
  const synced = new Set<string>()
  for (const row of rows) {
    if (row.kind !== 'activity.create' || !markers[row.state] || !row.lead) continue
    if ('remoteId' in row.lead) {
      synced.add(row.lead.remoteId)
      continue
    }
    pending.add(row.lead.outboxId)
    const remote = remoteOf.get(row.lead.outboxId)
    if (remote !== undefined) synced.add(remote)
  }
  return { pending, synced }
}
