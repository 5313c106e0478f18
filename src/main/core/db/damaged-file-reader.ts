import type Database from 'better-sqlite3'

export type StoredRow = Record<string, unknown>

export interface TableRead {
  /** Each row as stored, by column name, with its rowid under `rowidKey`. */
  rows: StoredRow[]
  /** Rowids on pages that could not be read (up to the highest rowid known). */
  unreadable: number[]
}

export const rowidKey = 'rowid:'

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/** The answer, or null when the pages it needs are damaged. */
export function tryRead<T>(read: () => T): T | null {
  try {
    return read()
  } catch {
    return null
  }
}

/** The highest rowid any part of the file still knows: the table itself or one of its indexes. */
function highestRowid(db: Database.Database, table: string): number {
  const known: number[] = []
  const direct = tryRead(() =>
    db
      .prepare(`SELECT max(_rowid_) FROM ${quote(table)}`)
      .pluck()
      .get(),
  )
  if (typeof direct === 'number') known.push(direct)
  const indexes =
    tryRead(() => db.prepare(`SELECT name FROM pragma_index_list(?)`).pluck().all(table)) ?? []
  for (const index of indexes as string[]) {
    // Only the index's pages are read: it holds the rowid of every row it lists.
    const max = tryRead(() =>
      db
        .prepare(`SELECT max(_rowid_) FROM ${quote(table)} INDEXED BY ${quote(index)}`)
        .pluck()
        .get(),
    )
    if (typeof max === 'number') known.push(max)
  }
  return Math.max(0, ...known)
}

/**
 * Reads every row of a table in a damaged file that its pages still give. A read that meets
 * a damaged page is split in two rowid ranges, and again, so one bad page loses only the
 * rows stored on it.
 */
export function readTable(db: Database.Database, table: string): TableRead {
  // NOT INDEXED: the table's own pages, whatever state its indexes are in.
  const all = `SELECT _rowid_ AS ${quote(rowidKey)}, * FROM ${quote(table)} NOT INDEXED`
  const whole = tryRead(() => db.prepare(all).all() as StoredRow[])
  if (whole !== null) return { rows: whole, unreadable: [] }

  const range = db.prepare(`${all} WHERE _rowid_ BETWEEN ? AND ?`)
  // One row is looked up, not scanned to: a scan steps on to the next row to see where the
  // range ends, and the next row may be on the damaged page.
  const one = db.prepare(`${all} WHERE _rowid_ = ?`)
  const rows: StoredRow[] = []
  const unreadable: number[] = []
  const pending: Array<[number, number]> = [[1, highestRowid(db, table)]]
  while (pending.length > 0) {
    const [low, high] = pending.pop()!
    if (low > high) continue
    const got = tryRead(() => (low === high ? one.all(low) : range.all(low, high)) as StoredRow[])
    if (got !== null) rows.push(...got)
    else if (low === high) unreadable.push(low)
    else {
      const middle = Math.floor((low + high) / 2)
      pending.push([middle + 1, high], [low, middle])
    }
  }
  rows.sort((a, b) => (a[rowidKey] as number) - (b[rowidKey] as number))
  return { rows, unreadable }
}

/**
 * What the table's indexes still hold of rows whose own pages could not be read: each index
 * keeps its columns and the rowid, so together they may give a whole row back.
 */
export function rowsFromIndexes(
  db: Database.Database,
  table: string,
  rowids: readonly number[],
): Map<number, StoredRow> {
  const found = new Map<number, StoredRow>()
  if (rowids.length === 0) return found
  const wanted = new Set(rowids)
  const indexes =
    tryRead(
      () => db.prepare('SELECT name FROM pragma_index_list(?)').pluck().all(table) as string[],
    ) ?? []
  for (const index of indexes) {
    const columns = tryRead(
      () =>
        db
          .prepare('SELECT name FROM pragma_index_info(?) WHERE name IS NOT NULL')
          .pluck()
          .all(index) as string[],
    )
    if (!columns || columns.length === 0) continue
    // Only the index's pages are read: it covers the columns asked for.
    const entries = tryRead(
      () =>
        db
          .prepare(
            `SELECT _rowid_ AS ${quote(rowidKey)}, ${columns.map(quote).join(', ')}
             FROM ${quote(table)} INDEXED BY ${quote(index)}`,
          )
          .all() as StoredRow[],
    )
    for (const entry of entries ?? []) {
      const rowid = entry[rowidKey] as number
      if (wanted.has(rowid)) found.set(rowid, { ...found.get(rowid), ...entry })
    }
  }
  return found
}
