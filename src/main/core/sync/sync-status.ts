import type { ApiBudget } from '../../../shared/api-usage'
import type { OutboxState, SyncStatus } from '../../../shared/ipc/contract'
import type { NetworkSignals } from './network'
import type { EngineStatus } from './sync-engine'

/**
 * What the renderer's sync indicator shows: connectivity, the outbox, the engine, and the
 * daily budget left, so it can warn before the budget runs out.
 */
export function currentSyncStatus(
  network: NetworkSignals,
  counts: Record<OutboxState, number>,
  engine: EngineStatus,
  budget: ApiBudget | null = null,
): SyncStatus {
  return {
    online: network.isOnline(),
    signedIn: false,
    counts,
    // Null when due now: a time at or before the epoch is never a real schedule.
    nextAttemptAt:
      engine.nextAttemptAt !== null && engine.nextAttemptAt > 0 ? engine.nextAttemptAt : null,
    pausedUntil: engine.pausedUntil,
    unreachableSince: engine.unreachableSince,
    lastError: engine.lastError,
    budget: budget ? { left: budget.left, limit: budget.limit } : null,
  }
}
