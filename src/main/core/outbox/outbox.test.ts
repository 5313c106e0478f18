import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../../../test/support/temp-dir'
import { LeadboxError } from '../../../shared/result'
import { openDatabase } from '../db/database'
import { createSilentLogger } from '../log/logger'
import { createOutbox } from './outbox'

const tempDir = useTempDirs()

function setup() {
  const file = join(tempDir(), 'leadbox.db')
  const { db } = openDatabase(file, { log: createSilentLogger() })
  let clock = 1_000
  const outbox = createOutbox(db, () => clock)
  return { file, db, outbox, tick: (ms: number) => (clock += ms) }
}

const lead = { title: 'Acme renewal', person: { kind: 'existing' as const, id: 7 } }

describe('the outbox', () => {
  it('says when a row is tried next, a row with lost requests included', () => {
    const { db, outbox } = setup()
    const fresh = outbox.enqueueLead(lead)
    expect(fresh.nextAttemptAt).toBeNull()
    // Its answer was lost at 5,000: no backoff of its own, but not tried before the window.
    db.prepare(
      `UPDATE outbox SET state = 'uncertain', next_attempt_at = NULL,
         first_lost_at = 5000, last_lost_at = 5000 WHERE id = ?`,
    ).run(fresh.id)
    expect(outbox.get(fresh.id)?.nextAttemptAt).toBe(5000 + 3 * 60_000)
    // A backoff later than the window wins.
    db.prepare(`UPDATE outbox SET state = 'queued', next_attempt_at = ? WHERE id = ?`).run(
      10 * 60_000,
      fresh.id,
    )
    expect(outbox.get(fresh.id)?.nextAttemptAt).toBe(10 * 60_000)
    db.prepare(`UPDATE outbox SET state = 'needs_attention' WHERE id = ?`).run(fresh.id)
    expect(outbox.get(fresh.id)?.nextAttemptAt).toBeNull()
  })

  it('sums up a new lead as the inbox shows one: contacts by name, value and labels', () => {
    const { db, outbox } = setup()
    db.prepare("INSERT INTO catalog_person (id, name) VALUES (7, 'Jane Doe')").run()
    db.prepare("INSERT INTO catalog_organization (id, name) VALUES (9, 'Acme Ltd')").run()
    const label = '7a3a1e2c-4a5b-4c6d-8e9f-0a1b2c3d4e5f'
    const known = outbox.enqueueLead({
      ...lead,
      organization: { kind: 'existing', id: 9 },
      value: { amount: 5000.5, currency: 'EUR' },
      labelIds: [label],
    })
    expect(known.summary).toEqual({
      personName: 'Jane Doe',
      organizationName: 'Acme Ltd',
      value: { amount: 5000.5, currency: 'EUR' },
      labelIds: [label],
    })
    const fresh = outbox.enqueueLead({
      title: 'Globex pilot',
      person: { kind: 'new', name: 'Ann Lee' },
      organization: { kind: 'new', name: 'Globex' },
    })
    expect(fresh.summary).toEqual({
      personName: 'Ann Lee',
      organizationName: 'Globex',
      value: null,
      labelIds: [],
    })
    // A person Leadbox has never listed: the lead still reads, without a name.
    const unknown = outbox.enqueueLead({ title: 'Stranger', person: { kind: 'existing', id: 99 } })
    expect(unknown.summary?.personName).toBeNull()
    // Only new leads carry a summary.
    const person = outbox.list().find((row) => row.kind === 'person.create')
    expect(person?.summary).toBeNull()
  })

  it('commits a lead before it answers: another connection sees it at once', () => {
    const { file, outbox } = setup()
    const item = outbox.enqueueLead({ ...lead, value: { amount: 5000, currency: 'EUR' } })
    expect(item).toMatchObject({
      kind: 'lead.create',
      state: 'queued',
      title: 'Acme renewal',
      attempts: 0,
    })
    expect(item.clientId).toMatch(/^[0-9a-f-]{36}$/)

    const other = new Database(file, { readonly: true })
    const row = other
      .prepare('SELECT kind, state, payload FROM outbox WHERE id = ?')
      .get(item.id) as {
      payload: string
    }
    expect(JSON.parse(row.payload)).toEqual({
      title: 'Acme renewal',
      personId: 7,
      value: { amount: 5000, currency: 'EUR' },
    })
    other.close()
  })

  it('refuses an invalid draft with a typed error naming each bad field, and writes nothing', () => {
    const { outbox } = setup()
    let error: unknown
    try {
      outbox.enqueueLead({ title: '', value: { amount: 5 }, visibleTo: 3 })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(LeadboxError)
    expect((error as LeadboxError).code).toBe('invalid_request')
    expect(Object.keys((error as LeadboxError).fields ?? {}).sort()).toEqual([
      'title',
      'value.currency',
      'visibleTo',
    ])
    expect(outbox.list()).toEqual([])
  })

  it('queues a new person and organization first, and the note after the lead', () => {
    const { outbox } = setup()
    const item = outbox.enqueueLead({
      title: 'Fair contact',
      person: { kind: 'new', name: 'Jane Doe', email: 'jane@acme.test' },
      organization: { kind: 'new', name: 'Acme' },
      note: 'Met at the fair',
    })
    const rows = outbox.list()
    expect(rows.map((row) => row.kind).sort()).toEqual([
      'lead.create',
      'note.create',
      'organization.create',
      'person.create',
    ])
    const byKind = Object.fromEntries(rows.map((row) => [row.kind, row]))
    expect(item.dependsOn).toEqual([byKind['person.create']!.id, byKind['organization.create']!.id])
    expect(byKind['note.create']!.dependsOn).toEqual([item.id])
    expect(byKind['person.create']!.title).toBe('Jane Doe')
    expect(outbox.counts()).toMatchObject({ queued: 4, sent: 0 })
  })

  it('discards a lead with the rows waiting on it, and nothing else', () => {
    const { outbox } = setup()
    const keep = outbox.enqueueLead(lead)
    const item = outbox.enqueueLead({ ...lead, note: 'call back' })
    const cancelled = outbox.discard(item.id)
    expect(cancelled.map((row) => row.kind).sort()).toEqual(['lead.create', 'note.create'])
    expect(cancelled.every((row) => row.state === 'cancelled')).toBe(true)
    expect(outbox.get(keep.id)?.state).toBe('queued')
    expect(() => outbox.discard(item.id)).toThrow(/cannot be discarded/)
    expect(() => outbox.discard(999)).toThrow(LeadboxError)
  })

  it('discards the new person and organization queued only for the discarded lead', () => {
    const { outbox } = setup()
    const jane = { kind: 'new', name: 'Jane Doe', email: 'jane@acme.test' } as const
    const shared = outbox.enqueueLead({ title: 'Kept', person: jane })
    const janeRow = shared.dependsOn[0]!
    // The same Jane, reused; and a person and organization of this lead's own.
    const reusing = outbox.enqueueLead({ title: 'Reusing', person: jane })
    expect(reusing.dependsOn).toEqual([janeRow])
    const own = outbox.enqueueLead({
      title: 'Own',
      person: { kind: 'new', name: 'Tom Weber' },
      organization: { kind: 'new', name: 'Initech' },
    })
    const cancelled = outbox.discard(own.id)
    expect(cancelled.map((row) => row.kind).sort()).toEqual([
      'lead.create',
      'organization.create',
      'person.create',
    ])
    expect(cancelled.every((row) => row.state === 'cancelled')).toBe(true)
    // Jane still waits for the lead that keeps her.
    outbox.discard(reusing.id)
    expect(outbox.get(janeRow)?.state).toBe('queued')
    expect(outbox.get(shared.id)?.state).toBe('queued')
  })

  it('retries a row now', () => {
    const { outbox, tick } = setup()
    const item = outbox.enqueueLead(lead)
    tick(500)
    expect(outbox.retry(item.id)).toMatchObject({ state: 'queued', nextAttemptAt: 1_500 })
  })

  it('prunes old finished rows only', () => {
    const { db, outbox, tick } = setup()
    const old = outbox.enqueueLead(lead)
    const live = outbox.enqueueLead(lead)
    db.prepare("UPDATE outbox SET state = 'sent' WHERE id = ?").run(old.id)
    tick(10_000)
    expect(outbox.prune(5_000)).toBe(1)
    expect(outbox.get(old.id)).toBeUndefined()
    expect(outbox.get(live.id)?.state).toBe('queued')
  })
})

describe('labels the catalog knows', () => {
  it('refuses a label Pipedrive does not have, once the catalog knows its labels', () => {
    const { db } = openDatabase(join(tempDir(), 'leadbox.db'), { log: createSilentLogger() })
    let known: Set<string> | null = null
    const outbox = createOutbox(db, Date.now, { knownLabelIds: () => known })
    const label = 'f08b42a0-4e75-11ea-9643-03698ef1cfd6'
    const stranger = '00000000-0000-4000-8000-000000000000'
    // Before the first catalog refresh nothing is known: the label goes, Pipedrive decides.
    expect(outbox.enqueueLead({ ...lead, labelIds: [stranger] }).state).toBe('queued')
    known = new Set([label])
    expect(outbox.enqueueLead({ ...lead, labelIds: [label] }).state).toBe('queued')
    expect(() => outbox.enqueueLead({ ...lead, labelIds: [label, stranger] })).toThrow(
      expect.objectContaining({
        code: 'invalid_request',
        fields: { 'labelIds.1': 'This label is not in Pipedrive' },
      }),
    )
    expect(outbox.list()).toHaveLength(2)
    db.close()
  })
})

describe('a new contact named again while the first is still waiting', () => {
  const personRows = (outbox: ReturnType<typeof setup>['outbox']) =>
    outbox.list().filter((row) => row.kind === 'person.create')

  it('keeps two captures of one name two persons: a name alone is no proof', () => {
    const { outbox } = setup()
    const first = outbox.enqueueLead({
      title: 'First',
      person: { kind: 'new', name: 'José Álvarez', email: 'jose@acme.test' },
    })
    const second = outbox.enqueueLead({
      title: 'Second',
      person: { kind: 'new', name: 'jose alvarez' },
    })
    const persons = personRows(outbox)
    expect(persons).toHaveLength(2)
    expect(first.dependsOn).not.toEqual(second.dependsOn)
  })

  it('knows the waiting person by email or phone number under another name', () => {
    const { outbox } = setup()
    outbox.enqueueLead({
      title: 'First',
      person: { kind: 'new', name: 'Jane Doe', email: 'jane@acme.test', phone: '+442079460958' },
    })
    outbox.enqueueLead({
      title: 'By email',
      person: { kind: 'new', name: 'J', email: 'JANE@acme.test' },
    })
    outbox.enqueueLead({
      title: 'By phone',
      person: { kind: 'new', name: 'JD', phone: '+442079460958' },
    })
    expect(personRows(outbox)).toHaveLength(1)
  })

  it('queues a second person with the same name but another email', () => {
    const { outbox } = setup()
    outbox.enqueueLead({
      title: 'One',
      person: { kind: 'new', name: 'Jane Doe', email: 'a@x.test' },
    })
    outbox.enqueueLead({
      title: 'Two',
      person: { kind: 'new', name: 'Jane Doe', email: 'b@x.test' },
    })
    expect(personRows(outbox)).toHaveLength(2)
  })

  it('does not take initials alone for the same person', () => {
    const { outbox } = setup()
    outbox.enqueueLead({ title: 'One', person: { kind: 'new', name: 'Jane Doe' } })
    outbox.enqueueLead({ title: 'Two', person: { kind: 'new', name: 'J. Doe' } })
    expect(personRows(outbox)).toHaveLength(2)
  })

  it('waits for a waiting person only: once sent, the catalog offers them instead', () => {
    const { db, outbox } = setup()
    const jane = { kind: 'new', name: 'Jane Doe', email: 'jane@acme.test' } as const
    outbox.enqueueLead({ title: 'One', person: jane })
    const [person] = personRows(outbox)
    db.prepare(`UPDATE outbox SET state = 'sent', remote_id = '321' WHERE id = ?`).run(person!.id)
    const second = outbox.enqueueLead({ title: 'Two', person: jane })
    expect(personRows(outbox)).toHaveLength(2)
    expect(second.dependsOn).not.toContain(person!.id)
  })

  it('queues the person again when the first was discarded', () => {
    const { outbox } = setup()
    const first = outbox.enqueueLead({ title: 'One', person: { kind: 'new', name: 'Jane Doe' } })
    outbox.discard(first.dependsOn[0]!)
    outbox.enqueueLead({ title: 'Two', person: { kind: 'new', name: 'Jane Doe' } })
    expect(personRows(outbox).filter((row) => row.state === 'queued')).toHaveLength(1)
    expect(personRows(outbox)).toHaveLength(2)
  })

  it('waits for the queued person the user chose, even without an email or phone', () => {
    const { outbox } = setup()
    const first = outbox.enqueueLead({ title: 'One', person: { kind: 'new', name: 'Jane Doe' } })
    const janeRow = first.dependsOn[0]!
    const second = outbox.enqueueLead({
      title: 'Two',
      person: { kind: 'new', name: 'Jane Doe', queuedAs: janeRow },
      activity: { type: 'call', dueDate: '2026-12-04' },
    })
    expect(personRows(outbox)).toHaveLength(1)
    expect(second.dependsOn).toEqual([janeRow])
    // The activity's participant is that person too.
    const activity = outbox.list().find((row) => row.kind === 'activity.create')
    expect(activity!.dependsOn).toEqual([janeRow, second.id])
    // Nothing of the choice reaches the person's row.
    expect(outbox.get(janeRow)).toBeDefined()
  })

  it('queues the person again when the chosen one was discarded meanwhile', () => {
    const { outbox } = setup()
    const first = outbox.enqueueLead({ title: 'One', person: { kind: 'new', name: 'Jane Doe' } })
    const janeRow = first.dependsOn[0]!
    outbox.discard(janeRow)
    const second = outbox.enqueueLead({
      title: 'Two',
      person: { kind: 'new', name: 'Jane Doe', queuedAs: janeRow },
    })
    expect(personRows(outbox)).toHaveLength(2)
    expect(second.dependsOn).not.toContain(janeRow)
  })

  it('lists new persons and leads still waiting, newest first, for quick add', () => {
    const { db, outbox } = setup()
    const jane = outbox.enqueueLead({
      title: 'One',
      person: { kind: 'new', name: 'Jane Doe', email: 'jane@acme.test' },
    })
    outbox.enqueueLead({ title: 'Two', person: { kind: 'existing', id: 7 } })
    const sam = outbox.enqueueLead({ title: 'Three', person: { kind: 'new', name: 'Sam Lee' } })
    db.prepare(`UPDATE outbox SET state = 'sent' WHERE id = ?`).run(sam.id)
    const janeRow = jane.dependsOn[0]!
    expect(outbox.waiting()).toEqual({
      persons: [
        { outboxId: sam.dependsOn[0], name: 'Sam Lee' },
        { outboxId: janeRow, name: 'Jane Doe', email: 'jane@acme.test' },
      ],
      leads: [
        { title: 'Two', personId: 7, organizationId: null, personRowId: null },
        { title: 'One', personId: null, organizationId: null, personRowId: janeRow },
      ],
    })
  })

  it('queues each new organization: a name alone is no proof of a twin', () => {
    const { outbox } = setup()
    outbox.enqueueLead({ title: 'One', organization: { kind: 'new', name: 'Acme GmbH' } })
    outbox.enqueueLead({ title: 'Two', organization: { kind: 'new', name: 'ACME' } })
    const organizations = outbox.list().filter((row) => row.kind === 'organization.create')
    expect(organizations).toHaveLength(2)
  })

  it('makes a new person in the new organization of the same capture', () => {
    const { outbox } = setup()
    outbox.enqueueLead({ title: 'One', organization: { kind: 'new', name: 'Acme' } })
    outbox.enqueueLead({
      title: 'Two',
      person: { kind: 'new', name: 'Ann Lee' },
      organization: { kind: 'new', name: 'Acme' },
    })
    const organizations = outbox.list().filter((row) => row.kind === 'organization.create')
    const [person] = personRows(outbox)
    expect(person!.dependsOn).toEqual([Math.max(...organizations.map((row) => row.id))])
  })
})
