import { readFileSync, writeFileSync } from 'node:fs'
import Database from 'better-sqlite3'

/** A database larger than what is checked at open, optionally with pages scribbled over. */
export function largeDatabase(file: string, damaged: boolean): void {
  const seed = new Database(file)
  seed.pragma('journal_mode = DELETE')
  seed.exec('CREATE TABLE filler (x TEXT); CREATE INDEX filler_x ON filler (x);')
  const insert = seed.prepare('INSERT INTO filler VALUES (?)')
  seed.transaction(() => {
    for (let i = 0; i < 40_000; i++) insert.run(`row ${i} ${'x'.repeat(100)}`)
  })()
  seed.close()
  if (!damaged) return
  // Scribble over pages in the middle of the file: the table's pages no longer add up.
  const bytes = readFileSync(file)
  const middle = Math.floor(bytes.length / 2 / 4096) * 4096
  bytes.fill(0xab, middle, middle + 16384)
  writeFileSync(file, bytes)
}
