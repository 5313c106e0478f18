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

  it('finds persons and organizations by exact match only', async () => {
    const outbox = gateway()
    await outbox.addPerson({
      name: 'Ben Ortiz',
      emails: [{ value: 'ben@ortiz.example', primary: true }],
    })
    expect(await outbox.findPersons('ben@ortiz.example', 'email')).toMatchObject([
      { name: 'Ben Ortiz' },
    ])
    expect(await outbox.findPersons('Ben Ortiz', 'name')).toHaveLength(1)
    expect(await outbox.findPersons('Ben', 'name')).toEqual([])
    expect(await outbox.findPersons('  ', 'name')).toEqual([])
    expect(await outbox.findOrganizations('ACME Corp')).toEqual([])
    await outbox.addOrganization({ name: 'Ortiz Ltd' })
    expect(await outbox.findOrganizations('Ortiz Ltd')).toMatchObject([{ name: 'Ortiz Ltd' }])
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
