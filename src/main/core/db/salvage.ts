import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import {
  readTable,
  rowidKey,
  rowsFromIndexes,
  tryRead,
  type StoredRow,
  type TableRead,
} from './damaged-file-reader'
import { settingSchemas } from '../settings/settings-store'
import { migrate } from './migrate'
import { latestVersion } from './migrations/index'

/** What came over from a damaged file into the fresh database. */
export interface Salvage {
  /** False when not one page of the file could be read. */
  readable: boolean
  /** Changes not yet sent to Pipedrive, now waiting in the fresh database. */
  changesRecovered: number
  /** Changes not yet sent (as far as the file can tell) whose pages could not be read. */
  changesUnreadable: number
}

const nothingRead: Salvage = { readable: false, changesRecovered: 0, changesUnreadable: 0 }

/** Rows in these states have reached Pipedrive or never will: every other row still has to. */
const finished = new Set(['sent', 'cancelled'])
const isUnsent = (row: StoredRow) => !finished.has(row['state'] as string)

/** A row whose person, organization or lead was on a damaged page: the user decides. */
const parentLost =
  'Part of this change (its person, organization or lead) was lost when the database was damaged. Check it and send it again.'

/**
 * The user's own data: the changes still to send, the rows they depend on (sent ones carry
 * their Pipedrive ids, so children link to the same records), and the settings with the
 * account list. Caches are read again from Pipedrive; tokens live only in the keychain.
 */
const salvagedTables = ['settings', 'outbox', 'outbox_dependency'] as const
type SalvagedTable = (typeof salvagedTables)[number]

/**
 * A copy of the file (and its WAL) to read: SQLite writes beside a WAL database it opens
 * (the WAL's index, a checkpoint when it closes), and the damaged file is kept as it was.
 */
function copyToRead(damaged: string): { file: string; remove(): void } {
  const dir = mkdtempSync(join(dirname(damaged), `${basename(damaged)}.reading-`))
  const remove = () => rmSync(dir, { recursive: true, force: true })
  try {
    const file = join(dir, 'copy.db')
    copyFileSync(damaged, file)
    if (existsSync(`${damaged}-wal`)) copyFileSync(`${damaged}-wal`, `${file}-wal`)
    return { file, remove }
  } catch (error) {
    remove()
    throw error
  }
}

interface Found {
  version: number
  rows: Record<SalvagedTable, StoredRow[]>
  changesUnreadable: number
}

/** Unsent rows among the outbox rowids that could not be read, from its state index when it reads. */
function unsentAmong(source: Database.Database, outbox: TableRead): number {
  if (outbox.unreadable.length === 0) return 0
  const indexed = tryRead(
    () =>
      source.prepare('SELECT id, state FROM outbox INDEXED BY outbox_by_state').all() as Array<{
        id: number
        state: string
      }>,
  )
  if (indexed === null) return outbox.unreadable.length
  const stateOf = new Map(indexed.map((row) => [row.id, row.state]))
  return outbox.unreadable.filter((id) => stateOf.has(id) && !finished.has(stateOf.get(id)!)).length
}

/** The unsent rows, and every row they depend on, however far up. */
function withParents(outbox: StoredRow[], dependencies: StoredRow[]): StoredRow[] {
  const byId = new Map(outbox.map((row) => [row['id'] as number, row]))
  const parentsOf = new Map<number, number[]>()
  for (const link of dependencies) {
    const child = link['row_id'] as number
    parentsOf.set(child, [...(parentsOf.get(child) ?? []), link['parent_id'] as number])
  }
  const kept = new Set(outbox.filter(isUnsent).map((row) => row['id'] as number))
  const pending = [...kept]
  while (pending.length > 0) {
    const id = pending.pop()!
    const leadRef = byId.get(id)?.['lead_ref']
    const leadRow =
      typeof leadRef === 'string' && leadRef.startsWith('outbox:')
        ? [Number(leadRef.slice('outbox:'.length))]
        : []
    for (const parent of [...(parentsOf.get(id) ?? []), ...leadRow]) {
      if (kept.has(parent) || !byId.has(parent)) continue
      kept.add(parent)
      pending.push(parent)
    }
  }
  return outbox.filter((row) => kept.has(row['id'] as number))
}

function readFound(source: Database.Database): Found | null {
  const version = tryRead(() => source.pragma('user_version', { simple: true }) as number)
  const tables = tryRead(
    () =>
      source
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .pluck()
        .all() as string[],
  )
  // A newer Leadbox's rows may mean what this one cannot know.
  if (version === null || tables === null || version > latestVersion) return null
  const read = (table: SalvagedTable): TableRead =>
    tables.includes(table) ? readTable(source, table) : { rows: [], unreadable: [] }
  const settings = read('settings')
  const outbox = read('outbox')
  const dependencies = read('outbox_dependency')
  // A link on a damaged page is put together again from its table's two indexes; a child
  // whose link is only half there is held like one whose parent could not be read.
  const lostParent = new Set<unknown>()
  const allLinks = [...dependencies.rows]
  const fromIndexes = rowsFromIndexes(source, 'outbox_dependency', dependencies.unreadable)
  for (const link of fromIndexes.values()) {
    if (link['parent_id'] !== undefined && link['role'] !== undefined) allLinks.push(link)
    else if (link['row_id'] !== undefined) lostParent.add(link['row_id'])
  }
  const kept = withParents(outbox.rows, allLinks)
  const keptIds = new Set(kept.map((row) => row['id']))
  const readIds = new Set(outbox.rows.map((row) => row['id']))
  const links = allLinks.filter((link) => {
    if (!keptIds.has(link['row_id'])) return false
    if (readIds.has(link['parent_id'])) return true
    lostParent.add(link['row_id'])
    return false
  })
  const rows = kept.map((row) =>
    lostParent.has(row['id']) && isUnsent(row)
      ? { ...row, state: 'needs_attention', last_error: parentLost }
      : row,
  )
  // Preferences this Leadbox knows, nothing else: a damaged page may have made up a key.
  const preferences = settings.rows.filter((row) =>
    Object.hasOwn(settingSchemas, row['key'] as string),
  )
  return {
    version,
    rows: { settings: preferences, outbox: rows, outbox_dependency: links },
    changesUnreadable: unsentAmong(source, outbox),
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Inserts by column name, the columns both sides have; false when the row was refused. */
function inserter(db: Database.Database, table: string): (row: StoredRow) => boolean {
  const columns = new Set(
    db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[],
  )
  const statements = new Map<string, Database.Statement>()
  return (row) => {
    const names = Object.keys(row).filter((name) => name !== rowidKey && columns.has(name))
    const key = names.join(',')
    let insert = statements.get(key)
    if (!insert) {
      insert = db.prepare(
        `INSERT INTO ${quote(table)} (${names.map(quote).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      )
      statements.set(key, insert)
    }
    try {
      insert.run(...names.map((name) => row[name]))
      return true
    } catch {
      return false
    }
  }
}

/**
 * The rows go first into a scratch database at the damaged file's own schema version, which
 * the numbered migrations then bring up to date exactly as they would the file, and from
 * there into the fresh database, all in one transaction.
 */
function moveInto(db: Database.Database, found: Found, nativeBinding?: string): Salvage {
  const scratch = new Database(':memory:', nativeBinding ? { nativeBinding } : {})
  try {
    migrate(scratch, found.version)
    let refused = 0
    for (const table of salvagedTables) {
      const insert = inserter(scratch, table)
      for (const row of found.rows[table]) {
        if (insert(row)) continue
        if (table === 'outbox' && isUnsent(row)) refused += 1
        // A link refused with its parent leaves the child without it: the user decides.
        if (table === 'outbox_dependency') {
          scratch
            .prepare(
              `UPDATE outbox SET state = 'needs_attention', last_error = ?
               WHERE id = ? AND state NOT IN ('sent', 'cancelled')`,
            )
            .run(parentLost, row['row_id'])
        }
      }
    }
    migrate(scratch)
    let changesRecovered = 0
    db.transaction(() => {
      for (const table of salvagedTables) {
        const insert = inserter(db, table)
        for (const row of scratch.prepare(`SELECT * FROM ${quote(table)}`).all() as StoredRow[]) {
          const unsent = table === 'outbox' && isUnsent(row)
          if (insert(row)) changesRecovered += unsent ? 1 : 0
          else refused += unsent ? 1 : 0
        }
      }
    })()
    return {
      readable: true,
      changesRecovered,
      changesUnreadable: found.changesUnreadable + refused,
    }
  } finally {
    scratch.close()
  }
}

/**
 * Brings what has not reached Pipedrive from a damaged file into the fresh database. The
 * file itself is never written: a copy of it is read, table by table, and row by row where a
 * page is damaged.
 */
export function salvageInto(
  db: Database.Database,
  damaged: string,
  nativeBinding?: string,
): Salvage {
  const copy = tryRead(() => copyToRead(damaged))
  if (copy === null) return nothingRead
  const source = tryRead(
    () =>
      new Database(copy.file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) }),
  )
  try {
    const found = source && tryRead(() => readFound(source))
    return found ? moveInto(db, found, nativeBinding) : nothingRead
  } finally {
    tryRead(() => source?.close())
    copy.remove()
  }
}
