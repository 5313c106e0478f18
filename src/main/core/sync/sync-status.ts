import type { OutboxState, SyncStatus } from '../../../shared/ipc/contract'
import type { NetworkSignals } from './network'

/**
 * What the renderer's sync indicator shows. Until accounts exist nothing is signed in, so
 * rows wait; connectivity and the outbox counts are real.
 */
export function currentSyncStatus(
  network: NetworkSignals,
  counts: Record<OutboxState, number>,
): SyncStatus {
  return {
    online: network.isOnline(),
    signedIn: false,
    counts,
    nextAttemptAt: null,
    lastError: null,
  }
}
