import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate, userVersion } from '../migrate'
import { latestVersion, migrations } from './index'

// Each migration is tested from a database at the version before it, as users will
// meet it, in memory like Signal Desktop's migration tests.
function databaseAt(version: number) {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db, version)
  expect(userVersion(db)).toBe(version)
  return db
}

describe('migrations', () => {
  it('are numbered 1, 2, 3… with no gap', () => {
    const versions = migrations.map((migration) => migration.version)
    expect([...versions].sort((a, b) => a - b)).toEqual(versions)
    const missing = Array.from({ length: latestVersion }, (_, i) => i + 1).filter(
      (version) => !versions.includes(version),
    )
    expect(missing).toEqual([])
  })

  it.each(migrations.map((m, i) => [m.version, m.name, migrations[i - 1]?.version ?? 0] as const))(
    '%i (%s) applies to a database of the previous version and passes integrity_check',
    (version, _name, previous) => {
      const db = databaseAt(previous)
      migrate(db, version)
      expect(userVersion(db)).toBe(version)
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(db.pragma('foreign_key_check')).toEqual([])
      db.close()
    },
  )

  it('is a no-op on an up-to-date database', () => {
    const db = databaseAt(latestVersion)
    expect(migrate(db)).toBe(latestVersion)
    db.close()
  })

  it('rolls a failing step back whole and keeps the previous version', () => {
    const db = databaseAt(latestVersion)
    const broken = [
      ...migrations,
      {
        version: latestVersion + 1,
        name: 'broken',
        up(target: Database.Database) {
          target.exec('CREATE TABLE half_done (x INTEGER)')
          throw new Error('disk full')
        },
      },
    ]
    expect(() => migrate(db, latestVersion + 1, broken)).toThrow('disk full')
    expect(userVersion(db)).toBe(latestVersion)
    expect(
      db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get(),
    ).toBe(0)
    db.close()
  })

  describe('1: settings', () => {
    it('creates a strict key/value table', () => {
      const db = databaseAt(0)
      migrate(db, 1)
      db.prepare('INSERT INTO settings VALUES (?, ?, ?)').run('theme', '"dark"', 1)
      expect(() =>
        db.prepare('INSERT INTO settings VALUES (?, ?, ?)').run('x', 1, 'soon'),
      ).toThrow()
      db.close()
    })
  })
})

describe('2: outbox', () => {
  it('adds the outbox beside existing settings, which stay', () => {
    const db = databaseAt(1)
    db.prepare('INSERT INTO settings VALUES (?, ?, ?)').run('kept', '1', 1)
    migrate(db, 2)
    expect(db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get('kept')).toBe('1')
    const insert = db.prepare(
      'INSERT INTO outbox (client_id, kind, payload, title, created_at, updated_at) VALUES (?, ?, ?, ?, 1, 1)',
    )
    const person = insert.run('c1', 'person.create', '{}', 'Jane').lastInsertRowid
    const lead = insert.run('c2', 'lead.create', '{}', 'Lead').lastInsertRowid
    db.prepare('INSERT INTO outbox_dependency VALUES (?, ?, ?)').run(lead, person, 'person')
    expect(() => insert.run('c2', 'lead.create', '{}', 'again')).toThrow(/UNIQUE/)
    expect(() => insert.run('c3', 'lead.explode', '{}', 'x')).toThrow(/CHECK/)
    expect(() =>
      db.prepare('INSERT INTO outbox_dependency VALUES (?, 999, ?)').run(lead, 'lead'),
    ).toThrow(/FOREIGN KEY/)
    expect(db.prepare('SELECT state FROM outbox WHERE id = ?').pluck().get(lead)).toBe('queued')
    db.close()
  })
})

describe('3: catalog', () => {
  it('adds the catalog with full-text search beside the outbox, which stays', () => {
    const db = databaseAt(2)
    db.prepare(
      "INSERT INTO outbox (client_id, kind, payload, title, created_at, updated_at) VALUES ('c', 'lead.create', '{}', 'kept', 1, 1)",
    ).run()
    migrate(db, 3)
    expect(db.prepare('SELECT title FROM outbox').pluck().get()).toBe('kept')
    db.prepare('INSERT INTO catalog_person (id, name) VALUES (1, ?)').run('Zoë Field')
    expect(
      db
        .prepare("SELECT rowid FROM catalog_person_fts WHERE catalog_person_fts MATCH 'zoe'")
        .pluck()
        .all(),
    ).toEqual([1])
    db.close()
  })
})

describe('4: outbox conflicts', () => {
  it('adds a conflict column to rows that are already queued', () => {
    const db = databaseAt(3)
    db.prepare(
      "INSERT INTO outbox (client_id, kind, payload, title, created_at, updated_at) VALUES ('c', 'lead.update', '{}', 'kept', 1, 1)",
    ).run()
    migrate(db, 4)
    expect(db.prepare('SELECT title, conflict FROM outbox').get()).toEqual({
      title: 'kept',
      conflict: null,
    })
    db.close()
  })
})

describe('5: inbox leads', () => {
  it('adds the leads cache beside the catalog, which stays, searchable by catalog names', () => {
    const db = databaseAt(4)
    db.prepare('INSERT INTO catalog_person (id, name, email) VALUES (1, ?, ?)').run(
      'Maria Schmidt',
      'maria@acme.test',
    )
    migrate(db, 5)
    expect(db.prepare('SELECT name FROM catalog_person').pluck().get()).toBe('Maria Schmidt')
    const insert = db.prepare(
      `INSERT INTO inbox_lead (id, title, person_id, organization_id, was_seen, is_archived,
         add_time, update_time, listed_at)
       VALUES (?, ?, 1, 7, 0, 0, '2026-11-01T10:00:00.000Z', '2026-11-02T10:00:00.000Z', 1)`,
    )
    insert.run('lead-1', 'Fleet renewal – Zoë')
    const seq = db.prepare("SELECT seq FROM inbox_lead WHERE id = 'lead-1'").pluck().get()
    db.prepare("INSERT INTO inbox_lead_label VALUES ('hot', ?)").run(seq)
    expect(() => insert.run('lead-1', 'again')).toThrow(/UNIQUE/)
    expect(() => db.prepare("INSERT INTO inbox_lead_label VALUES ('hot', 999)").run()).toThrow(
      /FOREIGN KEY/,
    )
    const search = db
      .prepare(
        `SELECT l.id FROM inbox_lead_search f JOIN inbox_lead l ON l.seq = f.rowid
         WHERE inbox_lead_search MATCH ?`,
      )
      .pluck()
    expect(search.all('zoe')).toEqual(['lead-1'])
    expect(search.all('maria fleet')).toEqual(['lead-1'])
    expect(search.all('acme')).toEqual(['lead-1'])
    // The organization arrives in the catalog after the lead; a person is renamed.
    db.prepare("INSERT INTO catalog_organization (id, name) VALUES (7, 'Blue River')").run()
    db.prepare("UPDATE catalog_person SET name = 'Maria Weber' WHERE id = 1").run()
    expect(search.all('blue')).toEqual(['lead-1'])
    expect(search.all('schmidt')).toEqual([])
    expect(search.all('weber')).toEqual(['lead-1'])
    db.prepare("UPDATE inbox_lead SET title = 'Cold storage' WHERE id = 'lead-1'").run()
    expect(search.all('fleet')).toEqual([])
    expect(search.all('cold weber')).toEqual(['lead-1'])
    db.prepare('DELETE FROM catalog_organization').run()
    expect(search.all('blue')).toEqual([])
    db.prepare("DELETE FROM inbox_lead WHERE id = 'lead-1'").run()
    expect(db.prepare('SELECT count(*) FROM inbox_lead_label').pluck().get()).toBe(0)
    expect(search.all('cold')).toEqual([])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
})

describe('6: outbox conversions and lead order', () => {
  it('keeps every row and link, tags changes with their lead, and accepts conversions', () => {
    const db = databaseAt(5)
    const insert = db.prepare(
      `INSERT INTO outbox (client_id, kind, state, payload, title, created_at, updated_at, conflict)
       VALUES (?, ?, ?, ?, ?, 1, 2, ?)`,
    )
    const create = insert.run('a', 'lead.create', 'queued', '{"title":"Acme"}', 'Acme', null)
    const edit = insert.run('b', 'lead.update', 'queued', '{"after":{}}', 'Edit: Acme', null)
    db.prepare("INSERT INTO outbox_dependency VALUES (?, ?, 'lead')").run(
      edit.lastInsertRowid,
      create.lastInsertRowid,
    )
    insert.run('c', 'lead.archive', 'needs_attention', '{"remoteId":"r-1"}', 'Archive', '{"x":1}')
    migrate(db, 6)
    expect(
      db.prepare('SELECT client_id, kind, state, title, conflict, lead_ref FROM outbox').all(),
    ).toEqual([
      {
        client_id: 'a',
        kind: 'lead.create',
        state: 'queued',
        title: 'Acme',
        conflict: null,
        lead_ref: null,
      },
      {
        client_id: 'b',
        kind: 'lead.update',
        state: 'queued',
        title: 'Edit: Acme',
        conflict: null,
        lead_ref: `outbox:${create.lastInsertRowid}`,
      },
      {
        client_id: 'c',
        kind: 'lead.archive',
        state: 'needs_attention',
        title: 'Archive',
        conflict: '{"x":1}',
        lead_ref: 'remote:r-1',
      },
    ])
    expect(db.prepare('SELECT row_id, parent_id, role FROM outbox_dependency').all()).toEqual([
      {
        row_id: Number(edit.lastInsertRowid),
        parent_id: Number(create.lastInsertRowid),
        role: 'lead',
      },
    ])
    insert.run('d', 'lead.convert', 'queued', '{"remoteId":"r-1"}', 'Convert', null)
    expect(() => insert.run('e', 'deal.create', 'queued', '{}', 'x', null)).toThrow(/CHECK/)
    // The links still point at the outbox under its old name.
    expect(() => db.prepare("INSERT INTO outbox_dependency VALUES (999, 1, 'lead')").run()).toThrow(
      /FOREIGN KEY/,
    )
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(
      db.prepare("SELECT sql FROM sqlite_master WHERE name = 'outbox_dependency'").pluck().get(),
    ).toMatch(/REFERENCES "?outbox"? \(id\)/)
    db.close()
  })
})

describe('7: inbox lead visibility', () => {
  it('adds visibility to cached leads and makes the next refresh a full listing', () => {
    const db = databaseAt(6)
    db.prepare(
      `INSERT INTO inbox_lead (id, title, was_seen, is_archived, add_time, update_time, listed_at)
       VALUES ('lead-1', 'Kept', 0, 0, 'a', 'b', 1)`,
    ).run()
    const setMeta = db.prepare('INSERT INTO inbox_meta VALUES (?, ?)')
    for (const key of ['full.refreshedAt', 'archived.fullAt', 'leads.since']) setMeta.run(key, '1')
    migrate(db, 7)
    expect(db.prepare('SELECT title, visible_to FROM inbox_lead').get()).toEqual({
      title: 'Kept',
      visible_to: null,
    })
    expect(db.prepare('SELECT key FROM inbox_meta').pluck().all()).toEqual(['leads.since'])
    db.close()
  })
})

describe('8: outbox kinds table and lost requests', () => {
  it('keeps every row, remembers lost attempts, puts notes in their lead’s order, takes kinds from a table', () => {
    const db = databaseAt(7)
    const insert = db.prepare(
      `INSERT INTO outbox (client_id, kind, state, payload, title, created_at, updated_at,
         last_attempt_at, remote_id, lead_ref)
       VALUES (?, ?, ?, ?, ?, 1, 2, ?, ?, ?)`,
    )
    const link = db.prepare('INSERT INTO outbox_dependency VALUES (?, ?, ?)')
    const sent = insert.run('a', 'lead.create', 'sent', '{}', 'Sent', 50, 'r-1', null)
    const lost = insert.run('b', 'lead.create', 'uncertain', '{}', 'Lost', 70, null, null)
    const sending = insert.run('c', 'person.create', 'sending', '{}', 'Ann', 80, null, null)
    const note = insert.run('d', 'note.create', 'queued', '{}', 'Note', null, null, null)
    link.run(note.lastInsertRowid, lost.lastInsertRowid, 'lead')
    link.run(lost.lastInsertRowid, sending.lastInsertRowid, 'person')
    insert.run(
      'e',
      'lead.archive',
      'queued',
      '{"remoteId":"r-1"}',
      'Archive',
      null,
      null,
      'remote:r-1',
    )
    insert.run(
      'f',
      'lead.delete',
      'queued',
      '{"remoteId":"r-9"}',
      'Delete',
      null,
      null,
      'remote:r-9',
    )
    migrate(db, 8)

    expect(
      db
        .prepare('SELECT client_id, state, first_lost_at, last_lost_at, lead_ref FROM outbox')
        .all(),
    ).toEqual([
      { client_id: 'a', state: 'sent', first_lost_at: null, last_lost_at: null, lead_ref: null },
      { client_id: 'b', state: 'uncertain', first_lost_at: 70, last_lost_at: 70, lead_ref: null },
      { client_id: 'c', state: 'sending', first_lost_at: 80, last_lost_at: 80, lead_ref: null },
      {
        client_id: 'd',
        state: 'queued',
        first_lost_at: null,
        last_lost_at: null,
        lead_ref: `outbox:${lost.lastInsertRowid}`,
      },
      // A change named by the Pipedrive id of a lead Leadbox created takes its create row's key.
      {
        client_id: 'e',
        state: 'queued',
        first_lost_at: null,
        last_lost_at: null,
        lead_ref: `outbox:${sent.lastInsertRowid}`,
      },
      {
        client_id: 'f',
        state: 'queued',
        first_lost_at: null,
        last_lost_at: null,
        lead_ref: 'remote:r-9',
      },
    ])
    expect(db.prepare('SELECT count(*) FROM outbox_dependency').pluck().get()).toBe(2)
    // A kind the table does not know is refused; a new kind is one row in it.
    expect(() => insert.run('g', 'activity.create', 'queued', '{}', 'x', null, null, null)).toThrow(
      /FOREIGN KEY/,
    )
    db.prepare("INSERT INTO outbox_kind VALUES ('activity.create')").run()
    insert.run('g', 'activity.create', 'queued', '{}', 'x', null, null, null)
    expect(db.pragma('foreign_key_check')).toEqual([])
    db.close()
  })
})

describe('9: api usage ledger', () => {
  it('adds the ledger beside the outbox and the inbox, which stay', () => {
    const db = databaseAt(8)
    db.prepare(
      `INSERT INTO outbox (client_id, kind, state, payload, title, created_at, updated_at)
       VALUES ('a', 'lead.create', 'queued', '{}', 'Kept', 1, 2)`,
    ).run()
    migrate(db, 9)

    expect(db.prepare('SELECT title FROM outbox').pluck().all()).toEqual(['Kept'])
    const add = db.prepare(
      `INSERT INTO api_usage (account, day, purpose, requests, tokens) VALUES (?, ?, ?, 1, 10)
       ON CONFLICT (account, day, purpose) DO UPDATE SET
         requests = requests + excluded.requests, tokens = tokens + excluded.tokens`,
    )
    add.run('1:2', '2026-12-07', 'capture')
    add.run('1:2', '2026-12-07', 'capture')
    expect(db.prepare('SELECT requests, tokens FROM api_usage').get()).toEqual({
      requests: 2,
      tokens: 20,
    })
    // STRICT: a count that is not a number is refused, not stored as text.
    expect(() =>
      db
        .prepare(
          `INSERT INTO api_budget (account, day, tokens_left, token_limit, seen_at)
           VALUES ('1:2', '2026-12-07', 'lots', NULL, 1)`,
        )
        .run(),
    ).toThrow()
    db.close()
  })
})

describe('10: inbox at a large team size', () => {
  it('keeps cached leads, their labels and their search, and counts them per view', () => {
    const db = databaseAt(9)
    db.prepare(
      "INSERT INTO catalog_person (id, name, email) VALUES (1, 'Maria Schmidt', NULL)",
    ).run()
    const insert = db.prepare(
      `INSERT INTO inbox_lead (id, title, person_id, was_seen, is_archived, add_time,
         update_time, listed_at)
       VALUES (?, ?, 1, 0, ?, '2026-11-01T10:00:00.000Z', '2026-11-02T10:00:00.000Z', 1)`,
    )
    insert.run('live', 'Fleet renewal', 0)
    insert.run('gone', 'Fleet audit', 1)
    const seq = db.prepare('SELECT seq FROM inbox_lead WHERE id = ?').pluck()
    db.prepare("INSERT INTO inbox_lead_label VALUES ('hot', ?)").run(seq.get('live'))
    db.prepare("INSERT INTO inbox_lead_label VALUES ('hot', ?)").run(seq.get('gone'))
    migrate(db, 10)

    const tally = () => db.prepare('SELECT leads FROM inbox_lead_tally ORDER BY 1').pluck().all()
    const labelTally = () =>
      db.prepare("SELECT is_archived, leads FROM inbox_label_tally WHERE label_id = 'hot'").all()
    const search = db
      .prepare(
        `SELECT l.id FROM inbox_lead_search f JOIN inbox_lead l ON l.seq = f.rowid
         WHERE inbox_lead_search MATCH ? ORDER BY l.id`,
      )
      .pluck()
    expect(db.prepare('SELECT is_archived, leads FROM inbox_lead_tally ORDER BY 1').all()).toEqual([
      { is_archived: 0, leads: 1 },
      { is_archived: 1, leads: 1 },
    ])
    expect(labelTally()).toEqual([
      { is_archived: 0, leads: 1 },
      { is_archived: 1, leads: 1 },
    ])
    expect(search.all('fleet')).toEqual(['gone', 'live'])
    expect(search.all('maria NOT view : archived')).toEqual(['live'])
    expect(search.all('ma* AND view : archived')).toEqual(['gone'])

    // Archiving moves a lead, its labels and its search document to the other view.
    db.prepare("UPDATE inbox_lead SET is_archived = 1 WHERE id = 'live'").run()
    expect(tally()).toEqual([0, 2])
    expect(labelTally()).toEqual([
      { is_archived: 0, leads: 0 },
      { is_archived: 1, leads: 2 },
    ])
    expect(search.all('fleet NOT view : archived')).toEqual([])
    db.prepare('DELETE FROM inbox_lead').run()
    expect(tally()).toEqual([0, 0])
    expect(labelTally()).toEqual([
      { is_archived: 0, leads: 0 },
      { is_archived: 1, leads: 0 },
    ])
    expect(search.all('fleet')).toEqual([])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
})

describe('13: lead timeline', () => {
  it("keeps a lead's activities and notes apart per account, the same ids in each", () => {
    const db = databaseAt(12)
    migrate(db, 13)
    const activity = db.prepare(
      `INSERT INTO lead_activity (account, id, lead_id, type, subject, due_date, due_time, done,
         add_time) VALUES (?, 1, 'lead-1', 'call', 'Call', '2026-12-10', '10:00', 0, 1)`,
    )
    activity.run('7:1')
    activity.run('8:1')
    expect(() => activity.run('7:1')).toThrow(/UNIQUE/)
    const note = db.prepare(
      `INSERT INTO lead_note (account, id, lead_id, content, add_time) VALUES (?, 5, 'lead-1', ?, 1)`,
    )
    note.run('7:1', '<p>Hello</p>')
    expect(() => note.run('7:1', null)).toThrow(/NOT NULL/)
    db.prepare("INSERT INTO lead_timeline VALUES ('7:1', 'lead-1', 100)").run()
    expect(() =>
      db.prepare("INSERT INTO lead_timeline VALUES ('7:1', 'lead-1', 200)").run(),
    ).toThrow(/UNIQUE|PRIMARY/)
    db.close()
  })
})

describe('14: inbox next activity', () => {
  it('keeps cached leads, none with a next activity yet, and finds overdue ones by index', () => {
    const db = databaseAt(13)
    db.prepare(
      `INSERT INTO inbox_lead (id, title, was_seen, is_archived, add_time, update_time, listed_at)
       VALUES ('live', 'Fleet renewal', 0, 0, '2026-11-01T10:00:00.000Z',
         '2026-11-02T10:00:00.000Z', 1)`,
    ).run()
    db.prepare("INSERT INTO inbox_meta VALUES ('full.refreshedAt', '1')").run()
    migrate(db, 14)
    expect(
      db
        .prepare(
          `SELECT id, next_activity_id, next_activity_due, next_activity_read, next_activity_stale
           FROM inbox_lead`,
        )
        .all(),
    ).toEqual([
      {
        id: 'live',
        next_activity_id: null,
        next_activity_due: null,
        next_activity_read: null,
        next_activity_stale: 0,
      },
    ])
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT count(*) FROM inbox_lead
         WHERE is_archived = 0 AND next_activity_due < '2026-11-02'`,
      )
      .all() as Array<{ detail: string }>
    expect(plan.map((step) => step.detail).join(' ')).toContain('inbox_lead_next_due')
    // The leads are listed again in full, to learn their next activities.
    expect(
      db.prepare("SELECT count(*) FROM inbox_meta WHERE key = 'full.refreshedAt'").pluck().get(),
    ).toBe(0)
    // Leads with none planned are tallied per view as they change.
    const unplanned = () =>
      db.prepare('SELECT leads FROM inbox_unplanned_tally ORDER BY is_archived').pluck().all()
    expect(unplanned()).toEqual([1, 0])
    db.prepare("UPDATE inbox_lead SET next_activity_id = 7 WHERE id = 'live'").run()
    expect(unplanned()).toEqual([0, 0])
    db.prepare(
      "UPDATE inbox_lead SET next_activity_id = NULL, is_archived = 1 WHERE id = 'live'",
    ).run()
    expect(unplanned()).toEqual([0, 1])
    db.prepare("DELETE FROM inbox_lead WHERE id = 'live'").run()
    expect(unplanned()).toEqual([0, 0])
    db.close()
  })
})

describe('15: inbox next activities per due day', () => {
  it('tallies the cached due dates per view and day, and keeps the tally as leads change', () => {
    const db = databaseAt(14)
    const insert = db.prepare(
      `INSERT INTO inbox_lead (id, title, was_seen, is_archived, add_time, update_time,
         listed_at, next_activity_id, next_activity_due)
       VALUES (?, 'Lead', 0, ?, '2026-11-01T10:00:00.000Z', '2026-11-02T10:00:00.000Z', 1, ?, ?)`,
    )
    insert.run('day', 0, 1, '2026-11-30')
    insert.run('time', 0, 2, '2026-11-30T08:00')
    insert.run('archived', 1, 3, '2026-11-30')
    insert.run('undated', 0, 4, null)
    migrate(db, 15)
    const tally = () =>
      db.prepare('SELECT * FROM inbox_due_tally WHERE leads > 0 ORDER BY 1, 2').all()
    expect(tally()).toEqual([
      { is_archived: 0, due_day: '2026-11-30', leads: 2 },
      { is_archived: 1, due_day: '2026-11-30', leads: 1 },
    ])
    db.prepare(
      "UPDATE inbox_lead SET next_activity_due = '2026-12-01T09:00' WHERE id = 'time'",
    ).run()
    db.prepare("UPDATE inbox_lead SET is_archived = 1 WHERE id = 'day'").run()
    db.prepare("UPDATE inbox_lead SET next_activity_due = '2026-12-01' WHERE id = 'undated'").run()
    db.prepare("DELETE FROM inbox_lead WHERE id = 'archived'").run()
    insert.run('new', 0, 5, '2026-11-29')
    expect(tally()).toEqual([
      { is_archived: 0, due_day: '2026-11-29', leads: 1 },
      { is_archived: 0, due_day: '2026-12-01', leads: 2 },
      { is_archived: 1, due_day: '2026-11-30', leads: 1 },
    ])
    db.close()
  })
})

describe('16: inbox search prefixes of four and five letters', () => {
  it('keeps every cached lead findable as before, and the triggers keep the index', () => {
    const db = databaseAt(15)
    db.prepare(
      "INSERT INTO catalog_person (id, name, email) VALUES (1, 'José García', 'jose@acme.test')",
    ).run()
    db.prepare("INSERT INTO catalog_organization (id, name) VALUES (2, 'Acme Logistics')").run()
    const insert = db.prepare(
      `INSERT INTO inbox_lead (id, title, person_id, organization_id, was_seen, is_archived,
         add_time, update_time, listed_at)
       VALUES (?, ?, ?, ?, 0, ?, '2026-11-01T10:00:00.000Z', '2026-11-02T10:00:00.000Z', 1)`,
    )
    insert.run('live', 'Fleet renewal', 1, null, 0)
    insert.run('gone', 'Fleet audit', null, 2, 1)
    const search = db
      .prepare(
        `SELECT l.id FROM inbox_lead_search f JOIN inbox_lead l ON l.seq = f.rowid
         WHERE inbox_lead_search MATCH ? ORDER BY l.id`,
      )
      .pluck()
    const queries = ['fleet*', 'flee*', 'garc*', 'jose*', 'acme*', 'logis*', 'fl* NOT view : a*']
    const before = queries.map((query) => search.all(query))
    migrate(db, 16)
    expect(queries.map((query) => search.all(query))).toEqual(before)
    expect(search.all('flee*')).toEqual(['gone', 'live'])
    expect(
      db.prepare("SELECT sql FROM sqlite_master WHERE name = 'inbox_lead_search'").pluck().get(),
    ).toContain("prefix='2 3 4 5'")
    // New leads, renamed contacts and archived leads still reach the rebuilt index.
    insert.run('new', 'Cold storage', null, 2, 0)
    db.prepare("UPDATE catalog_organization SET name = 'Globex Freight' WHERE id = 2").run()
    db.prepare("UPDATE inbox_lead SET is_archived = 1 WHERE id = 'live'").run()
    expect(search.all('acme*')).toEqual(['live'])
    expect(search.all('globe*')).toEqual(['gone', 'new'])
    expect(search.all('fleet* AND view : archived')).toEqual(['gone', 'live'])
    db.prepare("DELETE FROM inbox_lead WHERE id = 'gone'").run()
    expect(search.all('globe*')).toEqual(['new'])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
})

describe('17: inbox search of live leads without positions', () => {
  it('indexes the cached live leads, not the archived, and follows them as they change', () => {
    const db = databaseAt(16)
    db.prepare(
      "INSERT INTO catalog_person (id, name, email) VALUES (1, 'Maria Schmidt', 'maria@acme.test')",
    ).run()
    const insert = db.prepare(
      `INSERT INTO inbox_lead (id, title, person_id, was_seen, is_archived, add_time,
         update_time, listed_at)
       VALUES (?, ?, ?, 0, ?, '2026-11-01T10:00:00.000Z', '2026-11-02T10:00:00.000Z', 1)`,
    )
    insert.run('live', 'Fleet renewal', 1, 0)
    insert.run('gone', 'Fleet audit', 1, 1)
    migrate(db, 17)
    const live = db
      .prepare(
        `SELECT l.id FROM inbox_live_search f JOIN inbox_lead l ON l.seq = f.rowid
         WHERE inbox_live_search MATCH ? ORDER BY l.id`,
      )
      .pluck()
    expect(live.all('flee*')).toEqual(['live'])
    expect(live.all('ma* acme*')).toEqual(['live'])
    insert.run('new', 'Cold storage', null, 0)
    db.prepare("UPDATE inbox_lead SET is_archived = 0 WHERE id = 'gone'").run()
    db.prepare("UPDATE inbox_lead SET is_archived = 1 WHERE id = 'live'").run()
    db.prepare("UPDATE catalog_person SET name = 'Mia Berg' WHERE id = 1").run()
    expect(live.all('flee*')).toEqual(['gone'])
    expect(live.all('berg*')).toEqual(['gone'])
    expect(live.all('cold*')).toEqual(['new'])
    db.prepare("DELETE FROM inbox_lead WHERE id = 'new'").run()
    expect(live.all('cold*')).toEqual([])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
  it("orders a contact's cached leads by the index of the contact, keeping every lead", () => {
    const db = databaseAt(17)
    const insert = db.prepare(
      `INSERT INTO inbox_lead (id, title, person_id, organization_id, was_seen, is_archived,
         add_time, update_time, listed_at)
       VALUES (?, ?, 1, 2, 0, ?, '2026-11-01T10:00:00.000Z', ?, 1)`,
    )
    insert.run('older', 'Fleet renewal', 0, '2026-11-02T10:00:00.000Z')
    insert.run('newer', 'Fleet audit', 0, '2026-11-03T10:00:00.000Z')
    insert.run('archived', 'Cold storage', 1, '2026-11-04T10:00:00.000Z')
    migrate(db, 18)
    const columns = (index: string) =>
      db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(index)
    expect(columns('inbox_lead_by_person')).toEqual(['person_id', 'is_archived', 'update_time'])
    expect(columns('inbox_lead_by_organization')).toEqual([
      'organization_id',
      'is_archived',
      'update_time',
    ])
    const page = db
      .prepare(
        `SELECT id FROM inbox_lead INDEXED BY inbox_lead_by_organization
         WHERE organization_id = 2 AND is_archived = 0 ORDER BY update_time DESC`,
      )
      .pluck()
    expect(page.all()).toEqual(['newer', 'older'])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
})
