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
  /** Between two refreshes that went through. */
  periodMs: number
  /** After a failure, doubled each time up to periodMs. */
  retryMs?: number
  /** When the last refresh went through, as stored by an earlier run of the app. */
  lastRefreshAt?: number | null
  now?: () => number
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
   * Changes the time between refreshes. A shorter one applies at once (a refresh already
   * older than it runs now); a longer one from the next refresh on.
   */
  setPeriod(periodMs: number): void
  status(): RefreshStatus
}

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
  /** Timers run only once started; refresh() works from the beginning until stop(). */
  let started = false
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | null = null
  let dueAt: number | null = null
  let running: Promise<void> | null = null
  let again: { reason: string; done: Promise<void>; resolve: () => void } | null = null
  let controller: AbortController | null = null
  let failures = 0
  let lastRefreshAt = options.lastRefreshAt ?? null
  let lastError: string | null = null

  const status = (): RefreshStatus => ({ refreshing: running !== null, lastRefreshAt, lastError })

  function schedule(delayMs: number): void {
    if (!started) return
    const at = now() + delayMs
    if (timer && dueAt !== null && dueAt <= at) return
    if (timer) clearTimeout(timer)
    dueAt = at
    timer = setTimeout(() => {
      timer = null
      dueAt = null
      void begin('timer')
    }, delayMs)
    // A timer alone must not keep a process (tests, tools) alive.
    timer.unref?.()
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
      schedule(periodMs)
    } catch (error) {
      if (stopped && controller.signal.aborted) return
      failures += 1
      lastError = describe(error)
      const wait = Math.min(periodMs, retryMs * 2 ** (failures - 1))
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
      if (timer) clearTimeout(timer)
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
      const shorter = next < periodMs
      periodMs = next
      if (shorter && lastRefreshAt !== null && failures === 0) {
        schedule(Math.max(0, lastRefreshAt + next - now()))
      }
    },
    status,
  }
}
