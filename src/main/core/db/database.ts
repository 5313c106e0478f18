import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { DatabaseHealth } from '../../../shared/ipc/contract'
import { LeadboxError } from '../../../shared/result'
import type { Logger } from '../log/logger'
import { assertNotNewer, migrate } from './migrate'

export type Db = Database.Database

export interface OpenDatabaseOptions {
  /** A better-sqlite3 binary built for the running runtime (Electron's ABI in the app). */
  nativeBinding?: string
  log: Logger
  now?: () => Date
}

export interface OpenedDatabase {
  db: Db
  health: DatabaseHealth
}

// Errors that mean the bytes on disk are not a usable database, as opposed to a busy or
// missing folder: these files are moved aside so the app can start again.
const damagedCodes = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CANTOPEN', 'SQLITE_PERM'])
const isDamage = (error: unknown): boolean => {
  const code = (error as { code?: unknown }).code
  return (
    error instanceof DamagedDatabase ||
    (typeof code === 'string' &&
      (damagedCodes.has(code) || code.startsWith('SQLITE_CORRUPT') || code === 'EACCES'))
  )
}

class DamagedDatabase extends Error {}

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1')

/**
 * Reads the header before SQLite touches anything: SQLite would discard the WAL beside a
 * file it does not recognise, and that WAL may hold the last leads.
 */
function checkHeader(file: string): void {
  if (!existsSync(file) || !statSync(file).isFile() || statSync(file).size === 0) return
  const header = Buffer.alloc(sqliteHeader.length)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, header, 0, header.length, 0)
  } finally {
    closeSync(fd)
  }
  if (!header.equals(sqliteHeader)) throw new DamagedDatabase('the file is not a SQLite database')
}

function configure(db: Db): void {
  // Checked before anything writes, so a newer file is refused untouched.
  assertNotNewer(db)
  const check = db.pragma('quick_check', { simple: true })
  if (check !== 'ok') throw new DamagedDatabase(`integrity check said: ${String(check)}`)
  db.pragma('journal_mode = WAL')
  // FULL: a lead acknowledged to the user survives a power cut, not only a crash.
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
}

function openAndMigrate(file: string, nativeBinding: string | undefined): Db {
  checkHeader(file)
  const db = new Database(file, nativeBinding ? { nativeBinding } : {})
  try {
    configure(db)
    migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** Renames the file and its WAL companions; nothing is ever deleted. */
function moveAside(file: string, stamp: string): string {
  const aside = `${file}.damaged-${stamp}`
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix)
  }
  return aside
}

/**
 * Opens the one database of the app: WAL, foreign keys, migrated to the latest schema.
 * A damaged or unreadable file is moved aside and reported in `health`, never overwritten.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions): OpenedDatabase {
  const { log, nativeBinding } = options
  mkdirSync(dirname(file), { recursive: true })
  try {
    return { db: openAndMigrate(file, nativeBinding), health: { status: 'ok' } }
  } catch (error) {
    if (error instanceof LeadboxError) throw error
    if (!isDamage(error) || !existsSync(file)) {
      throw new LeadboxError(
        'database_unavailable',
        `Leadbox could not open its database: ${(error as Error).message}`,
      )
    }
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')
    let aside: string
    try {
      aside = moveAside(file, stamp)
    } catch (moveError) {
      throw new LeadboxError(
        'database_unavailable',
        `Leadbox's database is damaged and could not be moved aside (${(moveError as Error).message}). Nothing was changed; move the file away by hand to start again.`,
      )
    }
    const reason = (error as Error).message
    log.error({ movedAsideAs: basename(aside), reason }, 'database damaged: moved aside')
    return {
      db: openAndMigrate(file, nativeBinding),
      health: { status: 'recovered', movedAsideAs: basename(aside), reason },
    }
  }
}
