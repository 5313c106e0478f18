import { describe, expect, it } from 'vitest'
import { seedIds } from '../../../../test/pipedrive-sandbox/index'
import { outboxKinds } from '../../../shared/ipc/contract'
import { outboxKindFacts, rowKinds } from './kinds'
import { useSyncRigs } from './testing'

// How each kind of row is reconciled after a request whose answer was lost, on the product's
// own clock: nothing is looked up (or sent again) until the lost request can no longer land.

const setup = useSyncRigs()
type Rig = Awaited<ReturnType<typeof setup>>

const persons = (rig: Rig, name: string) =>
  rig.box.state.persons.filter((person) => person['name'] === name)
const leadsTitled = (rig: Rig, title: string) =>
  rig.box.state.leads.filter((lead) => lead['title'] === title)

describe('reconciling a request whose answer was lost', () => {
  it('has a way for every kind of row, and the database knows exactly those kinds', async () => {
    const rig = await setup()
    expect(Object.keys(rowKinds).sort()).toEqual([...outboxKinds].sort())
    const stored = rig.db
      .prepare('SELECT name FROM outbox_kind ORDER BY name')
      .pluck()
      .all() as string[]
    expect(stored).toEqual([...outboxKinds].sort())
    // Every kind that may not be sent twice knows how to look itself up.
    for (const [kind, facts] of Object.entries(outboxKindFacts)) {
      expect('lookup' in rowKinds[kind as keyof typeof rowKinds], kind).toBe(!facts.repeatable)
    }
  })

  it('waits until the lost request can no longer land, even through "Sync now"', async () => {
    const rig = await setup()
    rig.box.faults.storeThenReset(1, { method: 'POST', path: '/api/v1/leads' })
    const item = rig.outbox.enqueueLead({
      title: 'Patient lead',
      person: { kind: 'existing', id: seedIds.persons.maria },
    })
    await rig.drain()
    expect(rig.outbox.get(item.id)?.state).toBe('uncertain')
    const seen = rig.box.state.requests.length
    for (let pass = 0; pass < 3; pass += 1) {
      rig.advance(rig.queue.timing.landingWindowMs / 4)
      await rig.drain()
    }
    // No lookup, no second POST while it might still land.
    expect(rig.box.state.requests.length).toBe(seen)
    await rig.settle()
    expect(leadsTitled(rig, 'Patient lead')).toHaveLength(1)
    expect(rig.box.state.count('POST /api/v1/leads')).toBe(1)
  })

  it('creates a lead once when the process dies while Pipedrive is still processing it', async () => {
    const rig = await setup({ requestTimeoutMs: 300 })
    rig.box.faults.delay(700, { method: 'POST', path: '/api/v1/leads' })
    const item = rig.outbox.enqueueLead({
      title: 'Slow server',
      person: { kind: 'existing', id: seedIds.persons.tom },
    })
    rig.engine.start()
    rig.engine.wake('sync now')
    await expect.poll(() => rig.outbox.get(item.id)?.state, { timeout: 5_000 }).toBe('sending')
    await rig.restart()
    await rig.drain()
    expect(rig.outbox.get(item.id)?.state).toBe('uncertain')
    // The dead process's request lands after it is gone.
    await expect.poll(() => leadsTitled(rig, 'Slow server').length, { timeout: 5_000 }).toBe(1)
    await rig.settle()
    expect(leadsTitled(rig, 'Slow server')).toHaveLength(1)
    expect(rig.outbox.get(item.id)).toMatchObject({
      state: 'sent',
      remoteId: leadsTitled(rig, 'Slow server')[0]!['id'],
    })
  })

  it('finds its lead archived by someone else before the lookup, and sends no second', async () => {
    const rig = await setup()
    rig.box.faults.storeThenReset(1, { method: 'POST', path: '/api/v1/leads' })
    const item = rig.outbox.enqueueLead({
      title: 'Archived meanwhile',
      person: { kind: 'existing', id: seedIds.persons.maria },
    })
    await rig.drain()
    expect(rig.outbox.get(item.id)?.state).toBe('uncertain')
    const [stored] = leadsTitled(rig, 'Archived meanwhile')
    await rig.call('PATCH', `/leads/${String(stored!['id'])}`, { is_archived: true })
    await rig.settle()
    expect(rig.box.state.count('POST /api/v1/leads')).toBe(1)
    expect(leadsTitled(rig, 'Archived meanwhile')).toHaveLength(1)
    expect(rig.outbox.get(item.id)).toMatchObject({ state: 'sent', remoteId: stored!['id'] })
  })

  it('looks from the first lost request, however long the lookups fail', async () => {
    const rig = await setup()
    rig.box.faults.storeThenReset(1, { method: 'POST', path: '/api/v1/leads' })
    const item = rig.outbox.enqueueLead({
      title: 'Found late',
      person: { kind: 'existing', id: seedIds.persons.maria },
    })
    await rig.drain()
    // The lookups fail for ten minutes: each attempt is newer than the lost POST.
    rig.box.faults.failNext(5, { method: 'GET', path: '/api/v1/leads', status: 503 })
    for (let pass = 0; pass < 5; pass += 1) {
      rig.advanceToNextDue()
      rig.advance(2 * 60_000)
      await rig.drain()
    }
    expect(rig.box.state.count('GET /api/v1/leads', 503)).toBe(5)
    await rig.settle()
    expect(leadsTitled(rig, 'Found late')).toHaveLength(1)
    expect(rig.outbox.get(item.id)?.state).toBe('sent')
  })

  it('posts a note once when its answer was lost', async () => {
    const rig = await setup()
    rig.box.faults.storeThenFail(1, { method: 'POST', path: '/api/v1/notes', status: 502 })
    rig.outbox.enqueueLead({
      title: 'With a note',
      person: { kind: 'existing', id: seedIds.persons.tom },
      note: 'Wants a demo in March',
    })
    await rig.settle()
    expect(rig.box.state.count('POST /api/v1/notes', 'store-then-502')).toBe(1)
    const [lead] = leadsTitled(rig, 'With a note')
    expect(rig.box.state.notes.filter((note) => note['lead_id'] === lead!['id'])).toHaveLength(1)
  })

  it('keeps two notes with the same text, both lost, as two notes', async () => {
    const rig = await setup()
    const item = rig.outbox.enqueueLead({
      title: 'Twice noted',
      person: { kind: 'existing', id: seedIds.persons.tom },
      note: 'Call back',
    })
    await rig.settle()
    const leadId = rig.outbox.get(item.id)!.remoteId!
    rig.box.faults.storeThenReset(2, { method: 'POST', path: '/api/v1/notes' })
    // Two notes with one text, written to the outbox as the lead's pane would.
    const again = rig.db.prepare(
      `INSERT INTO outbox (client_id, kind, payload, title, lead_ref, created_at, updated_at)
       VALUES (?, 'note.create', ?, 'Same', ?, 0, 0)`,
    )
    const link = rig.db.prepare(
      `INSERT INTO outbox_dependency (row_id, parent_id, role) VALUES (?, ?, 'lead')`,
    )
    for (const client of ['n1', 'n2']) {
      const id = again.run(client, JSON.stringify({ content: 'Same' }), `outbox:${item.id}`)
      link.run(id.lastInsertRowid, item.id)
    }
    await rig.settle()
    const same = rig.box.state.notes.filter(
      (note) => note['lead_id'] === leadId && note['content'] === 'Same',
    )
    expect(same).toHaveLength(2)
    const held = rig.outbox.list().filter((row) => row.title === 'Same')
    expect(new Set(held.map((row) => row.remoteId)).size).toBe(2)
  })
})

describe('a new person or organization whose answer was lost', () => {
  it('does not adopt a namesake that was there before', async () => {
    const rig = await setup()
    const namesake = await rig.call('POST', '/v2/persons', { name: 'Anna Weber' })
    rig.advance(60_000)
    rig.box.faults.storeThenReset(1, { method: 'POST', path: '/api/v2/persons' })
    const item = rig.outbox.enqueueLead({
      title: 'Anna’s lead',
      person: { kind: 'new', name: 'Anna Weber' },
    })
    await rig.settle()
    const annas = persons(rig, 'Anna Weber')
    expect(annas).toHaveLength(2)
    const lead = rig.box.state.leads.find(
      (l) => l['origin_id'] === rig.outbox.get(item.id)!.clientId,
    )
    expect(lead!['person_id']).not.toBe(namesake.data['id'])
  })

  it('links two leads for two different Anna Webers each to its own, both answers lost', async () => {
    const rig = await setup()
    rig.box.faults.storeThenReset(2, { method: 'POST', path: '/api/v2/persons' })
    const first = rig.outbox.enqueueLead({
      title: 'Anna in Berlin',
      person: { kind: 'new', name: 'Anna Weber', email: 'anna@berlin.example' },
    })
    const second = rig.outbox.enqueueLead({
      title: 'Anna in Vienna',
      person: { kind: 'new', name: 'Anna Weber', email: 'anna@vienna.example' },
    })
    await rig.settle()
    expect(rig.box.state.count('POST /api/v2/persons', 'reset')).toBe(2)
    const annas = persons(rig, 'Anna Weber')
    expect(annas).toHaveLength(2)
    for (const [item, email] of [
      [first, 'anna@berlin.example'],
      [second, 'anna@vienna.example'],
    ] as const) {
      const clientId = rig.outbox.get(item.id)!.clientId
      const lead = rig.box.state.leads.find((l) => l['origin_id'] === clientId)!
      const person = annas.find((p) => p['id'] === lead['person_id'])!
      expect((person['emails'] as Array<{ value: string }>)[0]!.value).toBe(email)
    }
  })

  it('gives two look-alike new persons, both answers lost, one each', async () => {
    const rig = await setup()
    rig.box.faults.storeThenFail(2, { method: 'POST', path: '/api/v2/persons', status: 503 })
    rig.box.faults.storeThenReset(2, { method: 'POST', path: '/api/v2/organizations' })
    // A name alone does not say two captures mean one person: each gets its own.
    for (const title of ['First Jo', 'Second Jo']) {
      rig.outbox.enqueueLead({
        title,
        person: { kind: 'new', name: 'Jo Park' },
        organization: { kind: 'new', name: 'Park & Co' },
      })
    }
    await rig.settle()
    expect(persons(rig, 'Jo Park')).toHaveLength(2)
    expect(rig.box.state.organizations.filter((o) => o['name'] === 'Park & Co')).toHaveLength(2)
    const [a, b] = ['First Jo', 'Second Jo'].map((title) => leadsTitled(rig, title)[0]!)
    expect(a!['person_id']).not.toBe(b!['person_id'])
    expect(a!['organization_id']).not.toBe(b!['organization_id'])
  })
})

describe('changes to a lead, notes included', () => {
  it('sends a note before a later delete of its lead, however slow the note is', async () => {
    const rig = await setup()
    rig.box.faults.delay(300, { method: 'POST', path: '/api/v1/notes' })
    const item = rig.outbox.enqueueLead({
      title: 'Short-lived',
      person: { kind: 'existing', id: seedIds.persons.tom },
      note: 'Before it goes',
    })
    const deletion = rig.changes.enqueue({ kind: 'delete', lead: { outboxId: item.id } })
    await rig.settle()
    expect(rig.outbox.list().filter((row) => row.state !== 'sent')).toEqual([])
    expect(rig.outbox.get(deletion.id)?.state).toBe('sent')
    const note = rig.box.state.notes.find((n) => n['content'] === 'Before it goes')
    expect(note).toBeDefined()
  })

  it('keeps a change made after the lead reached Pipedrive behind one made before', async () => {
    const rig = await setup()
    const item = rig.outbox.enqueueLead({
      title: 'Ordered',
      person: { kind: 'existing', id: seedIds.persons.tom },
    })
    const edit = rig.changes.enqueue({
      kind: 'update',
      lead: { outboxId: item.id },
      after: { title: 'Ordered, renamed' },
      before: { title: 'Ordered' },
    })
    // The create goes; the edit waits behind a slow answer.
    rig.box.faults.delay(400, { method: 'GET', path: '/api/v1/leads/{id}' })
    rig.engine.start()
    rig.engine.wake('sync now')
    await expect.poll(() => rig.outbox.get(item.id)?.state, { timeout: 5_000 }).toBe('sent')
    const remoteId = rig.outbox.get(item.id)!.remoteId!
    const archive = rig.changes.enqueue({ kind: 'archive', lead: { remoteId } })
    // One lead, one key: the archive named by Pipedrive id still waits for the edit.
    expect(archive.lead).toEqual({ outboxId: item.id })
    await rig.settle()
    expect(rig.outbox.get(edit.id)?.state).toBe('sent')
    expect(rig.outbox.get(archive.id)?.state).toBe('sent')
    const archived = rig.box.state.leads.find((lead) => lead['id'] === remoteId)!
    expect(archived).toMatchObject({ title: 'Ordered, renamed', is_archived: true })
  })

  it('takes no change for a lead already deleted or converted, so a lost answer cannot pass for one', async () => {
    const rig = await setup()
    const deleted = rig.changes.enqueue({
      kind: 'delete',
      lead: { remoteId: seedIds.leads.acmeFleet },
    })
    const converted = rig.changes.enqueue({
      kind: 'convert',
      lead: { remoteId: seedIds.leads.blueRiver },
    })
    await rig.settle()
    expect(rig.outbox.get(deleted.id)?.state).toBe('sent')
    expect(rig.outbox.get(converted.id)?.state).toBe('sent')
    // Were a conversion of the deleted lead taken, and its answer lost, the lead being gone
    // would read as "converted".
    expect(() =>
      rig.changes.enqueue({ kind: 'convert', lead: { remoteId: seedIds.leads.acmeFleet } }),
    ).toThrow(/was deleted/)
    expect(() =>
      rig.changes.enqueue({ kind: 'convert', lead: { remoteId: seedIds.leads.blueRiver } }),
    ).toThrow(/was converted to a deal/)
    expect(rig.box.state.conversions).toHaveLength(1)
  })
})
