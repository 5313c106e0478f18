import type { OutboxKind, OutboxState } from '../../../shared/ipc/contract'
import type { Db } from '../db/database'

/**
 * A person or organization queued for a lead is made in Pipedrive only while something still
 * waits for it: once the lead lets it go (an edit chose another, or the lead was discarded)
 * and nothing else waits for it, it is cancelled, then its own organization the same way.
 * Only rows never sent: one already on its way may exist in Pipedrive and is looked up.
 */
export function createUnwantedContacts(db: Db, now: () => number) {
  const rowOf = db.prepare<[number], { kind: OutboxKind; state: OutboxState }>(
    'SELECT kind, state FROM outbox WHERE id = ?',
  )
  const waitingFor = db.prepare<[number], { n: number }>(
    `SELECT COUNT(*) AS n FROM outbox_dependency d JOIN outbox o ON o.id = d.row_id
     WHERE d.parent_id = ? AND o.state <> 'cancelled'`,
  )
  const parentsOf = db.prepare<[number], { parent_id: number }>(
    'SELECT parent_id FROM outbox_dependency WHERE row_id = ?',
  )
  const cancel = db.prepare(`UPDATE outbox SET state = 'cancelled', updated_at = ? WHERE id = ?`)
  return {
    /** Cancels those of `released` (and, in turn, their parents) nothing waits for; their ids. */
    cancel(released: readonly number[]): number[] {
      const cancelled: number[] = []
      const candidates = [...released]
      for (let id = candidates.pop(); id !== undefined; id = candidates.pop()) {
        const row = rowOf.get(id)
        if (!row || !row.kind.endsWith('.create') || row.kind === 'lead.create') continue
        if (row.state !== 'queued' && row.state !== 'needs_attention') continue
        if (waitingFor.get(id)!.n > 0) continue
        cancel.run(now(), id)
        cancelled.push(id)
        candidates.push(...parentsOf.all(id).map((p) => p.parent_id))
      }
      return cancelled
    },
    parentsOf: (id: number) => parentsOf.all(id).map((p) => p.parent_id),
  }
}
