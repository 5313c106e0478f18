import type { OutboxItem, SyncStatus } from '../../../../shared/ipc/contract'

/** Rows Pipedrive refused, which "Retry all" sends again. */
export function needsAttention(rows: readonly OutboxItem[]): OutboxItem[] {
  return rows.filter((row) => row.state === 'needs_attention')
}

export const items = (count: number) => (count === 1 ? '1 item' : `${count} items`)

/** What "Retry all" did, in one sentence. */
export function retryAllMessage(tried: number, failed: number): string {
  if (tried === 0) return 'Nothing needs attention.'
  if (failed === 0) return `Retrying ${items(tried)} that needed attention.`
  if (failed === tried) return `Could not retry ${items(tried)}. Open the Outbox to see why.`
  return `Retrying ${items(tried - failed)}; ${items(failed)} could not be retried.`
}

/** What "Sync now" will do, said honestly: it cannot send while signed out or offline. */
export function syncNowMessage(status: SyncStatus | undefined): string {
  if (status && !status.signedIn) {
    return 'Nothing can sync until a Pipedrive account is connected in Settings.'
  }
  if (status && !status.online) return 'Offline: Leadbox syncs as soon as the network is back.'
  if (status && status.unreachableSince !== null) {
    return 'Trying Pipedrive again now; it has not been answering.'
  }
  return 'Syncing now.'
}
