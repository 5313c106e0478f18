/**
 * The rules for a request whose answer was lost, for every kind of outbox row. Pipedrive has
 * no idempotency keys: such a request may have been applied, may still be applied by a
 * server that goes on after its client is gone, or may never have arrived.
 */

/** How long an attempt may take, and when one whose answer was lost can no longer land. */
export interface LostRequestTiming {
  /** Every request of one attempt is cut off this long after the attempt began. */
  attemptTimeoutMs: number
  /**
   * How long after its attempt began an unanswered request may still be applied: the
   * attempt's cut-off plus the time a server may go on working after its client is gone.
   * No lookup, and no second try, runs sooner.
   */
  landingWindowMs: number
}

export const defaultTiming: LostRequestTiming = {
  attemptTimeoutMs: 60_000,
  landingWindowMs: 3 * 60_000,
}

export function lostRequestTiming(options: Partial<LostRequestTiming> = {}): LostRequestTiming {
  const timing = { ...defaultTiming, ...options }
  if (!(timing.landingWindowMs > timing.attemptTimeoutMs)) {
    throw new Error('The landing window must be longer than an attempt may take.')
  }
  return timing
}

/**
 * When a row is due, in SQL over the outbox row `o`: its backoff, and never before its lost
 * requests can no longer land. `landingWindow` is the SQL for the window's length.
 */
export const dueAtSql = (landingWindow: string) =>
  `max(coalesce(o.next_attempt_at, 0), coalesce(o.last_lost_at + ${landingWindow}, 0))`

/** The attempts of one row whose answers were lost: when the first and the last began. */
export interface LostRequests {
  firstAt: number
  lastAt: number
}

/** Our clock and Pipedrive's differ: how far, when no answer has told us yet. */
export const unknownClockSkewMs = 5 * 60_000
/** When an answer has told us (its Date header has whole seconds, and takes a trip to come). */
export const knownClockSkewMs = 5_000

/**
 * The earliest creation time, by Pipedrive's clock, of a record the lost requests could have
 * made: nothing older is ours, however alike (a namesake that was there before is not ours).
 * `serverOffsetMs` is Pipedrive's clock minus ours, when known.
 */
export function createdSince(lost: LostRequests, serverOffsetMs: number | null): number {
  return serverOffsetMs === null
    ? lost.firstAt - unknownClockSkewMs
    : lost.firstAt + serverOffsetMs - knownClockSkewMs
}
