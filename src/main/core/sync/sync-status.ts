import type { OutboxState, SyncStatus } from '../../../shared/ipc/contract'
import type { NetworkSignals } from './network'
import type { EngineStatus } from './sync-engine'

/** What the renderer's sync indicator shows: connectivity, the outbox, the engine. */
export function currentSyncStatus(
  network: NetworkSignals,
  counts: Record<OutboxState, number>,
  engine: EngineStatus,
): SyncStatus {
  return {
    online: network.isOnline(),
    signedIn: false,
    counts,
    nextAttemptAt: engine.nextAttemptAt,
    pausedUntil: engine.pausedUntil,
    lastError: engine.lastError,
  }
}
