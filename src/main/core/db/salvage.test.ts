import { copyFileSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { damageHeaderOf, damageLeafPageOf } from '../../../../test/support/damaged-database'
import { useTempDirs } from '../../../../test/support/temp-dir'
import { createSilentLogger } from '../log/logger'
import { openDatabase, type Db } from './database'
import { migrate } from './migrate'
import { salvageInto } from './salvage'

const log = createSilentLogger()
const tempDir = useTempDirs()
const fixedNow = () => new Date('2026-11-27T10:00:00.000Z')
const asideName = 'leadbox.db.damaged-2026-11-27T10-00-00-000Z'

const addRow = (
  db: Db,
  row: { clientId: string; state: string; kind?: string; remoteId?: string; leadRef?: string },
) =>
  Number(
    db
      .prepare(
        `INSERT INTO outbox (client_id, kind, state, payload, title, remote_id, lead_ref,
           last_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 5, 1, 2)`,
      )
      .run(
        row.clientId,
        row.kind ?? 'lead.create',
        row.state,
        JSON.stringify({ title: `Lead ${row.clientId}`, note: 'n'.repeat(150) }),
        `Lead ${row.clientId}`,
        row.remoteId ?? null,
        row.leadRef ?? null,
      ).lastInsertRowid,
  )

const fillCatalog = (db: Db) => {
  const insert = db.prepare('INSERT INTO catalog_person (id, name, email) VALUES (?, ?, ?)')
  db.transaction(() => {
    for (let i = 1; i <= 1500; i++) insert.run(i, `Person ${i}`, `p${i}@example.com`)
  })()
}

const states = ['queued', 'sending', 'uncertain', 'needs_attention', 'sent', 'cancelled']

/** A database as a user's: settings, unsent and finished changes, a filled cache. */
function seed(file: string, outboxRows = 24): Db {
  const { db } = openDatabase(file, { log })
  db.prepare('INSERT INTO settings VALUES (?, ?, 1)').run(
    'pipedriveAccount',
    JSON.stringify({ id: '7:1', companyName: 'Acme' }),
  )
  db.prepare('INSERT INTO settings VALUES (?, ?, 1)').run('launchAtLogin', 'true')
  db.prepare('INSERT INTO settings VALUES (?, ?, 1)').run('not a preference', '"x"')
  for (let i = 0; i < outboxRows; i++) addRow(db, { clientId: `c${i}`, state: states[i % 6]! })
  fillCatalog(db)
  return db
}

const unsentIn = (db: Db) =>
  db
    .prepare("SELECT client_id FROM outbox WHERE state NOT IN ('sent', 'cancelled') ORDER BY id")
    .pluck()
    .all() as string[]

describe('a damaged database loses no unsent change', () => {
  it('says nothing could be read from a file whose header is garbage', () => {
    const file = join(tempDir(), 'leadbox.db')
    seed(file).close()
    damageHeaderOf(file)
    const { db, health } = openDatabase(file, { log, now: fixedNow })
    expect(health).toMatchObject({
      status: 'recovered',
      readable: false,
      changesRecovered: 0,
      changesUnreadable: 0,
    })
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0)
    db.close()
  })

  it('recovers every unsent change, the settings and the account when a cache page is damaged', () => {
    const dir = tempDir()
    const file = join(dir, 'leadbox.db')
    const before = seed(file)
    const unsent = unsentIn(before)
    before.close()
    damageLeafPageOf(file, 'catalog_person')
    const asideBytes = readFileSync(file)

    const { db, health } = openDatabase(file, { log, now: fixedNow })
    expect(health).toMatchObject({
      status: 'recovered',
      movedAsideAs: asideName,
      readable: true,
      changesRecovered: 16,
      changesUnreadable: 0,
    })
    expect(unsentIn(db)).toEqual(unsent)
    // Finished rows with nothing waiting on them are history, not brought over.
    expect(db.prepare("SELECT count(*) FROM outbox WHERE state = 'sent'").pluck().get()).toBe(0)
    // States come over as they were: an uncertain row still looks before it sends.
    expect(db.prepare('SELECT state FROM outbox ORDER BY id').pluck().all()).toEqual(
      Array.from({ length: 16 }, (_, i) => states[[0, 1, 2, 3][i % 4]!]),
    )
    expect(db.prepare('SELECT key, value FROM settings ORDER BY key').all()).toEqual([
      { key: 'launchAtLogin', value: 'true' },
      { key: 'pipedriveAccount', value: JSON.stringify({ id: '7:1', companyName: 'Acme' }) },
    ])
    // The cache is read again from Pipedrive.
    expect(db.prepare('SELECT count(*) FROM catalog_person').pluck().get()).toBe(0)
    // The file set aside is left exactly as it was, and the reading copy is gone.
    expect(readFileSync(join(dir, asideName)).equals(asideBytes)).toBe(true)
    expect(readdirSync(dir).filter((name) => name.includes('.reading-'))).toEqual([])
    expect(db.pragma('foreign_key_check')).toEqual([])
    db.close()
  })

  it('recovers the changes on the outbox pages that read when one of them is damaged', () => {
    const file = join(tempDir(), 'leadbox.db')
    const before = seed(file, 240)
    const unsent = unsentIn(before)
    const unsentIds = new Set(
      before
        .prepare("SELECT id FROM outbox WHERE state NOT IN ('sent', 'cancelled')")
        .pluck()
        .all() as number[],
    )
    before.close()
    const lost = damageLeafPageOf(file, 'outbox')
    const lostUnsent = lost.filter((id) => unsentIds.has(id))
    expect(lostUnsent.length).toBeGreaterThan(0)

    const { db, health } = openDatabase(file, { log, now: fixedNow })
    expect(health).toMatchObject({
      status: 'recovered',
      readable: true,
      changesRecovered: unsent.length - lostUnsent.length,
      changesUnreadable: lostUnsent.length,
    })
    const lostClientIds = new Set(lostUnsent.map((id) => `c${id - 1}`))
    expect(unsentIn(db)).toEqual(unsent.filter((clientId) => !lostClientIds.has(clientId)))
    db.close()
  })

  it('recovers changes that were only in the WAL, and never writes the file or WAL it reads', () => {
    const file = join(tempDir(), 'leadbox.db')
    const { db: live } = openDatabase(file, { log })
    live.pragma('wal_checkpoint(TRUNCATE)')
    addRow(live, { clientId: 'only-in-wal', state: 'queued' })
    // The process dies here: the file and its WAL are as it left them.
    const dir = tempDir()
    const aside = join(dir, asideName)
    copyFileSync(file, aside)
    copyFileSync(`${file}-wal`, `${aside}-wal`)
    live.close()
    const fileBytes = readFileSync(aside)
    const walBytes = readFileSync(`${aside}-wal`)

    const { db } = openDatabase(join(dir, 'leadbox.db'), { log })
    // Opened in place, SQLite would fold the WAL into the file and delete it when it closes.
    expect(salvageInto(db, aside)).toEqual({
      readable: true,
      changesRecovered: 1,
      changesUnreadable: 0,
    })
    expect(unsentIn(db)).toEqual(['only-in-wal'])
    expect(readFileSync(aside).equals(fileBytes)).toBe(true)
    expect(readFileSync(`${aside}-wal`).equals(walBytes)).toBe(true)
    expect(readdirSync(dir).sort()).toEqual([
      'leadbox.db',
      'leadbox.db-shm',
      'leadbox.db-wal',
      asideName,
      `${asideName}-wal`,
    ])
    db.close()
  })

  it('brings changes from an older schema through the migrations', () => {
    const file = join(tempDir(), 'leadbox.db')
    const old = new Database(file)
    migrate(old, 7)
    old.pragma('journal_mode = WAL')
    const insert = old.prepare(
      `INSERT INTO outbox (client_id, kind, state, payload, title, remote_id, lead_ref,
         last_attempt_at, created_at, updated_at) VALUES (?, ?, ?, '{}', ?, ?, ?, ?, 1, 2)`,
    )
    const lead = Number(
      insert.run('lead', 'lead.create', 'sent', 'Acme', 'r-1', null, 40).lastInsertRowid,
    )
    insert.run('lost', 'lead.create', 'uncertain', 'Lost', null, null, 70)
    const note = Number(
      insert.run('note', 'note.create', 'queued', 'Note', null, null, null).lastInsertRowid,
    )
    old.prepare("INSERT INTO outbox_dependency VALUES (?, ?, 'lead')").run(note, lead)
    const filler = old.prepare('INSERT INTO catalog_person (id, name) VALUES (?, ?)')
    for (let i = 1; i <= 1500; i++) filler.run(i, `Person ${i} ${'x'.repeat(20)}`)
    old.close()
    damageLeafPageOf(file, 'catalog_person')

    const { db, health } = openDatabase(file, { log, now: fixedNow })
    expect(health).toMatchObject({ changesRecovered: 2, changesUnreadable: 0 })
    expect(
      db
        .prepare(
          'SELECT client_id, state, remote_id, first_lost_at, lead_ref FROM outbox ORDER BY id',
        )
        .all(),
    ).toEqual([
      { client_id: 'lead', state: 'sent', remote_id: 'r-1', first_lost_at: null, lead_ref: null },
      // Migration 8's reading of a lost request, as the file itself would have had it.
      { client_id: 'lost', state: 'uncertain', remote_id: null, first_lost_at: 70, lead_ref: null },
      {
        client_id: 'note',
        state: 'queued',
        remote_id: null,
        first_lost_at: null,
        lead_ref: `outbox:${lead}`,
      },
    ])
    expect(db.prepare('SELECT row_id, parent_id, role FROM outbox_dependency').all()).toEqual([
      { row_id: note, parent_id: lead, role: 'lead' },
    ])
    db.close()
  })

  it('holds a change for the user when what it depends on could not be read', () => {
    const file = join(tempDir(), 'leadbox.db')
    const { db: before } = openDatabase(file, { log })
    // Persons first, so the middle outbox page holds persons only.
    const persons: number[] = []
    for (let i = 0; i < 300; i++)
      persons.push(addRow(before, { clientId: `p${i}`, state: 'queued', kind: 'person.create' }))
    const link = before.prepare("INSERT INTO outbox_dependency VALUES (?, ?, 'person')")
    const leads = persons.slice(-100).map((person, i) => {
      const lead = addRow(before, { clientId: `l${i}`, state: 'queued' })
      link.run(lead, person)
      return lead
    })
    fillCatalog(before)
    before.close()
    const lost = new Set(damageLeafPageOf(file, 'outbox'))
    expect(leads.some((lead) => lost.has(lead))).toBe(false)

    const { db } = openDatabase(file, { log, now: fixedNow })
    const held = db
      .prepare(
        "SELECT id, last_error FROM outbox WHERE kind = 'lead.create' AND state = 'needs_attention'",
      )
      .all() as Array<{ id: number; last_error: string }>
    expect(held.map((row) => row.id)).toEqual(leads.filter((_, i) => lost.has(persons[200 + i]!)))
    expect(held.length).toBeGreaterThan(0)
    expect(held[0]!.last_error).toMatch(/lost when the database was damaged/)
    expect(db.pragma('foreign_key_check')).toEqual([])
    db.close()
  })

  it('puts links on a damaged page together again from their indexes', () => {
    const file = join(tempDir(), 'leadbox.db')
    const { db: before } = openDatabase(file, { log })
    const link = before.prepare("INSERT INTO outbox_dependency VALUES (?, ?, 'person')")
    before.transaction(() => {
      for (let i = 0; i < 1000; i++) {
        const person = addRow(before, {
          clientId: `p${i}`,
          state: 'sent',
          kind: 'person.create',
          remoteId: `${i}`,
        })
        link.run(addRow(before, { clientId: `l${i}`, state: 'queued' }), person)
      }
    })()
    const links = before
      .prepare('SELECT row_id, parent_id, role FROM outbox_dependency ORDER BY row_id')
      .all()
    before.close()
    expect(damageLeafPageOf(file, 'outbox_dependency').length).toBeGreaterThan(0)

    const { db, health } = openDatabase(file, { log, now: fixedNow })
    expect(health).toMatchObject({ changesRecovered: 1000, changesUnreadable: 0 })
    expect(
      db.prepare('SELECT row_id, parent_id, role FROM outbox_dependency ORDER BY row_id').all(),
    ).toEqual(links)
    expect(
      db.prepare("SELECT count(*) FROM outbox WHERE state = 'needs_attention'").pluck().get(),
    ).toBe(0)
    db.close()
  })

  it('never leaves an empty database where the damaged one was when a start is cut short', () => {
    const dir = tempDir()
    const file = join(dir, 'leadbox.db')
    const before = seed(file)
    const unsent = unsentIn(before)
    before.close()
    damageLeafPageOf(file, 'catalog_person')
    // A start cut short while it filled the new database, before the damaged one moved.
    writeFileSync(`${file}.rebuilt`, 'half built')
    const first = openDatabase(file, { log, now: fixedNow })
    expect(first.health).toMatchObject({ changesRecovered: 16 })
    first.db.close()
    expect(readdirSync(dir).some((name) => name.includes('.rebuilt'))).toBe(false)

    // A start cut short between moving the damaged file and putting the new one in its place.
    renameSync(file, `${file}.rebuilt`)
    const second = openDatabase(file, { log })
    expect(second.health).toEqual({ status: 'ok' })
    expect(unsentIn(second.db)).toEqual(unsent)
    second.db.close()
  })

  it('holds a change whose parent the current schema refuses, and counts the parent', () => {
    const file = join(tempDir(), 'leadbox.db')
    const { db: before } = openDatabase(file, { log })
    before.pragma('foreign_keys = OFF')
    const person = addRow(before, { clientId: 'p', state: 'queued', kind: 'contact.create' })
    const lead = addRow(before, { clientId: 'l', state: 'queued' })
    before.prepare("INSERT INTO outbox_dependency VALUES (?, ?, 'person')").run(lead, person)
    fillCatalog(before)
    before.close()
    damageLeafPageOf(file, 'catalog_person')

    const { db, health } = openDatabase(file, { log, now: fixedNow })
    expect(health).toMatchObject({ changesRecovered: 1, changesUnreadable: 1 })
    expect(db.prepare('SELECT client_id, state FROM outbox').all()).toEqual([
      { client_id: 'l', state: 'needs_attention' },
    ])
    expect(db.prepare('SELECT count(*) FROM outbox_dependency').pluck().get()).toBe(0)
    db.close()
  })
})
