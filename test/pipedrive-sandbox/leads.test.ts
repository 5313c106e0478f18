// v1 lead behaviour and the lead service's validation rules.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from './index'
import { seedIds, startSandbox } from './index'
import { call, testClock } from './test-support'

const clock = testClock()
let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ now: clock.now, limits: { enabled: false } })
})
beforeEach(() => sandbox.reset())
afterAll(() => sandbox.close())

const { persons, organizations, labels, leads, fields, options } = seedIds
const valid = { title: 'New lead', person_id: persons.maria }

async function create(body: Record<string, unknown>) {
  return call(sandbox, 'POST', '/api/v1/leads', body)
}

describe('listing', () => {
  it('lists non-archived leads oldest first and pages with start/limit', async () => {
    const all = await call(sandbox, 'GET', '/api/v1/leads')
    expect(all.body.data.map((l: { id: string }) => l.id)).toEqual([
      leads.acmeFleet,
      leads.blueRiver,
      leads.lena,
    ])
    const page = await call(sandbox, 'GET', '/api/v1/leads?start=1&limit=1')
    expect(page.body.data.map((l: { id: string }) => l.id)).toEqual([leads.blueRiver])
    expect(page.body.additional_data).toEqual({
      start: 1,
      limit: 1,
      more_items_in_collection: true,
    })
  })

  it('filters by owner, person and organization, ignoring filter_id', async () => {
    const byOwner = await call(sandbox, 'GET', '/api/v1/leads?owner_id=2002&filter_id=7')
    expect(byOwner.body.data.map((l: { id: string }) => l.id)).toEqual([leads.blueRiver])
    const byPerson = await call(sandbox, 'GET', `/api/v1/leads?person_id=${persons.lena}`)
    expect(byPerson.body.data.map((l: { id: string }) => l.id)).toEqual([leads.lena])
    const byOrg = await call(sandbox, 'GET', `/api/v1/leads?organization_id=${organizations.acme}`)
    expect(byOrg.body.data.map((l: { id: string }) => l.id)).toEqual([leads.acmeFleet])
  })

  it('sorts by "update_time DESC" and rejects unknown sort fields', async () => {
    const sorted = await call(sandbox, 'GET', '/api/v1/leads?sort=update_time%20DESC')
    expect(sorted.body.data.map((l: { id: string }) => l.id)).toEqual([
      leads.lena,
      leads.acmeFleet,
      leads.blueRiver,
    ])
    const bad = await call(sandbox, 'GET', '/api/v1/leads?sort=value%20DESC')
    expect(bad.status).toBe(400)
  })

  it('returns leads updated since a time, for delta sync', async () => {
    const since = new Date(clock.now()).toISOString()
    expect((await call(sandbox, 'GET', `/api/v1/leads?updated_since=${since}`)).body.data).toEqual(
      [],
    )
    const created = await create(valid)
    const delta = await call(sandbox, 'GET', `/api/v1/leads?updated_since=${since}`)
    expect(delta.body.data.map((l: { id: string }) => l.id)).toEqual([created.body.data.id])
    const bad = await call(sandbox, 'GET', '/api/v1/leads?updated_since=yesterday')
    expect(bad.status).toBe(400)
  })

  it('answers under /v1 as well as /api/v1, but v2 only under /api/v2', async () => {
    expect((await call(sandbox, 'GET', '/v1/leads')).status).toBe(200)
    expect((await call(sandbox, 'GET', '/v2/persons/search?term=maria')).status).toBe(404)
  })
})

describe('create, update, archive, delete', () => {
  it('creates a lead with API source and the caller as owner and creator', async () => {
    const created = await create({ ...valid, was_seen: true })
    expect(created.status).toBe(201)
    expect(created.body.data).toMatchObject({
      title: 'New lead',
      owner_id: seedIds.me,
      creator_id: seedIds.me,
      source_name: 'API',
      origin: 'API',
      origin_id: null,
      visible_to: '3',
      label_ids: [],
      value: null,
      is_archived: false,
      was_seen: true,
    })
    expect(created.body.data.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(created.body.data.cc_email).toMatch(
      /^northwind-sandbox\+7420017\+lead\w+@pipedrivemail\.com$/,
    )
    expect(sandbox.state.leads.map((l) => l.id)).toContain(created.body.data.id)
  })

  it('archives through PATCH is_archived: archived leads leave /leads for /leads/archived', async () => {
    const archived = await call(sandbox, 'PATCH', `/api/v1/leads/${leads.lena}`, {
      is_archived: true,
    })
    expect(archived.body.data.is_archived).toBe(true)
    const list = await call(sandbox, 'GET', '/api/v1/leads')
    expect(list.body.data.map((l: { id: string }) => l.id)).not.toContain(leads.lena)
    const archive = await call(sandbox, 'GET', '/api/v1/leads/archived')
    expect(archive.body.data.map((l: { id: string }) => l.id)).toContain(leads.lena)
    // Archived leads are read-only except for un-archiving.
    const edit = await call(sandbox, 'PATCH', `/api/v1/leads/${leads.lena}`, { title: 'x' })
    expect(edit.status).toBe(400)
    const back = await call(sandbox, 'PATCH', `/api/v1/leads/${leads.lena}`, { is_archived: false })
    expect(back.body.data.is_archived).toBe(false)
  })

  it('unsets value, person and custom fields with null on PATCH, keeping one link', async () => {
    const patched = await call(sandbox, 'PATCH', `/api/v1/leads/${leads.acmeFleet}`, {
      value: null,
      person_id: null,
      [fields.budget]: null,
      [fields.fleetSize]: 7,
    })
    expect(patched.status).toBe(200)
    expect(patched.body.data).toMatchObject({ value: null, person_id: null, [fields.fleetSize]: 7 })
    expect(patched.body.data).not.toHaveProperty(fields.budget)
    expect(patched.body.data).not.toHaveProperty(`${fields.budget}_currency`)
    const orphan = await call(sandbox, 'PATCH', `/api/v1/leads/${leads.acmeFleet}`, {
      organization_id: null,
    })
    expect(orphan.status).toBe(400)
  })

  it('deletes a lead; it is then 404 everywhere', async () => {
    const deleted = await call(sandbox, 'DELETE', `/api/v1/leads/${leads.blueRiver}`)
    expect(deleted.body).toEqual({ success: true, data: { id: leads.blueRiver } })
    for (const [method, body] of [['GET'], ['PATCH', { title: 'x' }], ['DELETE']] as const) {
      const gone = await call(sandbox, method, `/api/v1/leads/${leads.blueRiver}`, body)
      expect(gone.status).toBe(404)
      expect(gone.body).toEqual({
        success: false,
        error: 'requested lead not found',
        error_info: 'Object was not found.',
        data: null,
        additional_data: null,
      })
    }
    expect(sandbox.state.removedLeads).toContainEqual(
      expect.objectContaining({ removed: 'deleted' }),
    )
  })
})

describe('validation', () => {
  async function rejects(body: unknown, info: string | RegExp, method = 'POST', id?: string) {
    const path = id ? `/api/v1/leads/${id}` : '/api/v1/leads'
    const answer = await call(sandbox, method, path, body)
    expect(answer.status, JSON.stringify(answer.body)).toBe(400)
    expect(answer.body).toMatchObject({
      success: false,
      error: 'provided dataset is not valid',
      data: null,
      additional_data: null,
    })
    expect(answer.body.error_info).toMatch(info)
  }

  it('requires a title', async () => {
    await rejects({ person_id: persons.maria }, '"title" is required')
    await rejects({ ...valid, title: '' }, '"title" is not allowed to be empty')
    await rejects({ ...valid, title: 42 }, '"title" must be a string')
  })

  it('requires a person or an organization, and they must exist', async () => {
    await rejects({ title: 'x' }, /at least one of \[person_id, organization_id\]/)
    await rejects({ title: 'x', person_id: 99999 }, /Person with ID 99999/)
    await rejects({ title: 'x', organization_id: 99999 }, /Organization with ID 99999/)
    await rejects({ title: 'x', person_id: '1001' }, '"person_id" must be a number')
  })

  it('wants value as {amount, currency} with a known currency', async () => {
    await rejects({ ...valid, value: 100 }, '"value" must be of type object')
    await rejects({ ...valid, value: { amount: 100 } }, '"value.currency" is required')
    await rejects({ ...valid, value: { currency: 'EUR' } }, '"value.amount" is required')
    await rejects({ ...valid, value: { amount: '100', currency: 'EUR' } }, /must be a number/)
    await rejects({ ...valid, value: { amount: 1, currency: 'XYZ' } }, /valid currency code/)
    const ok = await create({ ...valid, value: { amount: 1, currency: 'JPY' } })
    expect(ok.status).toBe(201)
  })

  it('wants visible_to as one of the strings "1", "3", "5", "7"', async () => {
    await rejects({ ...valid, visible_to: 3 }, '"visible_to" must be a string')
    await rejects({ ...valid, visible_to: '2' }, '"visible_to" must be one of [1, 3, 5, 7]')
    expect((await create({ ...valid, visible_to: '7' })).status).toBe(201)
  })

  it('wants label ids that are UUIDs of existing labels', async () => {
    await rejects({ ...valid, label_ids: ['hot'] }, '"label_ids[0]" must be a valid GUID')
    await rejects(
      { ...valid, label_ids: ['00000000-0000-4000-8000-000000000000'] },
      /Lead label with ID/,
    )
    expect((await create({ ...valid, label_ids: [labels.warm] })).status).toBe(201)
  })

  it('wants expected_close_date as a real YYYY-MM-DD day', async () => {
    await rejects({ ...valid, expected_close_date: '31.12.2026' }, /YYYY-MM-DD/)
    await rejects({ ...valid, expected_close_date: '2026-02-30' }, /YYYY-MM-DD/)
  })

  it('rejects null where the lead schema does not allow it', async () => {
    await rejects({ ...valid, owner_id: null }, '"owner_id" must be a number')
    await rejects({ ...valid, person_id: null, organization_id: organizations.acme }, /person_id/)
    await rejects({ ...valid, label_ids: null }, '"label_ids" must be an array')
    await rejects({ ...valid, expected_close_date: null }, '"expected_close_date" must be a string')
    await rejects({ owner_id: null }, '"owner_id" must be a number', 'PATCH', leads.lena)
    // value, origin_id, channel and channel_id are nullable on create.
    const ok = await create({ ...valid, value: null, origin_id: null, channel: null })
    expect(ok.status).toBe(201)
  })

  it('matches the documented owner_id: null answer exactly', async () => {
    const answer = await create({ ...valid, owner_id: null })
    expect(answer.body).toEqual({
      success: false,
      error: 'provided dataset is not valid',
      error_info: '"owner_id" must be a number',
      data: null,
      additional_data: null,
    })
  })

  it('takes origin_id on create only', async () => {
    await rejects({ origin_id: 'x' }, '"origin_id" is not allowed', 'PATCH', leads.lena)
    await rejects({ ...valid, is_archived: true }, '"is_archived" is not allowed')
  })

  it('rejects unknown keys and unknown or mistyped custom fields', async () => {
    await rejects({ ...valid, status: 'open' }, '"status" is not allowed')
    await rejects({ ...valid, ['f'.repeat(40)]: 'x' }, /is not allowed/)
    await rejects({ ...valid, [fields.fleetSize]: 'many' }, /must be a number/)
    await rejects({ ...valid, [fields.segment]: 999 }, /option ids/)
    await rejects({ ...valid, [fields.followUpDate]: 'tomorrow' }, /YYYY-MM-DD/)
    await rejects({ ...valid, [`${fields.leadReference}_currency`]: 'EUR' }, /is not allowed/)
    const ok = await create({
      ...valid,
      [fields.segment]: String(options.segment.government),
      [fields.products]: `${options.products.trucks}`,
    })
    expect(ok.body.data[fields.segment]).toBe(options.segment.government)
  })

  it('rejects channels the company does not have', async () => {
    await rejects({ ...valid, channel: 1 }, /channels/)
    expect((await create({ ...valid, channel: options.channel.webForm })).status).toBe(201)
  })

  it('answers malformed ids and bodies with 400', async () => {
    const badId = await call(sandbox, 'GET', '/api/v1/leads/not-a-uuid')
    expect(badId.status).toBe(400)
    const response = await fetch(`${sandbox.url}/api/v1/leads`, {
      method: 'POST',
      headers: { 'x-api-token': sandbox.apiToken, 'content-type': 'application/json' },
      body: '{"title":',
    })
    expect(response.status).toBe(400)
  })
})

describe('lead labels validation', () => {
  it('validates name and color', async () => {
    const noColor = await call(sandbox, 'POST', '/api/v1/leadLabels', { name: 'x' })
    expect(noColor.status).toBe(400)
    const badColor = await call(sandbox, 'POST', '/api/v1/leadLabels', { name: 'x', color: 'teal' })
    expect(badColor.status).toBe(400)
    expect(badColor.body.error_info).toMatch(/"color" must be one of/)
  })

  it('deleting a label takes it off leads', async () => {
    await call(sandbox, 'DELETE', `/api/v1/leadLabels/${labels.hot}`)
    const lead = await call(sandbox, 'GET', `/api/v1/leads/${leads.acmeFleet}`)
    expect(lead.body.data.label_ids).toEqual([])
  })
})

describe('notes', () => {
  it('requires content and a known lead', async () => {
    const empty = await call(sandbox, 'POST', '/api/v1/notes', { lead_id: leads.lena })
    expect(empty.status).toBe(400)
    const unknown = await call(sandbox, 'POST', '/api/v1/notes', {
      content: 'x',
      lead_id: '00000000-0000-4000-8000-000000000000',
    })
    expect(unknown.status).toBe(404)
    const ok = await call(sandbox, 'POST', '/api/v1/notes', {
      content: 'Follow up in May',
      lead_id: leads.lena,
      pinned_to_lead_flag: 1,
    })
    expect(ok.body.data).toMatchObject({ pinned_to_lead_flag: true, user_id: seedIds.me })
    expect(sandbox.state.notes.map((n) => n.content)).toContain('Follow up in May')
  })
})
