import { setTimeout as delay } from 'node:timers/promises'
import { PipedriveFailure, type RateLimitHeaders } from './failure'

/**
 * One per signed-in account, shared by every caller, so the app as a whole stays inside
 * Pipedrive's limits instead of collecting 429s:
 * - the burst window (x-ratelimit-*, 2 s rolling, per token or per OAuth user and app),
 * - the search cap (10 per 2 s on every plan, counted on top of the burst window),
 * - the company's daily token budget (x-daily-ratelimit-token-remaining).
 *
 * A request holds its slot from the moment it is let through until its answer arrives,
 * and for a full window after that: Pipedrive counted it at some instant in between, so
 * this never frees a slot earlier than Pipedrive does.
 */
export interface RateLimiterOptions {
  /**
   * Requests per window assumed until Pipedrive says otherwise: the lowest plan's, 20 for
   * an API token and 80 for OAuth.
   */
  burstLimit: number
  windowMs?: number
  searchLimit?: number
  now?: () => number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}

export interface RateLimiterStatus {
  /** Requests per window, as Pipedrive last reported it (or the starting guess). */
  burstLimit: number
  /** After a 429 nothing is sent before this instant (epoch ms). */
  pausedUntil: number | null
  /**
   * The company's daily budget is spent: requests fail at once with `daily_budget` until
   * this instant. Pipedrive resets the budget at midnight in its servers' time zone, which
   * it does not publish; the next UTC midnight is the guess (the sandbox uses UTC too).
   */
  dailyExhaustedUntil: number | null
  /** x-daily-ratelimit-token-remaining as last seen (often absent). */
  dailyTokensRemaining: number | null
}

export interface RequestOutcome {
  /** HTTP status, or null when no answer arrived. */
  status: number | null
  rateLimit: RateLimitHeaders | null
  /** A 429 classified as the daily budget being spent. */
  dailyBudgetSpent?: boolean
}

/** A slot in the window; give it back with how the request ended. */
export interface Permit {
  settle(outcome: RequestOutcome): void
}

interface Slot {
  /** When the answer arrived; Infinity while the request is on the wire. */
  endedAt: number
}

export function nextUtcMidnight(now: number): number {
  const date = new Date(now)
  date.setUTCHours(24, 0, 0, 0)
  return date.getTime()
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  delay(ms, undefined, signal ? { signal } : {})

export class RateLimiter {
  readonly windowMs: number
  readonly searchLimit: number
  private burstLimit: number
  private readonly now: () => number
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  private burst: Slot[] = []
  private search: Slot[] = []
  private pausedUntil = 0
  private burstHeldUntil = 0
  private searchHeldUntil = 0
  private dailyExhaustedUntil = 0
  private dailyTokensRemaining: number | null = null
  // Waiters are served in order; searches queue apart so a full search window does not
  // hold back ordinary requests.
  private queues = { general: Promise.resolve(), search: Promise.resolve() }
  private waiters: Array<() => void> = []

  constructor(options: RateLimiterOptions) {
    this.burstLimit = options.burstLimit
    this.windowMs = options.windowMs ?? 2_000
    this.searchLimit = options.searchLimit ?? 10
    this.now = options.now ?? Date.now
    this.sleep = options.sleep ?? defaultSleep
  }

  /**
   * Waits until a request may go out and reserves its slot. Throws `daily_budget` at once
   * while the budget is spent, and the signal's reason when it aborts.
   */
  acquire(options: { search?: boolean; signal?: AbortSignal } = {}): Promise<Permit> {
    const search = options.search ?? false
    const queue = search ? 'search' : 'general'
    const turn = this.queues[queue].then(() => this.waitForSlot(search, options.signal))
    this.queues[queue] = turn.then(
      () => undefined,
      () => undefined,
    )
    return turn
  }

  status(): RateLimiterStatus {
    const now = this.now()
    return {
      burstLimit: this.burstLimit,
      pausedUntil: this.pausedUntil > now ? this.pausedUntil : null,
      dailyExhaustedUntil: this.dailyExhaustedUntil > now ? this.dailyExhaustedUntil : null,
      dailyTokensRemaining: this.dailyTokensRemaining,
    }
  }

  private async waitForSlot(search: boolean, signal: AbortSignal | undefined): Promise<Permit> {
    for (;;) {
      signal?.throwIfAborted()
      this.checkDailyBudget()
      const wait = this.waitMs(search)
      if (wait === 0) return this.take(search)
      if (wait === Infinity) await this.nextSettle(signal)
      else await this.sleep(wait, signal)
    }
  }

  private checkDailyBudget(): void {
    const now = this.now()
    if (this.dailyExhaustedUntil === 0) return
    if (this.dailyExhaustedUntil <= now) {
      this.dailyExhaustedUntil = 0
      return
    }
    throw new PipedriveFailure(
      'daily_budget',
      `Your company's daily Pipedrive API budget is used up until ${new Date(this.dailyExhaustedUntil).toISOString()}.`,
      {
        rateLimit: {
          limit: null,
          remaining: null,
          resetSeconds: Math.ceil((this.dailyExhaustedUntil - now) / 1000),
          dailyTokensRemaining: 0,
          dailyTokenLimit: null,
          retryAfterSeconds: null,
        },
      },
    )
  }

  private waitMs(search: boolean): number {
    const now = this.now()
    this.burst = this.burst.filter((slot) => slot.endedAt + this.windowMs > now)
    this.search = this.search.filter((slot) => slot.endedAt + this.windowMs > now)
    let wait = Math.max(0, this.pausedUntil - now, this.burstHeldUntil - now)
    wait = Math.max(wait, this.windowWait(this.burst, this.burstLimit, now))
    if (search) {
      wait = Math.max(
        wait,
        this.searchHeldUntil - now,
        this.windowWait(this.search, this.searchLimit, now),
      )
    }
    return wait
  }

  /** How long until the window has room; Infinity when only answers can make room. */
  private windowWait(slots: Slot[], limit: number, now: number): number {
    if (slots.length < limit) return 0
    const ends = slots.map((slot) => slot.endedAt).sort((a, b) => a - b)
    const freeing = ends[slots.length - Math.max(1, limit)] ?? Infinity
    return freeing === Infinity ? Infinity : Math.max(1, freeing + this.windowMs - now)
  }

  private take(search: boolean): Permit {
    const slots: Slot[] = [{ endedAt: Infinity }]
    this.burst.push(slots[0] as Slot)
    if (search) {
      const searchSlot = { endedAt: Infinity }
      slots.push(searchSlot)
      this.search.push(searchSlot)
    }
    let settled = false
    return {
      settle: (outcome) => {
        if (settled) return
        settled = true
        const now = this.now()
        for (const slot of slots) slot.endedAt = now
        this.learn(outcome, search, now)
        for (const wake of this.waiters.splice(0)) wake()
      },
    }
  }

  private learn(outcome: RequestOutcome, search: boolean, now: number): void {
    const headers = outcome.rateLimit
    if (headers) {
      // A search answer may describe the search window; only a wider limit is the burst's.
      if (headers.limit !== null && headers.limit > 0) {
        if (!search || headers.limit > this.searchLimit) this.burstLimit = headers.limit
      }
      if (headers.remaining === 0 && headers.resetSeconds !== null && outcome.status !== 429) {
        // Someone else (another app on the same token) may be using the window too.
        const until = now + headers.resetSeconds * 1000
        if (search && headers.limit !== null && headers.limit <= this.searchLimit) {
          this.searchHeldUntil = Math.max(this.searchHeldUntil, until)
        } else {
          this.burstHeldUntil = Math.max(this.burstHeldUntil, until)
        }
      }
      if (headers.dailyTokensRemaining !== null) {
        this.dailyTokensRemaining = headers.dailyTokensRemaining
        if (headers.dailyTokensRemaining > 0) this.dailyExhaustedUntil = 0
        else this.dailyExhaustedUntil = nextUtcMidnight(now)
      }
    }
    if (outcome.status === 429) {
      if (outcome.dailyBudgetSpent) {
        this.dailyExhaustedUntil = nextUtcMidnight(now)
      } else {
        const seconds = Math.max(2, headers?.retryAfterSeconds ?? 0, headers?.resetSeconds ?? 0)
        this.pausedUntil = Math.max(this.pausedUntil, now + seconds * 1000)
      }
    }
  }

  /** Resolves when any request settles (or after a window, should one never settle). */
  private nextSettle(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(done, this.windowMs)
      timer.unref?.()
      const onAbort = () => {
        cleanup()
        reject(signal?.reason)
      }
      function cleanup() {
        clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
      }
      function done() {
        cleanup()
        resolve()
      }
      this.waiters.push(done)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }
}
