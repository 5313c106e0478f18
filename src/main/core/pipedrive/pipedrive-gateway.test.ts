import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { seedIds, startSandbox, type Sandbox } from '../../../../test/pipedrive-sandbox'
import { PipedriveFailure } from './failure'
import { createOutboxGateway } from './pipedrive-gateway'
import { fixedAuth, testClient } from './testing'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(async () => {
  await sandbox.close()
})
afterEach(async () => {
  await sandbox.reset()
})

const gateway = (pageSize?: number) =>
  createOutboxGateway(
    testClient(fixedAuth(sandbox.url, { apiToken: sandbox.apiToken })).client,
    pageSize ? { pageSize } : {},
  )

describe('the outbox gateway', () => {
  it("adds an activity, lists a lead's activities across pages, and marks one done", async () => {
    const outbox = gateway(1)
    const { leads, persons, activities } = seedIds
    const made = await outbox.addActivity({
      subject: 'Call about the renewal',
      type: 'call',
      lead_id: leads.acmeFleet,
      due_date: '2026-12-18',
      due_time: '09:30',
      participants: [{ person_id: persons.maria, primary: true }],
    })
    // Page size 1: three activities come from three pages.
    const listed = await outbox.listActivities({ lead_id: leads.acmeFleet })
    expect(listed.map((a) => a.id).sort((a, b) => a - b)).toEqual(
      [activities.callMaria, activities.sentBrochure, made.id].sort((a, b) => a - b),
    )
    expect(listed.find((a) => a.id === made.id)).toEqual({
      id: made.id,
      subject: 'Call about the renewal',
      type: 'call',
      leadId: leads.acmeFleet,
      dueDate: '2026-12-18',
      dueTime: '09:30',
      done: false,
      addTime: expect.any(Number),
    })
    await outbox.markActivityDone(made.id)
    const after = await outbox.listActivities({ lead_id: leads.acmeFleet })
    expect(after.find((a) => a.id === made.id)?.done).toBe(true)
  })

  it('creates a person, an organization, a lead with its origin id, and a note', async () => {
    const outbox = gateway()
    const person = await outbox.addPerson({
      name: 'Ada Quinn',
      emails: [{ value: 'ada@quinn.example', primary: true }],
    })
    const org = await outbox.addOrganization({ name: 'Quinn Freight' })
    expect(person.name).toBe('Ada Quinn')
    expect(org.name).toBe('Quinn Freight')
    const origin = randomUUID()
    const lead = await outbox.addLead({
      title: 'Quinn renewal',
      person_id: person.id,
      organization_id: org.id,
      value: { amount: 5000, currency: 'EUR' },
      visible_to: '3',
      origin_id: origin,
      [seedIds.fields.leadReference]: 'REF-7',
    })
    expect(lead).toMatchObject({
      title: 'Quinn renewal',
      origin_id: origin,
      person_id: person.id,
      organization_id: org.id,
      value: { amount: 5000, currency: 'EUR' },
      [seedIds.fields.leadReference]: 'REF-7',
    })
    expect((await outbox.getLead(lead.id)).id).toBe(lead.id)
    const note = await outbox.addNote({ content: 'Call back Friday', lead_id: lead.id })
    expect(sandbox.state.notes.find((n) => n['id'] === note.id)).toMatchObject({
      lead_id: lead.id,
    })
    const archived = await outbox.updateLead(lead.id, { is_archived: true })
    expect(archived.is_archived).toBe(true)
    await outbox.deleteLead(lead.id)
    const gone = await outbox.getLead(lead.id).catch((error: unknown) => error)
    expect(gone).toBeInstanceOf(PipedriveFailure)
    expect(gone).toMatchObject({ kind: 'not_found' })
  })

  it('lists persons, organizations and notes changed since a time, as a lookup compares them', async () => {
    const outbox = gateway(2)
    const before = sandbox.now()
    const since = `${new Date(Math.floor(before / 1000) * 1000).toISOString().slice(0, 19)}Z`
    const ben = await outbox.addPerson({
      name: 'Ben Ortiz',
      emails: [{ value: 'ben@ortiz.example', primary: true }],
      phones: [{ value: '+49 30 1234567', primary: true }],
    })
    const org = await outbox.addOrganization({ name: 'Ortiz Ltd' })
    const lead = await outbox.addLead({
      title: 'Notes',
      person_id: ben.id,
      origin_id: randomUUID(),
    })
    const note = await outbox.addNote({ content: 'Met at the fair', lead_id: lead.id })

    const persons = await outbox.listPersons({ updated_since: since })
    expect(persons).toEqual([
      {
        id: ben.id,
        name: 'Ben Ortiz',
        emails: ['ben@ortiz.example'],
        phones: ['+49 30 1234567'],
        addTime: expect.any(Number) as number,
      },
    ])
    expect(persons[0]!.addTime).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
    // Seeded persons were made long before and are not listed.
    expect(await outbox.listOrganizations({ updated_since: since })).toMatchObject([
      { id: org.id, name: 'Ortiz Ltd', emails: [], phones: [] },
    ])
    expect(await outbox.listNotes({ lead_id: lead.id, updated_since: since })).toEqual([
      { id: note.id, content: 'Met at the fair', leadId: lead.id, addTime: expect.any(Number) },
    ])
  })

  it('stops every request of a bound gateway when its signal aborts, as not sent when still waiting', async () => {
    const controller = new AbortController()
    controller.abort()
    const failure = await gateway()
      .bound(controller.signal)
      .getLead(randomUUID())
      .catch((error: unknown) => error)
    expect(failure).toMatchObject({ kind: 'not_sent' })
    expect(sandbox.state.count('GET /api/v1/leads/{id}')).toBe(0)
  })

  it('lists every page of leads matching the reconcile filter', async () => {
    const outbox = gateway(2)
    const since = new Date(sandbox.now()).toISOString()
    const origins = Array.from({ length: 5 }, () => randomUUID())
    for (const origin of origins) {
      await outbox.addLead({ title: 'Batch', person_id: seedIds.persons.tom, origin_id: origin })
    }
    const found = await outbox.listLeads({ person_id: seedIds.persons.tom, updated_since: since })
    expect(found.map((lead) => lead.origin_id).sort()).toEqual([...origins].sort())
    expect(sandbox.state.count('GET /api/v1/leads')).toBe(3)
  })
})
