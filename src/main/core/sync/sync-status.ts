import { outboxStates, type OutboxState, type SyncStatus } from '../../../shared/ipc/contract'
import type { NetworkSignals } from './network'

const noRows = (): Record<OutboxState, number> =>
  Object.fromEntries(outboxStates.map((state) => [state, 0])) as Record<OutboxState, number>

/**
 * What the renderer's sync indicator shows. Until accounts and the outbox exist, nothing
 * is signed in and nothing waits; connectivity is real.
 */
export function currentSyncStatus(network: NetworkSignals): SyncStatus {
  return {
    online: network.isOnline(),
    signedIn: false,
    counts: noRows(),
    nextAttemptAt: null,
    lastError: null,
  }
}
