import { readFileSync, writeFileSync } from 'node:fs'
import Database from 'better-sqlite3'

/**
 * Scribbles over one leaf page of a table (the middle one), as a bad disk sector would, after
 * folding the WAL into the file so the page is really there. Returns the rowids it held.
 */
export function damageLeafPageOf(file: string, table: string): number[] {
  const db = new Database(file)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.pragma('journal_mode = DELETE')
  const pages = db
    .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")
    .pluck()
    .all(table) as number[]
  if (pages.length < 3) throw new Error(`${table} has ${pages.length} leaf pages; add rows`)
  const page = pages[Math.floor(pages.length / 2)]!
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const onPage = rowidsOnPage(db, table, page)
  db.close()
  const bytes = readFileSync(file)
  bytes.fill(0xab, (page - 1) * pageSize, page * pageSize)
  writeFileSync(file, bytes)
  return onPage
}

/** Which rowids a leaf page holds: the leaves in tree order (dbstat's path) share the rows out. */
function rowidsOnPage(db: Database.Database, table: string, page: number): number[] {
  const leaves = db
    .prepare(`SELECT pageno, ncell FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path`)
    .all(table) as Array<{ pageno: number; ncell: number }>
  const rowids = db
    .prepare(`SELECT _rowid_ FROM "${table}" NOT INDEXED ORDER BY _rowid_`)
    .pluck()
    .all() as number[]
  let at = 0
  for (const leaf of leaves) {
    if (leaf.pageno === page) return rowids.slice(at, at + leaf.ncell)
    at += leaf.ncell
  }
  return []
}

/** Garbage over the first bytes: the file is no longer recognisably SQLite. */
export function damageHeaderOf(file: string): void {
  const bytes = readFileSync(file)
  bytes.fill(0xab, 0, 100)
  writeFileSync(file, bytes)
}
