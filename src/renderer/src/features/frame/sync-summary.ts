import type { SyncStatus } from '../../../../shared/ipc/contract'

export type SyncTone = 'ok' | 'idle' | 'offline' | 'attention'

export interface SyncSummary {
  /** "Online" or "Offline". */
  connection: string
  /** Whether Pipedrive is connected. */
  account: string
  /** What is left to sync, or that nothing is. */
  queue: string
  tone: SyncTone
  /** Everything above in one sentence, for the indicator's accessible name. */
  label: string
}

/** Rows that have not reached Pipedrive and are not waiting on the user. */
export function waitingCount(counts: SyncStatus['counts']): number {
  return counts.queued + counts.sending + counts.uncertain
}

export function summarizeSync(status: SyncStatus): SyncSummary {
  const connection = status.online ? 'Online' : 'Offline'
  const account = status.signedIn ? 'Pipedrive connected' : 'Pipedrive not connected'
  const waiting = waitingCount(status.counts)
  const attention = status.counts.needs_attention

  const parts: string[] = []
  if (waiting > 0) parts.push(`${waiting} waiting to sync`)
  if (attention > 0) parts.push(`${attention} ${attention === 1 ? 'needs' : 'need'} attention`)
  const queue = parts.length > 0 ? parts.join(', ') : 'Nothing waiting'

  const tone: SyncTone =
    attention > 0 ? 'attention' : !status.online ? 'offline' : status.signedIn ? 'ok' : 'idle'

  return {
    connection,
    account,
    queue,
    tone,
    label: `Sync status: ${connection}, ${account}, ${queue.toLowerCase()}`,
  }
}
