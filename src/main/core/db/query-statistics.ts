import { realTimers, type Timers } from '../catalog/refresh-schedule'
import type { Logger } from '../log/logger'
import type { Db } from './database'

/**
 * SQLite picks each query's plan from table statistics that only ANALYZE gathers: without
 * them, an inbox of 100,000 cached leads can get plans hundreds of times slower than with.
 * SQLite's advice for a connection that stays open: `optimize` soon after opening, then now
 * and then and at close, each pass bounded by `analysis_limit` and a no-op for tables that
 * barely changed.
 */
export interface QueryStatistics {
  /** The pass soon after the start has run (tests and benchmarks wait on it). */
  firstPass: Promise<void>
  /** Stops the timer and runs the last pass, before the database closes. */
  stop(): void
}

const hour = 60 * 60_000

export function keepQueryStatistics(
  db: Db,
  options: { log: Logger; timers?: Timers; delayMs?: number; everyMs?: number },
): QueryStatistics {
  const timers = options.timers ?? realTimers
  let timer: unknown = null
  let finishFirst: () => void = () => {}
  const firstPass = new Promise<void>((resolve) => (finishFirst = resolve))
  const pass = () => {
    if (!db.open) return
    try {
      db.pragma('analysis_limit = 400')
      // 0x10002: every table, not only those this connection has queried so far (the
      // inbox's first download only writes). A table that never changed ten-fold is skipped.
      db.pragma('optimize = 0x10002')
    } catch (error) {
      // Statistics only make queries faster; a failed pass changes no data.
      options.log.warn({ error: (error as Error).message }, 'query statistics not refreshed')
    }
  }
  const every = () => {
    pass()
    timer = timers.setTimeout(every, options.everyMs ?? hour)
  }
  timer = timers.setTimeout(() => {
    pass()
    finishFirst()
    timer = timers.setTimeout(every, options.everyMs ?? hour)
  }, options.delayMs ?? 10_000)
  return {
    firstPass,
    stop() {
      if (timer !== null) timers.clearTimeout(timer)
      timer = null
      finishFirst()
      pass()
    },
  }
}
