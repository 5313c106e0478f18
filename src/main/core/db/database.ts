import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { basename, dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { DatabaseHealth } from '../../../shared/ipc/contract'
import { LeadboxError } from '../../../shared/result'
import type { Logger } from '../log/logger'
import {
  checkAtOpenUpToBytes,
  checkWholeDatabase,
  damageFoundEarlier,
  forgetDamageFound,
} from './integrity-check'
import { assertNotNewer, migrate } from './migrate'
import { salvageInto, type Salvage } from './salvage'

export type Db = Database.Database

export interface OpenDatabaseOptions {
  /** A better-sqlite3 binary built for the running runtime (Electron's ABI in the app). */
  nativeBinding?: string
  log: Logger
  now?: () => Date
  /** Files up to this size are checked whole before anything writes; larger ones later. */
  checkAtOpenUpToBytes?: number
}

export interface OpenedDatabase {
  db: Db
  health: DatabaseHealth
  /** Not checked at open: run `checkIntegrityLater` once the start's answers are out. */
  checkLater: boolean
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

function configure(db: Db, checkNow: boolean): void {
  // Checked before anything writes, so a newer file is refused untouched.
  assertNotNewer(db)
  if (checkNow) {
    const problem = checkWholeDatabase(db)
    if (problem !== null) throw new DamagedDatabase(`integrity check said: ${problem}`)
  }
  db.pragma('journal_mode = WAL')
  // FULL: a lead acknowledged to the user survives a power cut, not only a crash.
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
}

function openAndMigrate(file: string, nativeBinding: string | undefined, checkNow: boolean): Db {
  checkHeader(file)
  const db = new Database(file, nativeBinding ? { nativeBinding } : {})
  try {
    configure(db, checkNow)
    migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

const walCompanions = ['', '-wal', '-shm']

/** Renames the file and its WAL companions; nothing is ever deleted. */
function moveAside(file: string, stamp: string): string {
  const aside = `${file}.damaged-${stamp}`
  for (const suffix of walCompanions) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix)
  }
  return aside
}

/**
 * The fresh database is filled beside the damaged one and takes its place only when full, so
 * a start cut short never leaves an empty database where the damaged one was.
 */
const rebuiltOf = (file: string) => `${file}.rebuilt`

/** Ends a replacement a start left half done: the damaged file was moved, the new one not. */
function finishReplacing(file: string): void {
  const rebuilt = rebuiltOf(file)
  if (existsSync(file) || !existsSync(rebuilt)) return
  for (const suffix of walCompanions) {
    if (existsSync(rebuilt + suffix)) renameSync(rebuilt + suffix, file + suffix)
  }
}

/** A new database filled with what the damaged file still holds that is not in Pipedrive. */
function rebuild(file: string, options: OpenDatabaseOptions): Salvage {
  const rebuilt = rebuiltOf(file)
  // Left by a start cut short before the damaged file moved: built again from it.
  for (const suffix of walCompanions) rmSync(rebuilt + suffix, { force: true })
  const db = openAndMigrate(rebuilt, options.nativeBinding, true)
  try {
    return salvageFrom(db, file, options)
  } finally {
    db.close()
  }
}

/** Counts only in the log: the rows are the user's leads. */
function salvageFrom(db: Db, damaged: string, options: OpenDatabaseOptions): Salvage {
  try {
    const salvage = salvageInto(db, damaged, options.nativeBinding)
    options.log.info(salvage, 'database damaged: unsent changes recovered')
    return salvage
  } catch (error) {
    options.log.error({ error: (error as Error).message }, 'database damaged: nothing recovered')
    return { readable: false, changesRecovered: 0, changesUnreadable: 0 }
  }
}

/**
 * Opens the one database of the app: WAL, foreign keys, migrated to the latest schema.
 * A damaged or unreadable file is moved aside and reported in `health`, never overwritten;
 * what it held that has not reached Pipedrive is brought into the fresh one.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions): OpenedDatabase {
  const { log, nativeBinding } = options
  mkdirSync(dirname(file), { recursive: true })
  finishReplacing(file)
  // A small file costs little to check now; one a running check found damaged is checked
  // now whatever its size, so the damage is repaired before anything else writes.
  const checkNow =
    !existsSync(file) ||
    !statSync(file).isFile() ||
    statSync(file).size <= (options.checkAtOpenUpToBytes ?? checkAtOpenUpToBytes) ||
    damageFoundEarlier(file) !== null
  try {
    const db = openAndMigrate(file, nativeBinding, checkNow)
    forgetDamageFound(file)
    return { db, health: { status: 'ok' }, checkLater: !checkNow }
  } catch (error) {
    if (error instanceof LeadboxError) throw error
    if (!isDamage(error) || !existsSync(file)) {
      throw new LeadboxError(
        'database_unavailable',
        `Leadbox could not open its database: ${(error as Error).message}`,
      )
    }
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')
    const salvage = rebuild(file, options)
    let aside: string
    try {
      aside = moveAside(file, stamp)
      finishReplacing(file)
    } catch (moveError) {
      throw new LeadboxError(
        'database_unavailable',
        `Leadbox's database is damaged and could not be moved aside (${(moveError as Error).message}). Nothing was changed; move the file away by hand to start again.`,
      )
    }
    const reason = (error as Error).message
    log.error({ movedAsideAs: basename(aside), reason }, 'database damaged: moved aside')
    forgetDamageFound(file)
    const db = openAndMigrate(file, nativeBinding, true)
    return {
      db,
      health: { status: 'recovered', movedAsideAs: basename(aside), reason, ...salvage },
      checkLater: false,
    }
  }
}
