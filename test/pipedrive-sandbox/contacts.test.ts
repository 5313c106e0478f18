// v2 persons, organizations, searches and lead conversion.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from './index'
import { seedIds, startSandbox } from './index'
import { call, testClock } from './test-support'

const clock = testClock()
let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({
    now: clock.now,
    limits: { enabled: false },
    conversion: { polls: 2, ms: 1000 },
  })
})
beforeEach(() => sandbox.reset())
afterAll(() => sandbox.close())

const { persons, organizations, leads, fields } = seedIds

describe('persons', () => {
  it('creates a person, splitting the name and defaulting owner and visibility', async () => {
    const created = await call(sandbox, 'POST', '/api/v2/persons', {
      name: 'Ada King Lovelace',
      emails: [{ value: 'ada@example.org' }],
    })
    expect(created.status).toBe(200)
    expect(created.body.data).toMatchObject({
      name: 'Ada King Lovelace',
      first_name: 'Ada',
      last_name: 'King Lovelace',
      owner_id: seedIds.me,
      org_id: null,
      visible_to: 3,
      emails: [{ value: 'ada@example.org', primary: true, label: 'work' }],
    })
    expect(created.body.data.add_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(sandbox.state.persons.map((p) => p.name)).toContain('Ada King Lovelace')
  })

  it('refuses a person without a name', async () => {
    const answer = await call(sandbox, 'POST', '/api/v2/persons', { emails: [{ value: 'a@b.c' }] })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ success: false, error: 'Name must be given.', data: null })
  })

  it('validates strictly, without coercing strings', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'x', visible_to: '3' }, 'visible_to'],
      [{ name: 'x', visible_to: 2 }, 'visible_to'],
      [{ name: 'x', org_id: '501' }, 'org_id'],
      [{ name: 'x', org_id: 99999 }, 'org_id'],
      [{ name: 'x', owner_id: seedIds.deactivatedUser }, 'owner_id'],
      [{ name: 'x', emails: 'a@b.c' }, 'emails'],
      [{ name: 'x', emails: [{ value: 'a@b.c', primary: 'yes' }] }, 'emails[0].primary'],
      [{ name: 'x', favourite_colour: 'red' }, 'favourite_colour'],
    ]
    for (const [body, field] of cases) {
      const answer = await call(sandbox, 'POST', '/api/v2/persons', body)
      expect(answer.status, JSON.stringify(body)).toBe(400)
      expect(answer.body.error).toMatch(`Validation failed: ${field}:`)
      expect(answer.body.code).toBe('ERR_SCHEMA_VALIDATION_FAILED')
    }
  })

  it('answers 404 for an unknown person and 400 for a malformed id', async () => {
    expect((await call(sandbox, 'GET', '/api/v2/persons/99999')).status).toBe(404)
    expect((await call(sandbox, 'GET', '/api/v2/persons/abc')).status).toBe(400)
  })
})

describe('organizations', () => {
  it('requires a name', async () => {
    const missing = await call(sandbox, 'POST', '/api/v2/organizations', { website: 'x' })
    expect(missing.status).toBe(400)
    expect(missing.body.error).toMatch(/name/)
    const created = await call(sandbox, 'POST', '/api/v2/organizations', { name: 'Globex' })
    expect(created.body.data).toMatchObject({ name: 'Globex', owner_id: seedIds.me })
    expect(sandbox.state.organizations.map((o) => o.name)).toContain('Globex')
  })
})

describe('search', () => {
  it('needs 2 characters, or 1 with exact_match', async () => {
    expect((await call(sandbox, 'GET', '/api/v2/persons/search?term=m')).status).toBe(400)
    expect((await call(sandbox, 'GET', '/api/v2/persons/search')).status).toBe(400)
    const one = await call(sandbox, 'GET', '/api/v2/persons/search?term=m&exact_match=true')
    expect(one.status).toBe(200)
    expect(one.body.data.items).toEqual([])
    expect(
      (await call(sandbox, 'GET', '/api/v2/persons/search?term=ma&exact_match=yes')).status,
    ).toBe(400)
  })

  it('matches exactly, case-insensitively, on the chosen fields', async () => {
    const email = 'MARIA.SCHMIDT@acme-logistics.example'
    const exact = await call(
      sandbox,
      'GET',
      `/api/v2/persons/search?term=${encodeURIComponent(email)}&fields=email&exact_match=true`,
    )
    expect(exact.body.data.items.map((i: { item: { id: number } }) => i.item.id)).toEqual([
      persons.maria,
    ])
    const partial = await call(
      sandbox,
      'GET',
      '/api/v2/persons/search?term=maria.schmidt&fields=email&exact_match=true',
    )
    expect(partial.body.data.items).toEqual([])
    const nameOnly = await call(sandbox, 'GET', '/api/v2/persons/search?term=acme&fields=name')
    expect(nameOnly.body.data.items).toEqual([])
    expect((await call(sandbox, 'GET', '/api/v2/persons/search?term=ab&fields=title')).status).toBe(
      400,
    )
  })

  it('pages with limit and an opaque cursor', async () => {
    for (const name of ['Testa One', 'Testa Two', 'Testa Three']) {
      await call(sandbox, 'POST', '/api/v2/persons', { name })
    }
    // New persons reach the search index after the default lag.
    clock.advance(1000)
    const first = await call(sandbox, 'GET', '/api/v2/persons/search?term=testa&limit=2')
    expect(first.body.data.items).toHaveLength(2)
    const cursor = first.body.additional_data.next_cursor as string
    expect(cursor).toEqual(expect.any(String))
    const second = await call(
      sandbox,
      'GET',
      `/api/v2/persons/search?term=testa&limit=2&cursor=${cursor}`,
    )
    expect(second.body.data.items).toHaveLength(1)
    expect(second.body.additional_data.next_cursor).toBeNull()
    expect((await call(sandbox, 'GET', '/api/v2/persons/search?term=testa&limit=501')).status).toBe(
      400,
    )
    expect(
      (await call(sandbox, 'GET', '/api/v2/persons/search?term=testa&cursor=nonsense')).status,
    ).toBe(400)
  })

  it('finds organizations by name and address', async () => {
    const byAddress = await call(sandbox, 'GET', '/api/v2/organizations/search?term=hamburg')
    expect(byAddress.body.data.items[0].item).toMatchObject({
      id: organizations.acme,
      type: 'organization',
    })
  })

  it('finds leads by title, notes and searchable custom fields', async () => {
    const marker = 'LBX-SEED-0001'
    const byMarker = await call(
      sandbox,
      'GET',
      `/api/v2/leads/search?term=${marker}&fields=custom_fields&exact_match=true`,
    )
    expect(byMarker.body.data.items.map((i: { item: { id: string } }) => i.item.id)).toEqual([
      leads.acmeFleet,
    ])
    expect(byMarker.body.data.items[0].item.custom_fields).toEqual([marker])
    const byNote = await call(sandbox, 'GET', '/api/v2/leads/search?term=leasing&fields=notes')
    expect(byNote.body.data.items[0].item.notes).toEqual(['Asked for a quote on leasing terms.'])
    // enum and set values are not searchable custom field types.
    const bySegment = await call(
      sandbox,
      'GET',
      '/api/v2/leads/search?term=190&fields=custom_fields',
    )
    expect(bySegment.body.data.items).toEqual([])
    const byPerson = await call(
      sandbox,
      'GET',
      `/api/v2/leads/search?term=lead&person_id=${persons.lena}&include_fields=lead.was_seen`,
    )
    expect(byPerson.body.data.items).toEqual([])
    const archived = await call(sandbox, 'GET', '/api/v2/leads/search?term=trade fair contact')
    expect(archived.body.data.items[0].item).toMatchObject({
      id: leads.archived,
      is_archived: true,
    })
  })

  it('can lag behind writes like a search index (fault switch)', async () => {
    sandbox.faults.searchIndexLag(5000)
    const created = await call(sandbox, 'POST', '/api/v1/leads', {
      title: 'Fresh lead',
      person_id: persons.tom,
      [fields.leadReference]: 'LBX-FRESH',
    })
    expect(created.status).toBe(201)
    const search = () =>
      call(
        sandbox,
        'GET',
        '/api/v2/leads/search?term=LBX-FRESH&fields=custom_fields&exact_match=true',
      )
    expect((await search()).body.data.items).toEqual([])
    clock.advance(5001)
    expect((await search()).body.data.items).toHaveLength(1)
  })
})

describe('lead conversion', () => {
  async function start(leadId: string) {
    const answer = await call(sandbox, 'POST', `/api/v2/leads/${leadId}/convert/deal`, {})
    expect(answer.status).toBe(200)
    return answer.body.data.conversion_id as string
  }

  it('goes running → completed over two polls, then the lead is gone', async () => {
    const id = await start(leads.acmeFleet)
    const status = () =>
      call(sandbox, 'GET', `/api/v2/leads/${leads.acmeFleet}/convert/status/${id}`)
    const first = await status()
    expect(first.body.data).toEqual({
      lead_id: leads.acmeFleet,
      conversion_id: id,
      status: 'running',
    })
    const second = await status()
    expect(second.body.data).toMatchObject({ status: 'completed', deal_id: expect.any(Number) })
    expect((await call(sandbox, 'GET', `/api/v1/leads/${leads.acmeFleet}`)).status).toBe(404)
    const list = await call(sandbox, 'GET', '/api/v1/leads')
    expect(list.body.data.map((l: { id: string }) => l.id)).not.toContain(leads.acmeFleet)
    expect(sandbox.state.removedLeads).toContainEqual(
      expect.objectContaining({ removed: 'converted' }),
    )
  })

  it('completes by time alone, without polling', async () => {
    await start(leads.lena)
    clock.advance(1000)
    expect((await call(sandbox, 'GET', `/api/v1/leads/${leads.lena}`)).status).toBe(404)
  })

  it('can fail (fault switch) and keeps the lead', async () => {
    sandbox.faults.failConversions()
    const id = await start(leads.lena)
    clock.advance(1000)
    const status = await call(sandbox, 'GET', `/api/v2/leads/${leads.lena}/convert/status/${id}`)
    expect(status.body.data.status).toBe('failed')
    expect((await call(sandbox, 'GET', `/api/v1/leads/${leads.lena}`)).status).toBe(200)
  })

  it('validates the body and answers 404 for unknown leads and conversions', async () => {
    const extra = await call(sandbox, 'POST', `/api/v2/leads/${leads.lena}/convert/deal`, {
      title: 'x',
    })
    expect(extra.status).toBe(400)
    const stage = await call(sandbox, 'POST', `/api/v2/leads/${leads.lena}/convert/deal`, {
      stage_id: '3',
    })
    expect(stage.status).toBe(400)
    const unknown = await call(
      sandbox,
      'GET',
      `/api/v2/leads/${leads.lena}/convert/status/00000000-0000-4000-8000-000000000000`,
    )
    expect(unknown.status).toBe(404)
    expect(unknown.body).toEqual({
      success: false,
      error: 'Entity was not found',
      error_info: 'Object was not found.',
      data: null,
      additional_data: null,
    })
  })
})
