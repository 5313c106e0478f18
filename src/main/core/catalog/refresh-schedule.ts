import type { RefreshStatus } from '../../../shared/ipc/contract'
import type { Logger } from '../log/logger'
import type { NetworkSignals } from '../sync/network'

export interface RefreshScheduleOptions {
  /** For the log. */
  name: string
  /**
   * One refresh. Throws when it failed; answers false when there was nothing it could do
   * (signed out), which is neither a success nor a failure.
   */
  run(signal: AbortSignal): Promise<boolean>
  /** Worth trying now: signed in and, as far as the OS knows, online. */
  ready(): boolean
  network: NetworkSignals
  log: Logger
  /** Between two refreshes that went through; null: none by timer, only when woken. */
  periodMs: number | null
  /** After a failure, doubled each time up to periodMs. */
  retryMs?: number
  /** When the last refresh went through, as stored by an earlier run of the app. */
  lastRefreshAt?: number | null
  now?: () => number
  /** The timers to wait with; a simulated day passes its own clock's. */
  timers?: Timers
}

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(timer: unknown): void
}

export const realTimers: Timers = {
  setTimeout(run, ms) {
    const timer = setTimeout(run, ms)
    // A timer alone must not keep a process (tests, tools) alive.
    timer.unref?.()
    return timer
  },
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
}

export interface RefreshSchedule {
  /** Refreshes now, then every periodMs while ready. */
  start(): void
  /** Cancels what is on the wire and waits for it to end. */
  stop(): Promise<void>
  /** Refreshes soon (after `delayMs`), unless one is already due sooner. */
  wake(reason: string, delayMs?: number): void
  /**
   * Refreshes now, or right after the one running; resolves when that one ended. Works
   * before start() too, for callers that keep the timers off.
   */
  refresh(reason: string): Promise<RefreshStatus>
  /**
   * Changes the time between refreshes, counted from the last one: a refresh already older
   * than the new period runs now (the catch-up after a while unseen); null stops the timer
   * until a wake or a new period.
   */
  setPeriod(periodMs: number | null): void
  status(): RefreshStatus
}

/** Without a period, how long retries of a failed wake may grow apart. */
const retryCapMs = 60 * 60_000

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * The timer around a background refresh: one at a time, retried with backoff, never fatal,
 * and idle while signed out or offline (a sign-in or the network coming back wakes it).
 */
export function createRefreshSchedule(options: RefreshScheduleOptions): RefreshSchedule {
  const { log, name } = options
  let periodMs = options.periodMs
  const now = options.now ?? Date.now
  const retryMs = options.retryMs ?? 30_000
  const timers = options.timers ?? realTimers
  /** Timers run only once started; refresh() works from the beginning until stop(). */
  let started = false
  let stopped = false
  let timer: unknown = null
  let dueAt: number | null = null
  /** The pending timer is the period's (not a wake's or a retry's): a new period replaces it. */
  let periodic = false
  let running: Promise<void> | null = null
  let again: { reason: string; done: Promise<void>; resolve: () => void } | null = null
  let controller: AbortController | null = null
  let failures = 0
  let lastRefreshAt = options.lastRefreshAt ?? null
  let lastError: string | null = null

  const status = (): RefreshStatus => ({ refreshing: running !== null, lastRefreshAt, lastError })

  function schedule(delayMs: number, byPeriod = false): void {
    if (!started) return
    const at = now() + delayMs
    if (timer && dueAt !== null && dueAt <= at) return
    if (timer) timers.clearTimeout(timer)
    dueAt = at
    periodic = byPeriod
    timer = timers.setTimeout(() => {
      timer = null
      dueAt = null
      void begin('timer')
    }, delayMs)
  }

  async function once(reason: string): Promise<void> {
    if (!options.ready()) return
    controller = new AbortController()
    try {
      const done = await options.run(controller.signal)
      if (!done) return
      failures = 0
      lastError = null
      lastRefreshAt = now()
      if (periodMs !== null) schedule(periodMs, true)
    } catch (error) {
      if (stopped && controller.signal.aborted) return
      failures += 1
      lastError = describe(error)
      const wait = Math.min(periodMs ?? retryCapMs, retryMs * 2 ** (failures - 1))
      log.warn({ refresh: name, reason, failures, retryInMs: wait, err: error }, 'refresh failed')
      schedule(wait)
    } finally {
      controller = null
    }
  }

  function begin(reason: string): Promise<void> {
    if (running) {
      // One more pass after this one, for whatever asked meanwhile.
      if (!again) {
        let resolve = () => {}
        const done = new Promise<void>((r) => (resolve = r))
        again = { reason, done, resolve }
      }
      return again.done
    }
    running = (async () => {
      try {
        await once(reason)
        while (again && !stopped) {
          const next = again
          again = null
          await once(next.reason)
          next.resolve()
        }
      } finally {
        again?.resolve()
        again = null
        running = null
      }
    })()
    return running
  }

  const stopNetwork = options.network.onChange((online) => {
    if (online) schedule(0)
  })

  return {
    start() {
      if (started) return
      started = true
      schedule(0)
    },
    async stop() {
      started = false
      stopped = true
      stopNetwork()
      if (timer) timers.clearTimeout(timer)
      timer = null
      controller?.abort()
      await running
    },
    wake(reason, delayMs = 0) {
      if (!started) return
      log.debug({ refresh: name, reason }, 'refresh woken')
      schedule(delayMs)
    },
    async refresh(reason) {
      if (!stopped) await begin(reason)
      return status()
    },
    setPeriod(next) {
      if (next === periodMs) return
      periodMs = next
      // A wake or a retry stays as it is; only the period's own timer moves.
      if (timer && periodic) {
        timers.clearTimeout(timer)
        timer = null
        dueAt = null
      }
      if (next !== null && lastRefreshAt !== null && failures === 0 && !timer) {
        schedule(Math.max(0, lastRefreshAt + next - now()), true)
      }
    },
    status,
  }
}
