import { describe, expect, it } from 'vitest'
import { useSyncRigs } from './testing'

// A new person named with a new organization on one line, as quick add queues it, against
// the sandbox Pipedrive: the person is made in the organization, with its details, once.

const setup = useSyncRigs()
type Rig = Awaited<ReturnType<typeof setup>>

const mia = {
  title: 'Pilot',
  person: {
    kind: 'new' as const,
    name: 'Mia Wong',
    email: 'mia@globex.example',
    phone: '+442079460958',
  },
  organization: { kind: 'new' as const, name: 'Globex' },
}

function arrived(rig: Rig, itemId: number) {
  const clientId = rig.outbox.get(itemId)!.clientId
  const lead = rig.box.state.leads.find((l) => l['origin_id'] === clientId)
  const persons = rig.box.state.persons.filter((p) => p['name'] === 'Mia Wong')
  const organizations = rig.box.state.organizations.filter((o) => o['name'] === 'Globex')
  return { lead, persons, organizations }
}

function expectMiaInGlobex(rig: Rig, itemId: number) {
  const { lead, persons, organizations } = arrived(rig, itemId)
  expect(organizations).toHaveLength(1)
  expect(persons).toHaveLength(1)
  const [person] = persons
  const [organization] = organizations
  expect(person).toMatchObject({
    org_id: organization!['id'],
    emails: [{ value: 'mia@globex.example', primary: true }],
    phones: [{ value: '+442079460958', primary: true }],
  })
  expect(lead).toMatchObject({
    person_id: person!['id'],
    organization_id: organization!['id'],
  })
  expect(rig.outbox.list().every((row) => row.state === 'sent')).toBe(true)
}

describe('a new person with a new organization', () => {
  it('is made in it, with the email and phone', async () => {
    const rig = await setup()
    const item = rig.outbox.enqueueLead(mia)
    await rig.settle()
    expectMiaInGlobex(rig, item.id)
    // The person was asked for after the organization existed, never before.
    expect(rig.box.state.count('POST /api/v2/organizations')).toBe(1)
    expect(rig.box.state.count('POST /api/v2/persons')).toBe(1)
  })

  it('is made once, in the one organization, when both answers were lost', async () => {
    const rig = await setup()
    rig.box.faults.storeThenReset(1, { method: 'POST', path: '/api/v2/organizations' })
    rig.box.faults.storeThenReset(1, { method: 'POST', path: '/api/v2/persons' })
    const item = rig.outbox.enqueueLead(mia)
    await rig.settle()
    expect(rig.box.state.count('POST /api/v2/organizations', 'reset')).toBe(1)
    expect(rig.box.state.count('POST /api/v2/persons', 'reset')).toBe(1)
    expectMiaInGlobex(rig, item.id)
  })
})
