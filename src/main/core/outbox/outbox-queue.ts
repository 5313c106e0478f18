import type { OutboxKind, OutboxState } from '../../../shared/ipc/contract'
import type { Db } from '../db/database'
import type { RemoteLead } from '../pipedrive/outbox-gateway'
import {
  dueAtSql,
  lostRequestTiming,
  type LostRequestTiming,
  type LostRequests,
} from './lost-requests'

/** A row as the sync engine handles it. */
export interface QueuedRow {
  id: number
  clientId: string
  kind: OutboxKind
  /** The state before the engine claimed it. */
  previousState: 'queued' | 'uncertain'
  payload: unknown
  attempts: number
  /** When this attempt began (epoch ms). */
  claimedAt: number
  /**
   * Earlier attempts whose answers were lost, if any: the row is looked up in Pipedrive
   * before it is sent again. Only ever offered once none of them can land any more.
   */
  lost: LostRequests | null
  /** Pipedrive ids of the rows it waited for, by role. */
  parents: Partial<Record<'person' | 'organization' | 'lead', string>>
}

export type Settlement =
  /**
   * `remoteId` is null when Pipedrive's answer named nothing (a conversion seen only by its
   * end). `lead` is the lead as Pipedrive answered after the change, when it did.
   */
  | { to: 'sent'; remoteId: string | null; lead?: RemoteLead }
  | { to: 'queued'; nextAttemptAt: number; error: string; status?: number | null }
  /** The answer was lost: the attempt joins the row's lost requests, and it waits them out. */
  | { to: 'uncertain'; error: string; status?: number | null }
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
  readonly timing: LostRequestTiming
  /**
   * Ready rows in capture order: due, every parent sent, this account's (or nobody's), and
   * not tried since `triedBefore` when given.
   */
  ready(account: string, limit: number, triedBefore?: number): Array<{ id: number }>
  /** Marks a ready row as sending; undefined if it is no longer ready. */
  claim(id: number, account: string): QueuedRow | undefined
  settle(id: number, settlement: Settlement): void
  /**
   * Takes for the row the first of these Pipedrive ids (best first) that no other row of its
   * kind holds, and returns it: two rows whose lost requests made look-alike records each get
   * their own, even when both look at once.
   */
  adopt(id: number, candidates: readonly string[]): string | undefined
  /** At start: a row left 'sending' by a crash lost its answer; it may have reached Pipedrive. */
  recoverInterrupted(): number
  /** The network is back: rows waiting out a backoff may go now (never a lost request's wait). */
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
  first_lost_at: number | null
  last_lost_at: number | null
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
const dueAt = dueAtSql('@landingWindowMs')

export function createOutboxQueue(
  db: Db,
  now: () => number = Date.now,
  options: Partial<LostRequestTiming> = {},
): OutboxQueue {
  const timing = lostRequestTiming(options)
  const { landingWindowMs } = timing
  const ready = db.prepare<
    { account: string; now: number; limit: number; triedBefore: number; landingWindowMs: number },
    { id: number }
  >(
    `SELECT o.id ${dueRows}
       AND ${dueAt} <= @now
       AND (o.last_attempt_at IS NULL OR o.last_attempt_at < @triedBefore)
     ORDER BY o.id LIMIT @limit`,
  )
  const isReady = db.prepare<
    { account: string; now: number; id: number; landingWindowMs: number },
    { id: number }
  >(`SELECT o.id ${dueRows} AND o.id = @id AND ${dueAt} <= @now`)
  const nextDue = db.prepare<{ account: string; landingWindowMs: number }, { at: number | null }>(
    `SELECT min(${dueAt}) AS at ${dueRows}`,
  )
  const read = db.prepare<[number], ClaimRow>(
    `SELECT id, client_id, kind, state, payload, attempts, first_lost_at, last_lost_at
     FROM outbox WHERE id = ?`,
  )
  const heldElsewhere = db.prepare<{ remoteId: string; id: number }, { id: number }>(
    `SELECT o.id FROM outbox o JOIN outbox self ON self.id = @id
     WHERE o.kind = self.kind AND o.remote_id = @remoteId AND o.id <> @id
       AND o.state <> 'cancelled'
     LIMIT 1`,
  )
  const hold = db.prepare<[string, number]>(`UPDATE outbox SET remote_id = ? WHERE id = ?`)
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
    if (!isReady.get({ account, now: at, id, landingWindowMs })) return undefined
    markSending.run(account, at, at, id)
    return {
      id,
      clientId: row.client_id,
      kind: row.kind,
      previousState: row.state,
      payload: JSON.parse(row.payload) as unknown,
      attempts: row.attempts + 1,
      claimedAt: at,
      lost:
        row.first_lost_at !== null && row.last_lost_at !== null
          ? { firstAt: row.first_lost_at, lastAt: row.last_lost_at }
          : null,
      parents: Object.fromEntries(
        parents.all(id).flatMap((p) => (p.remote_id === null ? [] : [[p.role, p.remote_id]])),
      ),
    }
  })

  return {
    timing,
    ready: (account, limit, triedBefore = Number.MAX_SAFE_INTEGER) =>
      ready.all({ account, now: now(), limit, triedBefore, landingWindowMs }),
    claim,
    settle(id, settlement) {
      const at = now()
      switch (settlement.to) {
        case 'sent':
          db.prepare(
            `UPDATE outbox SET state = 'sent', remote_id = ?, sent_at = ?, updated_at = ?,
               next_attempt_at = NULL, last_error = NULL, last_status = NULL,
               first_lost_at = NULL, last_lost_at = NULL WHERE id = ?`,
          ).run(settlement.remoteId, at, at, id)
          return
        case 'queued':
          // A row with lost requests stays uncertain: it still looks before it sends.
          db.prepare(
            `UPDATE outbox SET state = CASE WHEN first_lost_at IS NULL THEN 'queued' ELSE 'uncertain' END,
               next_attempt_at = ?, last_error = ?, last_status = ?, updated_at = ? WHERE id = ?`,
          ).run(settlement.nextAttemptAt, settlement.error, settlement.status ?? null, at, id)
          return
        case 'uncertain':
          // The attempt's start joins the lost requests; the first one is never overwritten.
          db.prepare(
            `UPDATE outbox SET state = 'uncertain', next_attempt_at = NULL, last_error = ?,
               last_status = ?, updated_at = ?,
               first_lost_at = coalesce(first_lost_at, last_attempt_at),
               last_lost_at = max(coalesce(last_lost_at, 0), last_attempt_at)
             WHERE id = ?`,
          ).run(settlement.error, settlement.status ?? null, at, id)
          return
        case 'in_progress':
          db.prepare(
            // Pipedrive answered the start: whatever an earlier lost start did is known now.
            `UPDATE outbox SET state = 'queued', payload = ?, next_attempt_at = ?, last_error = NULL,
               last_status = NULL, first_lost_at = NULL, last_lost_at = NULL, updated_at = ?
             WHERE id = ?`,
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
    adopt: db.transaction((id: number, candidates: readonly string[]) => {
      const free = candidates.find((remoteId) => !heldElsewhere.get({ remoteId, id }))
      if (free !== undefined) hold.run(free, id)
      return free
    }),
    recoverInterrupted: () =>
      db
        .prepare(
          `UPDATE outbox SET state = 'uncertain', next_attempt_at = NULL, updated_at = ?,
             first_lost_at = coalesce(first_lost_at, last_attempt_at),
             last_lost_at = max(coalesce(last_lost_at, 0), last_attempt_at),
             last_error = 'Leadbox stopped while sending this; checking Pipedrive before sending again.'
           WHERE state = 'sending'`,
        )
        .run(now()).changes,
    clearBackoff() {
      db.prepare(
        `UPDATE outbox SET next_attempt_at = NULL WHERE state IN ('queued', 'uncertain')`,
      ).run()
    },
    nextDue: (account) => nextDue.get({ account, landingWindowMs })?.at ?? null,
  }
}
