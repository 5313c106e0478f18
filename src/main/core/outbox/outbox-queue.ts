import type { OutboxKind, OutboxState } from '../../../shared/ipc/contract'
import type { Db } from '../db/database'

/** A row as the sync engine handles it. */
export interface QueuedRow {
  id: number
  clientId: string
  kind: OutboxKind
  /** The state before the engine claimed it: 'uncertain' means look before sending. */
  previousState: 'queued' | 'uncertain'
  payload: unknown
  attempts: number
  /** When the previous attempt started (epoch ms), for reconciling an uncertain create. */
  lastAttemptAt: number | null
  /** Pipedrive ids of the rows it waited for, by role. */
  parents: Partial<Record<'person' | 'organization' | 'lead', string>>
}

export type Settlement =
  /** `remoteId` is null when Pipedrive's answer named nothing (a conversion seen only by its end). */
  | { to: 'sent'; remoteId: string | null }
  | { to: 'queued'; nextAttemptAt: number; error: string; status?: number | null }
  | { to: 'uncertain'; nextAttemptAt: number; error: string; status?: number | null }
  | {
      to: 'needs_attention'
      error: string
      status?: number | null
      conflict?: unknown
      /** What the row should hold from now on, when the attempt changed it. */
      payload?: unknown
    }
  /** Pipedrive took the first step of a longer job: ask again later, from `payload`. */
  | { to: 'in_progress'; nextAttemptAt: number; payload: unknown }

/**
 * The engine's side of the outbox: which rows may go now, claiming one, and recording how
 * it went. Every step is one short transaction, so a crash between two leaves a state the
 * next start can resume from.
 */
export interface OutboxQueue {
  /**
   * Ready rows in capture order: due, every parent sent, this account's (or nobody's), and
   * not tried since `triedBefore` when given.
   */
  ready(account: string, limit: number, triedBefore?: number): Array<{ id: number }>
  /** Marks a ready row as sending; undefined if it is no longer ready. */
  claim(id: number, account: string): QueuedRow | undefined
  settle(id: number, settlement: Settlement): void
  /** At start: a row left 'sending' by a crash may have reached Pipedrive. */
  recoverInterrupted(): number
  /** The network is back: rows waiting out a backoff may go now. */
  clearBackoff(): void
  /** The earliest time a waiting row becomes due, if any. */
  nextDue(account: string): number | null
}

interface ClaimRow {
  id: number
  client_id: string
  kind: OutboxKind
  state: OutboxState
  payload: string
  attempts: number
  last_attempt_at: number | null
}

const dueRows = `
  FROM outbox o
  WHERE o.state IN ('queued', 'uncertain')
    AND (o.account IS NULL OR o.account = @account)
    AND NOT EXISTS (
      SELECT 1 FROM outbox_dependency d JOIN outbox p ON p.id = d.parent_id
      WHERE d.row_id = o.id AND p.state <> 'sent')
    -- Changes to one lead go in the order they were made: an archive sent before an edit
    -- would make Pipedrive refuse the edit.
    AND (o.lead_ref IS NULL OR NOT EXISTS (
      SELECT 1 FROM outbox e
      WHERE e.lead_ref = o.lead_ref AND e.id < o.id
        AND e.state IN ('queued', 'sending', 'uncertain', 'needs_attention')))`

export function createOutboxQueue(db: Db, now: () => number = Date.now): OutboxQueue {
  const ready = db.prepare<
    { account: string; now: number; limit: number; triedBefore: number },
    { id: number }
  >(
    `SELECT o.id ${dueRows}
       AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= @now)
       AND (o.last_attempt_at IS NULL OR o.last_attempt_at < @triedBefore)
     ORDER BY o.id LIMIT @limit`,
  )
  const isReady = db.prepare<{ account: string; now: number; id: number }, { id: number }>(
    `SELECT o.id ${dueRows}
       AND o.id = @id AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= @now)`,
  )
  const nextDue = db.prepare<{ account: string }, { at: number | null }>(
    `SELECT min(coalesce(o.next_attempt_at, 0)) AS at ${dueRows}`,
  )
  const read = db.prepare<[number], ClaimRow>(
    `SELECT id, client_id, kind, state, payload, attempts, last_attempt_at FROM outbox WHERE id = ?`,
  )
  const parents = db.prepare<
    [number],
    { role: 'person' | 'organization' | 'lead'; remote_id: string | null }
  >(
    `SELECT d.role, p.remote_id FROM outbox_dependency d JOIN outbox p ON p.id = d.parent_id
     WHERE d.row_id = ? AND p.state = 'sent'`,
  )
  const markSending = db.prepare<[string, number, number, number]>(
    `UPDATE outbox SET state = 'sending', attempts = attempts + 1, account = coalesce(account, ?),
       last_attempt_at = ?, updated_at = ? WHERE id = ?`,
  )

  const claim = db.transaction((id: number, account: string): QueuedRow | undefined => {
    const at = now()
    const row = read.get(id)
    if (!row || (row.state !== 'queued' && row.state !== 'uncertain')) return undefined
    if (!isReady.get({ account, now: at, id })) return undefined
    markSending.run(account, at, at, id)
    return {
      id,
      clientId: row.client_id,
      kind: row.kind,
      previousState: row.state,
      payload: JSON.parse(row.payload) as unknown,
      attempts: row.attempts + 1,
      lastAttemptAt: row.last_attempt_at,
      parents: Object.fromEntries(
        parents.all(id).flatMap((p) => (p.remote_id === null ? [] : [[p.role, p.remote_id]])),
      ),
    }
  })

  return {
    ready: (account, limit, triedBefore = Number.MAX_SAFE_INTEGER) =>
      ready.all({ account, now: now(), limit, triedBefore }),
    claim,
    settle(id, settlement) {
      const at = now()
      switch (settlement.to) {
        case 'sent':
          db.prepare(
            `UPDATE outbox SET state = 'sent', remote_id = ?, sent_at = ?, updated_at = ?,
               next_attempt_at = NULL, last_error = NULL, last_status = NULL WHERE id = ?`,
          ).run(settlement.remoteId, at, at, id)
          return
        case 'queued':
        case 'uncertain':
          db.prepare(
            `UPDATE outbox SET state = ?, next_attempt_at = ?, last_error = ?, last_status = ?,
               updated_at = ? WHERE id = ?`,
          ).run(
            settlement.to,
            settlement.nextAttemptAt,
            settlement.error,
            settlement.status ?? null,
            at,
            id,
          )
          return
        case 'in_progress':
          db.prepare(
            `UPDATE outbox SET state = 'queued', payload = ?, next_attempt_at = ?, last_error = NULL,
               last_status = NULL, updated_at = ? WHERE id = ?`,
          ).run(JSON.stringify(settlement.payload), settlement.nextAttemptAt, at, id)
          return
        case 'needs_attention':
          db.prepare(
            `UPDATE outbox SET state = 'needs_attention', next_attempt_at = NULL, last_error = ?,
               last_status = ?, conflict = ?, payload = coalesce(?, payload), updated_at = ?
             WHERE id = ?`,
          ).run(
            settlement.error,
            settlement.status ?? null,
            settlement.conflict === undefined ? null : JSON.stringify(settlement.conflict),
            settlement.payload === undefined ? null : JSON.stringify(settlement.payload),
            at,
            id,
          )
      }
    },
    recoverInterrupted: () =>
      db
        .prepare(
          `UPDATE outbox SET state = 'uncertain', next_attempt_at = NULL, updated_at = ?,
             last_error = 'Leadbox stopped while sending this; checking Pipedrive before sending again.'
           WHERE state = 'sending'`,
        )
        .run(now()).changes,
    clearBackoff() {
      db.prepare(
        `UPDATE outbox SET next_attempt_at = NULL WHERE state IN ('queued', 'uncertain')`,
      ).run()
    },
    nextDue: (account) => nextDue.get({ account })?.at ?? null,
  }
}
