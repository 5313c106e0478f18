import type { OutboxState, SyncStatus } from '../../../../shared/ipc/contract'

export interface OutboxCount {
  state: OutboxState
  label: string
  /** What the state means, for someone who has never seen it. */
  meaning: string
  count: number
}

const shown: readonly Omit<OutboxCount, 'count'>[] = [
  { state: 'queued', label: 'Queued', meaning: 'Saved here, waiting for their turn to send.' },
  { state: 'sending', label: 'Sending', meaning: 'On their way to Pipedrive right now.' },
  {
    state: 'uncertain',
    label: 'Uncertain',
    meaning: 'The answer got lost. Leadbox checks Pipedrive before sending again.',
  },
  {
    state: 'needs_attention',
    label: 'Needs attention',
    meaning: 'Pipedrive refused these. Edit and retry, or discard them.',
  },
  { state: 'sent', label: 'Sent', meaning: 'Delivered to Pipedrive.' },
]

export function outboxCounts(counts: SyncStatus['counts']): OutboxCount[] {
  return shown.map((entry) => ({ ...entry, count: counts[entry.state] }))
}

export function isOutboxEmpty(counts: SyncStatus['counts']): boolean {
  return outboxCounts(counts).every((entry) => entry.count === 0)
}
