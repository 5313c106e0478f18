import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDemoCompany, demoCompanySize } from './demo-company'
import { startSandbox, type Sandbox } from './index'
import { call, expectResponse } from './test-support'

const start = Date.parse('2026-11-27T09:00:00.000Z')

describe('the demo company', () => {
  const company = createDemoCompany(start)

  it('is the same company every time for one seed, and another for another seed', () => {
    const again = createDemoCompany(start)
    expect([...again.leads.values()]).toEqual([...company.leads.values()])
    expect([...again.persons.values()]).toEqual([...company.persons.values()])
    expect([...again.organizations.values()]).toEqual([...company.organizations.values()])
    expect([...again.notes.values()]).toEqual([...company.notes.values()])
    const other = createDemoCompany(start, 99)
    expect([...other.leads.keys()]).not.toEqual([...company.leads.keys()])
  })

  it('has a few hundred of everything, some archived, some with notes', () => {
    const leads = [...company.leads.values()]
    expect(leads.length).toBeGreaterThanOrEqual(demoCompanySize.leads)
    expect(company.persons.size).toBeGreaterThanOrEqual(demoCompanySize.persons)
    expect(company.organizations.size).toBeGreaterThanOrEqual(demoCompanySize.organizations)
    const archived = leads.filter((lead) => lead.is_archived).length
    expect(archived).toBeGreaterThan(10)
    expect(archived).toBeLessThan(leads.length / 4)
    expect(company.notes.size).toBeGreaterThan(50)
    expect(new Set(leads.map((lead) => lead.owner_id)).size).toBeGreaterThanOrEqual(3)
    expect(new Set(leads.map((lead) => lead.value?.currency)).size).toBeGreaterThanOrEqual(4)
  })

  it('only refers to records, users, labels and currencies the company has', () => {
    const userIds = new Set(company.users.map((user) => user.id))
    const currencies = new Set(company.currencies.map((currency) => currency.code))
    for (const lead of company.leads.values()) {
      expect(lead.person_id ?? lead.organization_id, lead.title).not.toBeNull()
      if (lead.person_id !== null) expect(company.persons.has(lead.person_id)).toBe(true)
      if (lead.organization_id !== null) {
        expect(company.organizations.has(lead.organization_id)).toBe(true)
      }
      for (const label of lead.label_ids) expect(company.leadLabels.has(label)).toBe(true)
      if (lead.value) expect(currencies).toContain(lead.value.currency)
      expect(userIds).toContain(lead.owner_id)
      expect(lead.id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      )
      expect(lead.add_time).toBeLessThanOrEqual(start)
      expect(lead.update_time).toBeGreaterThanOrEqual(lead.add_time)
    }
    for (const person of company.persons.values()) {
      if (person.org_id !== null) expect(company.organizations.has(person.org_id)).toBe(true)
    }
    for (const note of company.notes.values()) {
      expect(note.lead_id !== null && company.leads.has(note.lead_id)).toBe(true)
    }
    // New records made in the sandbox must not take a generated record's id.
    expect(company.nextId.person).toBeGreaterThan(Math.max(...company.persons.keys()))
    expect(company.nextId.organization).toBeGreaterThan(Math.max(...company.organizations.keys()))
    expect(company.nextId.note).toBeGreaterThan(Math.max(...company.notes.keys()))
    const emails = [...company.persons.values()].flatMap((p) => p.emails.map((e) => e.value))
    expect(new Set(emails).size).toBe(emails.length)
  })
})

describe('a sandbox started with the demo company', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ company: createDemoCompany, limits: { enabled: false } })
  })
  afterAll(() => sandbox.close())

  it('serves its leads and contacts as Pipedrive would, and a reset brings them back', async () => {
    const leads = await call(sandbox, 'GET', '/api/v1/leads?limit=500')
    expectResponse('v1', 'GET /leads', 200, leads.body)
    const open = [...sandbox.state.leads].filter((lead) => !lead['is_archived']).length
    expect(leads.body.data).toHaveLength(open)
    const persons = await call(sandbox, 'GET', '/api/v2/persons?limit=100')
    expectResponse('v2', 'GET /persons', 200, persons.body)
    expect(persons.body.additional_data.next_cursor).toEqual(expect.any(String))
    const organizations = await call(sandbox, 'GET', '/api/v2/organizations?limit=100')
    expectResponse('v2', 'GET /organizations', 200, organizations.body)

    await call(sandbox, 'DELETE', `/api/v1/leads/${leads.body.data[0].id}`)
    await sandbox.reset()
    const after = await call(sandbox, 'GET', '/api/v1/leads?limit=500')
    expect(after.body.data).toHaveLength(open)
  })
})
