// Every response shape the app relies on, checked against the official schemas (extracted into
// spec/ by scripts/extract-spec.mjs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from './index'
import { approveConsent, seedIds, startSandbox } from './index'
import { call, expectAllProperties, expectRequest, expectResponse, oauthForm } from './test-support'

let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ limits: { enabled: false } })
})
afterAll(() => sandbox.close())

const { fields, options, persons, organizations, labels, leads } = seedIds

describe('v1 leads', () => {
  it('GET /leads and /leads/archived', async () => {
    const list = await call(sandbox, 'GET', '/api/v1/leads')
    expect(list.status).toBe(200)
    expectResponse('v1', 'GET /leads', 200, list.body)
    for (const lead of list.body.data) expectAllProperties('v1', 'Lead', lead)
    expect(list.body.additional_data).toEqual({
      start: 0,
      limit: 100,
      more_items_in_collection: false,
    })

    const archived = await call(sandbox, 'GET', '/api/v1/leads/archived')
    expectResponse('v1', 'GET /leads/archived', 200, archived.body)
    expect(archived.body.data.map((l: { id: string }) => l.id)).toEqual([leads.archived])
  })

  it('POST, GET, PATCH and DELETE a lead with custom fields', async () => {
    const body = {
      title: 'Contract lead',
      person_id: persons.maria,
      organization_id: organizations.acme,
      label_ids: [labels.hot],
      value: { amount: 1500, currency: 'GBP' },
      expected_close_date: '2027-02-01',
      visible_to: '3',
      origin_id: 'leadbox-contract',
      [fields.leadReference]: 'LBX-CONTRACT',
      [fields.budget]: 900.5,
      [fields.segment]: options.segment.retail,
      [fields.products]: [options.products.vans, options.products.service],
    }
    expectRequest('v1', 'POST /leads', body)
    const created = await call(sandbox, 'POST', '/api/v1/leads', body)
    expect(created.status).toBe(201)
    expectResponse('v1', 'POST /leads', 201, created.body)
    expectAllProperties('v1', 'Lead', created.body.data)
    expect(created.body.data).toMatchObject({
      source_name: 'API',
      origin: 'API',
      origin_id: 'leadbox-contract',
      [fields.leadReference]: 'LBX-CONTRACT',
      [fields.budget]: 900.5,
      [`${fields.budget}_currency`]: 'EUR',
      [fields.segment]: options.segment.retail,
      [fields.products]: `${options.products.vans},${options.products.service}`,
    })
    const id = created.body.data.id as string

    const fetched = await call(sandbox, 'GET', `/api/v1/leads/${id}`)
    expectResponse('v1', 'GET /leads/{id}', 200, fetched.body)
    expect(fetched.body.data).toEqual(created.body.data)

    const patch = { title: 'Renamed', value: null, is_archived: false }
    expectRequest('v1', 'PATCH /leads/{id}', patch)
    const updated = await call(sandbox, 'PATCH', `/api/v1/leads/${id}`, patch)
    expectResponse('v1', 'PATCH /leads/{id}', 200, updated.body)
    expect(updated.body.data.value).toBeNull()

    const deleted = await call(sandbox, 'DELETE', `/api/v1/leads/${id}`)
    expectResponse('v1', 'DELETE /leads/{id}', 200, deleted.body)
    expect(deleted.body).toEqual({ success: true, data: { id } })

    const gone = await call(sandbox, 'GET', `/api/v1/leads/${id}`)
    expect(gone.status).toBe(404)
    expectResponse('v1', 'GET /leads/{id}', 404, gone.body)
    expect(gone.body).toEqual({
      success: false,
      error: 'requested lead not found',
      error_info: 'Object was not found.',
      data: null,
      additional_data: null,
    })
  })

  it('GET /leads/search (v1)', async () => {
    const found = await call(sandbox, 'GET', '/api/v1/leads/search?term=acme')
    expectResponse('v1', 'GET /leads/search', 200, found.body)
    expect(found.body.additional_data.pagination).toMatchObject({ start: 0, limit: 100 })
  })
})

describe('v1 lead labels, sources, fields', () => {
  it('lists the three default labels', async () => {
    const list = await call(sandbox, 'GET', '/api/v1/leadLabels')
    expectResponse('v1', 'GET /leadLabels', 200, list.body)
    const byName = Object.fromEntries(
      list.body.data.map((l: { name: string; color: string }) => [l.name, l.color]),
    )
    expect(byName).toMatchObject({ Hot: 'red', Warm: 'yellow', Cold: 'blue' })
    for (const label of list.body.data) expectAllProperties('v1', 'LeadLabel', label)
  })

  it('adds, updates and deletes a label', async () => {
    const body = { name: 'Trade fair', color: 'purple' }
    expectRequest('v1', 'POST /leadLabels', body)
    const added = await call(sandbox, 'POST', '/api/v1/leadLabels', body)
    expect(added.status).toBe(200)
    expectResponse('v1', 'POST /leadLabels', 200, added.body)
    const id = added.body.data.id as string
    const updated = await call(sandbox, 'PATCH', `/api/v1/leadLabels/${id}`, { color: 'green' })
    expectResponse('v1', 'PATCH /leadLabels/{id}', 200, updated.body)
    expect(updated.body.data.color).toBe('green')
    const deleted = await call(sandbox, 'DELETE', `/api/v1/leadLabels/${id}`)
    expectResponse('v1', 'DELETE /leadLabels/{id}', 200, deleted.body)
    const missing = await call(sandbox, 'PATCH', `/api/v1/leadLabels/${id}`, { name: 'x' })
    expect(missing.status).toBe(404)
    expectResponse('v1', 'PATCH /leadLabels/{id}', 404, missing.body)
  })

  it('lists the fixed lead sources', async () => {
    const sources = await call(sandbox, 'GET', '/api/v1/leadSources')
    expectResponse('v1', 'GET /leadSources', 200, sources.body)
    expect(sources.body.data).toHaveLength(10)
    expect(sources.body.data).toContainEqual({ name: 'API' })
  })

  it('pages deal fields, including every custom field type the app maps', async () => {
    const page = await call(sandbox, 'GET', '/api/v1/dealFields?start=0&limit=10')
    expectResponse('v1', 'GET /dealFields', 200, page.body)
    expect(page.body.additional_data.pagination).toEqual({
      start: 0,
      limit: 10,
      more_items_in_collection: true,
      next_start: 10,
    })
    const all = await call(sandbox, 'GET', '/api/v1/dealFields')
    expectResponse('v1', 'GET /dealFields', 200, all.body)
    for (const field of all.body.data) {
      expectAllProperties('v1', 'Field', field, ['options_deleted', 'is_subfield', 'subfields'])
    }
    const custom = all.body.data.filter((f: { key: string }) => /^[0-9a-f]{40}$/.test(f.key))
    expect(custom.map((f: { field_type: string }) => f.field_type).sort()).toEqual(
      ['date', 'double', 'enum', 'monetary', 'set', 'text', 'varchar'].sort(),
    )
    for (const field of custom.filter((f: { field_type: string }) =>
      ['enum', 'set'].includes(f.field_type),
    )) {
      expect(field.options.length).toBeGreaterThan(1)
    }
  })

  it('lists lead fields', async () => {
    const list = await call(sandbox, 'GET', '/api/v1/leadFields')
    expectResponse('v1', 'GET /leadFields', 200, list.body)
    const keys = list.body.data.map((f: { key: string }) => f.key)
    expect(keys).toContain('title')
    expect(keys).toContain(fields.budget)
  })
})

describe('v1 users, currencies, notes', () => {
  it('GET /users and /users/me', async () => {
    const users = await call(sandbox, 'GET', '/api/v1/users')
    expectResponse('v1', 'GET /users', 200, users.body)
    for (const user of users.body.data) expectAllProperties('v1', 'BaseUser', user)
    expect(users.body.data.filter((u: { is_you: boolean }) => u.is_you)).toHaveLength(1)

    const me = await call(sandbox, 'GET', '/api/v1/users/me')
    expectResponse('v1', 'GET /users/me', 200, me.body)
    expect(me.body.data).toMatchObject({
      id: seedIds.me,
      is_you: true,
      company_id: seedIds.company,
      company_domain: 'northwind-sandbox',
    })
  })

  it('answers 401 with the documented body', async () => {
    const denied = await call(sandbox, 'GET', '/api/v1/users/me', undefined, 'none')
    expect(denied.status).toBe(401)
    expectResponse('v1', 'GET /users/me', 401, denied.body)
    expect(denied.body).toEqual({ success: false, error: 'unauthorized access', errorCode: 401 })
  })

  it('GET /currencies with and without term', async () => {
    const all = await call(sandbox, 'GET', '/api/v1/currencies')
    expectResponse('v1', 'GET /currencies', 200, all.body)
    const codes = all.body.data.map((c: { code: string }) => c.code)
    expect(codes).toEqual(expect.arrayContaining(['EUR', 'USD', 'GBP', 'JPY']))
    const yen = all.body.data.find((c: { code: string }) => c.code === 'JPY')
    expect(yen).toMatchObject({ decimal_points: 0, symbol: '¥' })
    const filtered = await call(sandbox, 'GET', '/api/v1/currencies?term=pound')
    expect(filtered.body.data.map((c: { code: string }) => c.code)).toEqual(['GBP'])
  })

  it('POST /notes on a lead', async () => {
    const body = { content: 'Called back, wants a demo', lead_id: leads.lena }
    expectRequest('v1', 'POST /notes', body)
    const note = await call(sandbox, 'POST', '/api/v1/notes', body)
    expect(note.status).toBe(200)
    expectResponse('v1', 'POST /notes', 200, note.body)
    expect(note.body.data).toMatchObject({ content: body.content, lead_id: leads.lena })
  })

  it('GET /notes, filtered, sorted and paged', async () => {
    await call(sandbox, 'POST', '/api/v1/notes', { content: 'On Maria', person_id: persons.maria })
    const all = await call(sandbox, 'GET', '/api/v1/notes?sort=add_time DESC')
    expect(all.status).toBe(200)
    expectResponse('v1', 'GET /notes', 200, all.body)
    for (const note of all.body.data) expectAllProperties('v1', 'Note', note)

    const page = await call(sandbox, 'GET', `/api/v1/notes?start=0&limit=1`)
    expectResponse('v1', 'GET /notes', 200, page.body)
    expect(page.body.additional_data.pagination).toEqual({
      start: 0,
      limit: 1,
      more_items_in_collection: true,
      next_start: 1,
    })
    const since = new Date(sandbox.now() - 60_000).toISOString()
    const filtered = await call(
      sandbox,
      'GET',
      `/api/v1/notes?person_id=${persons.maria}&updated_since=${since}&start_date=2020-01-01`,
    )
    expectResponse('v1', 'GET /notes', 200, filtered.body)
    expect(filtered.body.data.map((n: { content: string }) => n.content)).toEqual(['On Maria'])
  })

  it("GET /notes of one lead, as a lead's pane reads them", async () => {
    await call(sandbox, 'POST', '/api/v1/notes', { content: '<p>On Lena</p>', lead_id: leads.lena })
    const listed = await call(sandbox, 'GET', `/api/v1/notes?lead_id=${leads.lena}&limit=500`)
    expect(listed.status).toBe(200)
    expectResponse('v1', 'GET /notes', 200, listed.body)
    expect(listed.body.data).toContainEqual(
      expect.objectContaining({ content: '<p>On Lena</p>', lead_id: leads.lena }),
    )
    for (const note of listed.body.data) expect(note.lead_id).toBe(leads.lena)
  })
})

describe('v1 activity types and v2 activities', () => {
  const { activityTypes, activities } = seedIds

  it('lists the activity types with their names and keys', async () => {
    const list = await call(sandbox, 'GET', '/api/v1/activityTypes')
    expect(list.status).toBe(200)
    expectResponse('v1', 'GET /activityTypes', 200, list.body)
    for (const type of list.body.data) expectAllProperties('v1', 'ActivityType', type)
    expect(list.body.data.map((t: { key_string: string }) => t.key_string)).toEqual([
      'call',
      'meeting',
      'task',
      'deadline',
      'email',
      'lunch',
    ])
    expect(list.body.data[0]).toMatchObject({ id: activityTypes.call, name: 'Call' })
  })

  it('adds an activity to a lead with its person as primary participant', async () => {
    const body = {
      subject: 'Call about the demo',
      type: 'call',
      lead_id: leads.lena,
      due_date: '2026-12-04',
      due_time: '10:00',
      participants: [{ person_id: persons.lena, primary: true }],
    }
    expectRequest('v2', 'POST /activities', body)
    const created = await call(sandbox, 'POST', '/api/v2/activities', body)
    expect(created.status).toBe(200)
    expectResponse('v2', 'POST /activities', 200, created.body)
    expectAllProperties('v2', 'UpsertActivityResponseData.data', created.body.data, ['attendees'])
    expect(created.body.data).toMatchObject({
      subject: 'Call about the demo',
      type: 'call',
      lead_id: leads.lena,
      person_id: persons.lena,
      due_date: '2026-12-04',
      due_time: '10:00:00',
      done: false,
      marked_as_done_time: null,
      participants: [{ person_id: persons.lena, primary: true }],
    })
    // The lead's next activity is its earliest open one.
    const lead = await call(sandbox, 'GET', `/api/v1/leads/${leads.lena}`)
    expect(lead.body.data.next_activity_id).toBe(created.body.data.id)

    const untitled = await call(sandbox, 'POST', '/api/v2/activities', {
      type: 'meeting',
      lead_id: leads.lena,
    })
    expect(untitled.body.data).toMatchObject({ subject: 'Meeting', due_date: null })
  })

  it('marks an activity done, and the lead has no next activity left', async () => {
    const patch = { done: true }
    expectRequest('v2', 'PATCH /activities/{id}', patch)
    const done = await call(sandbox, 'PATCH', `/api/v2/activities/${activities.callMaria}`, patch)
    expect(done.status).toBe(200)
    expectResponse('v2', 'PATCH /activities/{id}', 200, done.body)
    expect(done.body.data.done).toBe(true)
    expect(typeof done.body.data.marked_as_done_time).toBe('string')
    const lead = await call(sandbox, 'GET', `/api/v1/leads/${leads.acmeFleet}`)
    expect(lead.body.data.next_activity_id).toBeNull()

    const missing = await call(sandbox, 'PATCH', '/api/v2/activities/99999', patch)
    expect(missing.status).toBe(404)
  })

  it("lists a lead's activities by updated_since and done, a page at a time", async () => {
    const since = new Date(sandbox.now() - 60_000).toISOString()
    const query = `lead_id=${leads.acmeFleet}&sort_by=due_date&sort_direction=desc&limit=1`
    const first = await call(sandbox, 'GET', `/api/v2/activities?${query}`)
    expect(first.status).toBe(200)
    expectResponse('v2', 'GET /activities', 200, first.body)
    for (const activity of first.body.data) {
      expectAllProperties('v2', 'UpsertActivityResponseData.data', activity, ['attendees'])
      expect(activity.lead_id).toBe(leads.acmeFleet)
    }
    const cursor = first.body.additional_data.next_cursor as string
    expect(typeof cursor).toBe('string')
    const second = await call(sandbox, 'GET', `/api/v2/activities?${query}&cursor=${cursor}`)
    expectResponse('v2', 'GET /activities', 200, second.body)
    expect(second.body.additional_data.next_cursor).toBeNull()
    expect([...first.body.data, ...second.body.data].map((a: { id: number }) => a.id)).toEqual([
      activities.callMaria,
      activities.sentBrochure,
    ])

    const recent = await call(
      sandbox,
      'GET',
      `/api/v2/activities?lead_id=${leads.acmeFleet}&updated_since=${since}`,
    )
    expect(recent.body.data.map((a: { id: number }) => a.id)).toEqual([activities.callMaria])
    const open = await call(sandbox, 'GET', `/api/v2/activities?lead_id=${leads.lena}&done=false`)
    expect(open.body.data.every((a: { done: boolean }) => !a.done)).toBe(true)
    expect(open.body.data.length).toBeGreaterThan(0)
  })

  it.each([
    [{ type: 'fax', lead_id: leads.lena }, "type: Activity type 'fax' was not found"],
    [{ due_date: '2026-02-30', lead_id: leads.lena }, 'due_date:'],
    [{ due_time: '25:00', lead_id: leads.lena }, 'due_time:'],
    [{ lead_id: '00000000-0000-4000-8000-000000000000' }, 'lead_id:'],
    [{ participants: [{ person_id: 424242 }] }, 'participants[0].person_id:'],
    [{ done: 'yes' }, 'done:'],
  ])('rejects %j with a v2 validation error', async (body, message) => {
    const rejected = await call(sandbox, 'POST', '/api/v2/activities', body)
    expect(rejected.status).toBe(400)
    expect(rejected.body).toMatchObject({ success: false, code: 'ERR_SCHEMA_VALIDATION_FAILED' })
    expect(rejected.body.error).toContain(message)
  })

  it('rejects malformed list filters', async () => {
    for (const query of ['done=maybe', 'updated_since=soon', 'sort_by=subject', 'cursor=nope']) {
      const answer = await call(sandbox, 'GET', `/api/v2/activities?${query}`)
      expect(answer.status, query).toBe(400)
      expect(answer.body.code).toBe('ERR_SCHEMA_VALIDATION_FAILED')
    }
  })
})

describe('v2 persons and organizations', () => {
  it('creates, reads and lists persons', async () => {
    const body = {
      name: 'Grace Hopper',
      org_id: organizations.contoso,
      emails: [{ value: 'grace@contoso.example', primary: true, label: 'work' }],
      phones: [{ value: '+1 555 0100', primary: true, label: 'mobile' }],
      visible_to: 3,
    }
    expectRequest('v2', 'POST /persons', body)
    const created = await call(sandbox, 'POST', '/api/v2/persons', body)
    expect(created.status).toBe(200)
    expectResponse('v2', 'POST /persons', 200, created.body)
    expectAllProperties('v2', 'UpsertPersonResponseData.data', created.body.data, [
      'postal_address',
      'notes',
      'im',
      'birthday',
      'job_title',
    ])
    const fetched = await call(sandbox, 'GET', `/api/v2/persons/${created.body.data.id}`)
    expectResponse('v2', 'GET /persons/{id}', 200, fetched.body)
    const list = await call(sandbox, 'GET', '/api/v2/persons?limit=2')
    expectResponse('v2', 'GET /persons', 200, list.body)
    expect(typeof list.body.additional_data.next_cursor).toBe('string')
  })

  it('creates a person in a new organization and gives back its org_id everywhere', async () => {
    const org = await call(sandbox, 'POST', '/api/v2/organizations', { name: 'Globex' })
    expect(org.status).toBe(200)
    const orgId = org.body.data.id as number
    const body = {
      name: 'Mia Wong',
      org_id: orgId,
      emails: [{ value: 'mia@globex.example', primary: true, label: 'work' }],
      phones: [{ value: '+442079460958', primary: true, label: 'work' }],
    }
    expectRequest('v2', 'POST /persons', body)
    const created = await call(sandbox, 'POST', '/api/v2/persons', body)
    expect(created.status).toBe(200)
    expectResponse('v2', 'POST /persons', 200, created.body)
    const expected = {
      org_id: orgId,
      emails: body.emails,
      phones: body.phones,
    }
    expect(created.body.data).toMatchObject(expected)

    const fetched = await call(sandbox, 'GET', `/api/v2/persons/${created.body.data.id}`)
    expectResponse('v2', 'GET /persons/{id}', 200, fetched.body)
    expect(fetched.body.data).toMatchObject(expected)
    const since = new Date(sandbox.now() - 60_000).toISOString()
    for (const query of [`org_id=${orgId}`, `updated_since=${since}`]) {
      const list = await call(sandbox, 'GET', `/api/v2/persons?${query}`)
      expectResponse('v2', 'GET /persons', 200, list.body)
      const listed = list.body.data.find((p: { id: number }) => p.id === created.body.data.id)
      expect(listed).toMatchObject(expected)
    }
  })

  it.each(['persons', 'organizations'])(
    'lists %s by updated_since, updated_until, sort_by, sort_direction and ids',
    async (kind) => {
      const since = new Date(sandbox.now() - 365 * 86_400_000).toISOString()
      const until = new Date(sandbox.now() + 60_000).toISOString()
      const query = `updated_since=${since}&updated_until=${until}&sort_by=update_time&sort_direction=desc&limit=2`
      const first = await call(sandbox, 'GET', `/api/v2/${kind}?${query}`)
      expect(first.status).toBe(200)
      expectResponse('v2', `GET /${kind}`, 200, first.body)
      const cursor = first.body.additional_data.next_cursor as string
      const second = await call(sandbox, 'GET', `/api/v2/${kind}?${query}&cursor=${cursor}`)
      expectResponse('v2', `GET /${kind}`, 200, second.body)
      const ids = [...first.body.data, ...second.body.data].map((r: { id: number }) => r.id)
      const byIds = await call(sandbox, 'GET', `/api/v2/${kind}?ids=${ids.join(',')}`)
      expectResponse('v2', `GET /${kind}`, 200, byIds.body)
      expect(byIds.body.data.map((r: { id: number }) => r.id)).toEqual(
        [...ids].sort((a, b) => a - b),
      )

      const invalid = await call(sandbox, 'GET', `/api/v2/${kind}?updated_since=soon`)
      expect(invalid.status).toBe(400)
      expect(invalid.body).toEqual({
        success: false,
        error:
          "Validation failed: updated_since: Parameter 'updated_since' must be a date-time in RFC3339 format",
        error_info: 'Please check developers.pipedrive.com',
        data: null,
        additional_data: null,
        code: 'ERR_SCHEMA_VALIDATION_FAILED',
      })
    },
  )

  it('creates, reads and lists organizations', async () => {
    const body = { name: 'Initech', address: { value: '1 Main St, Austin' }, visible_to: 3 }
    expectRequest('v2', 'POST /organizations', body)
    const created = await call(sandbox, 'POST', '/api/v2/organizations', body)
    expectResponse('v2', 'POST /organizations', 200, created.body)
    const fetched = await call(sandbox, 'GET', `/api/v2/organizations/${created.body.data.id}`)
    expectResponse('v2', 'GET /organizations/{id}', 200, fetched.body)
    const list = await call(sandbox, 'GET', '/api/v2/organizations')
    expectResponse('v2', 'GET /organizations', 200, list.body)
    expect(list.body.additional_data.next_cursor).toBeNull()
  })

  it('searches persons, organizations and leads', async () => {
    const people = await call(sandbox, 'GET', '/api/v2/persons/search?term=schmidt')
    expectResponse('v2', 'GET /persons/search', 200, people.body)
    expect(people.body.data.items[0].item).toMatchObject({ id: persons.maria, type: 'person' })

    const lena = await call(sandbox, 'GET', '/api/v2/persons/search?term=lena&fields=name')
    expectResponse('v2', 'GET /persons/search', 200, lena.body)
    expect(lena.body.data.items[0].item.organization).toBeNull()

    const orgs = await call(sandbox, 'GET', '/api/v2/organizations/search?term=contoso')
    expectResponse('v2', 'GET /organizations/search', 200, orgs.body)

    const found = await call(sandbox, 'GET', '/api/v2/leads/search?term=blue river')
    expectResponse('v2', 'GET /leads/search', 200, found.body)
    expect(found.body.data.items[0].item).toMatchObject({
      id: leads.blueRiver,
      type: 'lead',
      person: null,
      visible_to: 3,
    })
  })
})

describe('v2 lead conversion', () => {
  it('converts a lead to a deal', async () => {
    const started = await call(sandbox, 'POST', `/api/v2/leads/${leads.lena}/convert/deal`, {})
    expect(started.status).toBe(200)
    expectResponse('v2', 'POST /leads/{id}/convert/deal', 200, started.body)
    const conversion = started.body.data.conversion_id as string
    const path = `/api/v2/leads/${leads.lena}/convert/status/${conversion}`
    const first = await call(sandbox, 'GET', path)
    expectResponse('v2', 'GET /leads/{id}/convert/status/{conversion_id}', 200, first.body)
    const second = await call(sandbox, 'GET', path)
    expectResponse('v2', 'GET /leads/{id}/convert/status/{conversion_id}', 200, second.body)
    expect(second.body.data.status).toBe('completed')

    const missing = await call(
      sandbox,
      'POST',
      '/api/v2/leads/00000000-0000-4000-8000-000000000000/convert/deal',
      {},
    )
    expect(missing.status).toBe(404)
    expectResponse('v2', 'POST /leads/{id}/convert/deal', 404, missing.body)
  })
  it("moves the lead's activities and notes to the new deal", async () => {
    const made = await call(sandbox, 'POST', '/api/v1/leads', {
      title: 'Lead with history',
      person_id: persons.tom,
    })
    const leadId = made.body.data.id as string
    const activity = await call(sandbox, 'POST', '/api/v2/activities', {
      type: 'call',
      lead_id: leadId,
      participants: [{ person_id: persons.tom, primary: true }],
    })
    const note = await call(sandbox, 'POST', '/api/v1/notes', {
      content: 'Before the deal',
      lead_id: leadId,
    })
    const started = await call(sandbox, 'POST', `/api/v2/leads/${leadId}/convert/deal`, {})
    const path = `/api/v2/leads/${leadId}/convert/status/${started.body.data.conversion_id}`
    await call(sandbox, 'GET', path)
    const done = await call(sandbox, 'GET', path)
    expect(done.body.data.status).toBe('completed')
    const dealId = done.body.data.deal_id as number

    const byDeal = await call(sandbox, 'GET', `/api/v2/activities?deal_id=${dealId}`)
    expectResponse('v2', 'GET /activities', 200, byDeal.body)
    expect(byDeal.body.data).toEqual([
      expect.objectContaining({ id: activity.body.data.id, deal_id: dealId, lead_id: null }),
    ])
    const byLead = await call(sandbox, 'GET', `/api/v2/activities?lead_id=${leadId}`)
    expect(byLead.body.data).toEqual([])

    const notes = await call(sandbox, 'GET', `/api/v1/notes?deal_id=${dealId}`)
    expectResponse('v1', 'GET /notes', 200, notes.body)
    expect(notes.body.data).toEqual([
      expect.objectContaining({ id: note.body.data.id, deal_id: dealId, lead_id: null }),
    ])
    const leadNotes = await call(sandbox, 'GET', `/api/v1/notes?lead_id=${leadId}`)
    expect(leadNotes.body.data ?? []).toEqual([])
  })
})

describe('OAuth token response', () => {
  it('matches GetTokensResponse and points api_domain at the sandbox', async () => {
    const redirect = await approveConsent(sandbox.oauth.authorizeUrl('s1'))
    const form = {
      grant_type: 'authorization_code',
      code: redirect.searchParams.get('code') ?? '',
      redirect_uri: sandbox.oauth.redirectUri,
    }
    expectRequest('v1', 'POST /oauth/token', form)
    const tokens = await oauthForm(sandbox, '/oauth/token', form)
    expectResponse('v1', 'POST /oauth/token', 200, tokens.body)
    expectAllProperties('v1', 'GetTokensResponse', tokens.body)
    expect(tokens.body.api_domain).toBe(sandbox.url)

    const refreshed = await oauthForm(sandbox, '/oauth/token', {
      grant_type: 'refresh_token',
      refresh_token: tokens.body.refresh_token,
    })
    expectResponse('v1', 'POST /oauth/token/', 200, refreshed.body)
  })
})
