import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../../../test/support/temp-dir'
import { LeadboxError } from '../../../shared/result'
import { createSilentLogger } from '../log/logger'
import { openDatabase } from './database'
import { userVersion } from './migrate'
import { latestVersion } from './migrations/index'

const log = createSilentLogger()
const tempDir = useTempDirs()
const fixedNow = () => new Date('2026-11-27T10:00:00.000Z')

describe('openDatabase', () => {
  it('creates a migrated database in WAL mode with foreign keys on', () => {
    const file = join(tempDir(), 'nested', 'leadbox.db')
    const { db, health } = openDatabase(file, { log })
    expect(health).toEqual({ status: 'ok' })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(userVersion(db)).toBe(latestVersion)
    db.close()
  })

  it('keeps what was written across a reopen', () => {
    const file = join(tempDir(), 'leadbox.db')
    const first = openDatabase(file, { log })
    first.db.prepare('INSERT INTO settings VALUES (?, ?, ?)').run('k', '"v"', 1)
    first.db.close()
    const second = openDatabase(file, { log })
    expect(second.db.prepare('SELECT value FROM settings').pluck().get()).toBe('"v"')
    second.db.close()
  })

  it('moves a file that is not a database aside, keeps its bytes, and reports it', () => {
    const dir = tempDir()
    const file = join(dir, 'leadbox.db')
    writeFileSync(file, 'these bytes are not SQLite, and must survive')
    writeFileSync(`${file}-wal`, 'wal bytes')
    const { db, health } = openDatabase(file, { log, now: fixedNow })
    expect(health).toMatchObject({
      status: 'recovered',
      movedAsideAs: 'leadbox.db.damaged-2026-11-27T10-00-00-000Z',
    })
    const aside = join(dir, 'leadbox.db.damaged-2026-11-27T10-00-00-000Z')
    expect(readFileSync(aside, 'utf8')).toBe('these bytes are not SQLite, and must survive')
    expect(readFileSync(`${aside}-wal`, 'utf8')).toBe('wal bytes')
    expect(userVersion(db)).toBe(latestVersion)
    db.close()
  })

  it('moves aside a database whose pages are damaged', () => {
    const dir = tempDir()
    const file = join(dir, 'leadbox.db')
    const seed = new Database(file)
    seed.pragma('journal_mode = DELETE')
    seed.exec('CREATE TABLE filler (x TEXT); CREATE INDEX filler_x ON filler (x);')
    const insert = seed.prepare('INSERT INTO filler VALUES (?)')
    seed.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${'x'.repeat(50)}`)
    })()
    seed.close()
    // Scribble over the middle of the file, past the header: the pages no longer add up.
    const bytes = readFileSync(file)
    bytes.fill(0xab, 8192, 8192 + 16384)
    writeFileSync(file, bytes)

    const { db, health } = openDatabase(file, { log, now: fixedNow })
    expect(health.status).toBe('recovered')
    expect(readdirSync(dir).some((name) => name.startsWith('leadbox.db.damaged-'))).toBe(true)
    db.close()
  })

  it('moves aside a path it cannot open as a file', () => {
    const dir = tempDir()
    const file = join(dir, 'leadbox.db')
    mkdirSync(file)
    const { db, health } = openDatabase(file, { log, now: fixedNow })
    expect(health.status).toBe('recovered')
    expect(existsSync(join(dir, 'leadbox.db.damaged-2026-11-27T10-00-00-000Z'))).toBe(true)
    db.close()
  })

  it('refuses a database from a newer Leadbox and leaves it untouched', () => {
    const file = join(tempDir(), 'leadbox.db')
    const newer = new Database(file)
    newer.pragma(`user_version = ${latestVersion + 5}`)
    newer.close()
    const before = readFileSync(file)
    expect(() => openDatabase(file, { log })).toThrow(LeadboxError)
    expect(() => openDatabase(file, { log })).toThrow(/newer Leadbox/)
    expect(readFileSync(file).equals(before)).toBe(true)
  })
})
