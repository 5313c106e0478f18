import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { Db } from './database'
import { realTimers, type Timers } from '../catalog/refresh-schedule'
import type { Logger } from '../log/logger'

/**
 * SQLite's own check reads every page: about a second for a large sales team's database,
 * which the first answer after a start must not wait for. Up to this size it runs before
 * anything writes; above it, after the start, one table at a time.
 */
export const checkAtOpenUpToBytes = 4 * 1024 * 1024

/** Beside the database: damage found while the app ran, to be repaired at the next start. */
export const damageMarkerOf = (file: string): string => `${file}.damage-found`

/** What a check found damaged, written by an earlier run; null when nothing was. */
export function damageFoundEarlier(file: string): string | null {
  const marker = damageMarkerOf(file)
  return existsSync(marker) ? readFileSync(marker, 'utf8') : null
}

export function forgetDamageFound(file: string): void {
  const marker = damageMarkerOf(file)
  if (existsSync(marker)) rmSync(marker, { force: true })
}

/** The whole file at once: for a start, before anything writes. */
export function checkWholeDatabase(db: Db): string | null {
  const result = db.pragma('quick_check', { simple: true })
  return result === 'ok' ? null : String(result)
}

export interface IntegrityCheckOptions {
  file: string
  log: Logger
  /** Told once, in plain words, when a table is damaged. */
  onDamage(reason: string): void
  /** Before the first table: the start's own work comes first. */
  delayMs?: number
  /** Between two tables, so waiting answers go first. */
  gapMs?: number
  timers?: Timers
}

export interface IntegrityCheck {
  /** Resolves when every table was checked, or the check stopped or found damage. */
  done: Promise<void>
  stop(): void
}

/**
 * Checks the open database table by table (each with its indexes), one per timer tick.
 * Damage is remembered beside the file, so the next start repairs it the way a start finds
 * it: the file moved aside, kept, and a fresh one begun.
 */
export function checkIntegrityLater(db: Db, options: IntegrityCheckOptions): IntegrityCheck {
  const timers = options.timers ?? realTimers
  let timer: unknown = null
  let stopped = false
  let finish: () => void = () => {}
  const done = new Promise<void>((resolve) => (finish = resolve))
  // Search indexes are left out: they are rebuilt from their tables, and their own pages are
  // the shadow tables checked here; checking one as a whole costs half a second at once.
  const tables = (
    db.prepare("SELECT name, type FROM pragma_table_list WHERE schema = 'main'").all() as {
      name: string
      type: string
    }[]
  )
    .filter((table) => table.type === 'table' || table.type === 'shadow')
    .map((table) => table.name)

  const checkNext = () => {
    timer = null
    if (stopped || !db.open) return finish()
    const table = tables.shift()
    if (table === undefined) {
      options.log.info('database integrity check passed')
      return finish()
    }
    let problem: string | null
    try {
      const result = db.pragma(`quick_check("${table.replaceAll('"', '""')}")`, { simple: true })
      problem = result === 'ok' ? null : String(result)
    } catch (error) {
      problem = (error as Error).message
    }
    if (problem !== null) {
      const reason = `the table ${table} is damaged: ${problem}`
      options.log.error({ table, problem }, 'database damaged: found while running')
      try {
        writeFileSync(damageMarkerOf(options.file), reason)
      } catch (error) {
        options.log.error({ error: (error as Error).message }, 'could not note the damage found')
      }
      options.onDamage(reason)
      return finish()
    }
    timer = timers.setTimeout(checkNext, options.gapMs ?? 20)
  }
  timer = timers.setTimeout(checkNext, options.delayMs ?? 5_000)
  return {
    done,
    stop() {
      stopped = true
      if (timer !== null) timers.clearTimeout(timer)
      timer = null
      finish()
    },
  }
}
