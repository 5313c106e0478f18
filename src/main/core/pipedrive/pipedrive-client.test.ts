import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  approveConsent,
  seedIds,
  startSandbox,
  type Sandbox,
} from '../../../../test/pipedrive-sandbox'
import { PipedriveFailure, type FailureKind } from './failure'
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

const tokenClient = (options: Parameters<typeof testClient>[1] = {}) =>
  testClient(fixedAuth(sandbox.url, { apiToken: sandbox.apiToken }), options).client

async function failureOf(work: Promise<unknown>): Promise<PipedriveFailure> {
  try {
    await work
  } catch (error) {
    if (error instanceof PipedriveFailure) return error
    throw error
  }
  throw new Error('expected a PipedriveFailure')
}

async function expectKind(work: Promise<unknown>, kind: FailureKind): Promise<PipedriveFailure> {
  const failure = await failureOf(work)
  expect(failure.kind, failure.message).toBe(kind)
  return failure
}

/** An OAuth access token for the sandbox, got the way the app gets one. */
async function oauthToken(target: Sandbox): Promise<string> {
  const redirect = await approveConsent(target.oauth.authorizeUrl('s'))
  const response = await fetch(`${target.url}/oauth/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${target.oauth.clientId}:${target.oauth.clientSecret}`).toString('base64')}`,
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: redirect.searchParams.get('code') ?? '',
      redirect_uri: target.oauth.redirectUri,
    }),
  })
  return ((await response.json()) as { access_token: string }).access_token
}

describe('the Pipedrive client against the sandbox', () => {
  it('calls every endpoint the app uses and exposes status and rate-limit headers', async () => {
    const client = tokenClient()
    const me = await client.getCurrentUser()
    expect(me.status).toBe(200)
    expect(me.data).toMatchObject({ id: seedIds.me, company_domain: 'northwind-sandbox' })
    expect(me.rateLimit).toMatchObject({ limit: 40, remaining: 39 })
    expect(me.rateLimit.dailyTokensRemaining).toBeGreaterThan(0)
    expect(me).toMatchObject({ error: null, errorInfo: null })

    expect((await client.getUsers()).data.map((user) => user.id)).toContain(seedIds.me)
    expect((await client.getCurrencies('eur')).data.map((c) => c.code)).toContain('EUR')
    expect((await client.getLeadSources()).data.map((s) => s.name)).toContain('API')
    expect((await client.listLeadFields()).map((f) => f.key)).toContain('title')
    expect((await client.listDealFields(2)).map((f) => f.key)).toContain(
      seedIds.fields.leadReference,
    )

    const label = await client.addLeadLabel({ name: 'Trade fair', color: 'green' })
    expect(label.data.name).toBe('Trade fair')
    const renamed = await client.updateLeadLabel(label.data.id ?? '', { name: 'Fair' })
    expect(renamed.data.name).toBe('Fair')
    expect((await client.getLeadLabels()).data.map((l) => l.name)).toContain('Fair')
    await client.deleteLeadLabel(label.data.id ?? '')

    const person = await client.addPerson({
      name: 'Nina Park',
      emails: [{ value: 'nina@park.example', primary: true }],
    })
    expect((await client.getPerson(person.data.id ?? 0)).data.name).toBe('Nina Park')
    // Search finds a new person only once its index has caught up; listings find it at once.
    const since = new Date(sandbox.now() - 60_000).toISOString().slice(0, 19) + 'Z'
    const newPersons = await client.listPersons({ updated_since: since })
    expect(newPersons.map((item) => item.id)).toEqual([person.data.id])
    expect(
      (
        await client.searchPersons({
          term: 'nina@park.example',
          fields: 'email',
          exact_match: true,
        })
      ).data.items,
    ).toEqual([])
    sandbox.advanceTime(60_000)
    const found = await client.searchPersons({
      term: 'nina@park.example',
      fields: 'email',
      exact_match: true,
    })
    expect(found.data.items.map((hit) => hit.item?.id)).toEqual([person.data.id])
    expect(found.data.nextCursor).toBeNull()
    const org = await client.addOrganization({ name: 'Park Logistics' })
    expect((await client.getOrganization(org.data.id ?? 0)).data.name).toBe('Park Logistics')
    sandbox.advanceTime(60_000)
    const orgs = await client.searchOrganizations({ term: 'Park Logistics', exact_match: true })
    expect(orgs.data.items.map((hit) => hit.item?.id)).toEqual([org.data.id])

    const origin = randomUUID()
    const lead = await client.addLead({
      title: 'Park fleet',
      person_id: person.data.id,
      organization_id: org.data.id,
      value: { amount: 5000, currency: 'EUR' },
      origin_id: origin,
    })
    expect(lead.status).toBe(201)
    expect(lead.data).toMatchObject({ title: 'Park fleet', origin_id: origin })
    const leadId = lead.data.id ?? ''
    expect((await client.getLead(leadId)).data.title).toBe('Park fleet')
    expect((await client.updateLead(leadId, { title: 'Park fleet 2' })).data.title).toBe(
      'Park fleet 2',
    )
    const note = await client.addNote({ content: 'Met at the fair', lead_id: leadId })
    expect(note.data.lead_id).toBe(leadId)
    const listed = await client.listLeads({ person_id: person.data.id })
    expect(listed.map((l) => l.id)).toEqual([leadId])
    const archived = await client.getArchivedLeads()
    expect(archived.data.items.map((l) => l.id)).toContain(seedIds.leads.archived)
    sandbox.advanceTime(60_000)
    const search = await client.searchLeads({ term: 'Park fleet 2', exact_match: true })
    expect(search.data.items.map((hit) => hit.item?.id)).toEqual([leadId])

    const conversion = await client.convertLeadToDeal(seedIds.leads.acmeFleet)
    const conversionId = conversion.data.conversion_id
    const status = await client.getLeadConversionStatus(seedIds.leads.acmeFleet, conversionId)
    expect(['not_started', 'running', 'completed']).toContain(status.data.status)

    expect((await client.deleteLead(leadId)).data.id).toBe(leadId)
    await expectKind(client.getLead(leadId), 'not_found')
  })

  it('pages through the flat lead list and the nested field list', async () => {
    const client = tokenClient()
    const before = await client.listLeads()
    for (let i = 0; i < 5; i++) {
      await client.addLead({ title: `Paged ${i}`, person_id: seedIds.persons.maria })
    }
    const requestsBefore = sandbox.state.count('GET /api/v1/leads')
    const all = await client.listLeads({}, 2)
    expect(all).toHaveLength(before.length + 5)
    expect(new Set(all.map((l) => l.id)).size).toBe(all.length)
    expect(sandbox.state.count('GET /api/v1/leads') - requestsBefore).toBe(
      Math.ceil(all.length / 2),
    )
    // Lead lists: flat additional_data without next_start.
    const first = await client.getLeads({ limit: 2 })
    expect(first.additionalData).toMatchObject({
      start: 0,
      limit: 2,
      more_items_in_collection: true,
    })
    expect(first.data.nextStart).toBe(2)
    // Field lists: additional_data.pagination with next_start.
    const fields = await client.getDealFields({ limit: 3 })
    expect(fields.additionalData).toMatchObject({ pagination: { next_start: 3 } })
    expect(fields.data.nextStart).toBe(3)
    const everyField = await client.listDealFields(3)
    const oneGo = await client.listDealFields(500)
    expect(everyField.map((f) => f.key)).toEqual(oneGo.map((f) => f.key))
  })
})

describe('how the client names failures', () => {
  const body = { title: 'Fault lead', person_id: seedIds.persons.maria }

  it('not_sent: the connection was refused', async () => {
    const client = tokenClient()
    await sandbox.faults.refuseConnections()
    // Let fetch notice its pooled connections were cut: a write on a dead kept-alive socket
    // cannot be told from one Pipedrive received, and is rightly unknown_outcome.
    await new Promise((resolve) => setTimeout(resolve, 50))
    await expectKind(client.addLead(body), 'not_sent')
    await expectKind(client.getLeads(), 'not_sent')
    await sandbox.faults.acceptConnections()
    expect(sandbox.state.leads.map((l) => l.title)).not.toContain('Fault lead')
  })

  it('unknown_outcome: a 5xx on a write, server_error on a read', async () => {
    const client = tokenClient()
    for (const status of [500, 502, 503]) {
      sandbox.faults.failNext(1, { status, method: 'POST', path: '/api/v1/leads' })
      const failure = await expectKind(client.addLead(body), 'unknown_outcome')
      expect(failure.status).toBe(status)
      sandbox.faults.failNext(1, { status, method: 'GET', path: '/api/v1/leads' })
      await expectKind(client.getLeads(), 'server_error')
    }
    const failure = await (async () => {
      sandbox.faults.failNext(1, { status: 503, method: 'POST' })
      return expectKind(client.addLead(body), 'unknown_outcome')
    })()
    expect(failure.error).toBe('Service temporarily unavailable')
    expect(failure.errorInfo).toBe('Scheduled maintenance')
  })

  it('unknown_outcome: the connection reset after Pipedrive stored the lead', async () => {
    const client = tokenClient()
    const origin = randomUUID()
    sandbox.faults.storeThenReset(1, { method: 'POST', path: '/api/v1/leads' })
    await expectKind(client.addLead({ ...body, origin_id: origin }), 'unknown_outcome')
    expect(sandbox.state.leads.filter((l) => l['origin_id'] === origin)).toHaveLength(1)
    sandbox.faults.storeThenReset(1, { method: 'GET', path: '/api/v1/leads' })
    await expectKind(client.getLeads(), 'server_error')
  })

  it('a hung answer times out: unknown_outcome for a write, server_error for a read', async () => {
    const client = tokenClient({ timeoutMs: 200 })
    sandbox.faults.hang({ method: 'POST', path: '/api/v1/leads' })
    const started = Date.now()
    const write = await expectKind(client.addLead(body), 'unknown_outcome')
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(write.message).toMatch(/did not answer within 0.2 s/)
    sandbox.faults.hang({ method: 'GET', path: '/api/v1/users/me' })
    await expectKind(client.getCurrentUser(), 'server_error')
  })

  it('validation (400), not_found (404), unauthorized (401)', async () => {
    const client = tokenClient()
    const invalid = await expectKind(client.addLead({ title: 'No person' }), 'validation')
    expect(invalid.status).toBe(400)
    expect(invalid.error).toBe('provided dataset is not valid')
    expect(invalid.errorInfo).toBeTruthy()
    const missing = await expectKind(client.getLead(randomUUID()), 'not_found')
    expect(missing.error).toBe('requested lead not found')
    const stranger = testClient(fixedAuth(sandbox.url, { apiToken: 'not-a-token' })).client
    const refused = await expectKind(stranger.getCurrentUser(), 'unauthorized')
    expect(refused).toMatchObject({ status: 401, error: 'unauthorized access' })
  })

  it('unauthorized when OAuth access tokens expire', async () => {
    const bearer = await oauthToken(sandbox)
    const client = testClient(fixedAuth(sandbox.url, { bearer }), {
      limiter: { burstLimit: 80 },
    }).client
    expect((await client.getCurrentUser()).status).toBe(200)
    sandbox.faults.expireAccessTokens()
    await expectKind(client.getCurrentUser(), 'unauthorized')
  })

  it('forbidden: a 403 with Pipedrive JSON; blocked: a 403 HTML page', async () => {
    const narrow = await startSandbox({ oauth: { scope: 'base' } })
    try {
      const bearer = await oauthToken(narrow)
      const client = testClient(fixedAuth(narrow.url, { bearer })).client
      expect((await client.getCurrentUser()).status).toBe(200)
      const failure = await expectKind(client.getLeads(), 'forbidden')
      expect(failure).toMatchObject({ status: 403, error: 'Scope and URL mismatch' })
    } finally {
      await narrow.close()
    }
    const client = tokenClient()
    sandbox.faults.cloudflare403()
    const blocked = await expectKind(client.addLead(body), 'blocked')
    expect(blocked.status).toBe(403)
    expect(blocked.error).toBeNull()
    // Words for the user; the status stays in the details.
    expect(blocked.message).not.toMatch(/HTTP|\d{3}/)
  })

  it('burst_limit: a 429 carries the headers, with Retry-After when sent', async () => {
    const client = tokenClient()
    sandbox.faults.force429()
    const plain = await expectKind(client.getLeads(), 'burst_limit')
    expect(plain.status).toBe(429)
    expect(plain.rateLimit).toMatchObject({ limit: 40, retryAfterSeconds: null })
    expect(plain.rateLimit?.dailyTokensRemaining).toBeGreaterThan(0)
    sandbox.faults.force429({ retryAfter: 3 })
    const later = await expectKind(tokenClient().getLeads(), 'burst_limit')
    expect(later.rateLimit?.retryAfterSeconds).toBe(3)
  })

  it('daily_budget: a 429 with the daily budget at zero, then no more requests', async () => {
    const { client, limiter } = testClient(fixedAuth(sandbox.url, { apiToken: sandbox.apiToken }))
    sandbox.faults.exhaustDailyBudget()
    const failure = await expectKind(client.getLeads(), 'daily_budget')
    expect(failure).toMatchObject({ status: 429, error: 'Daily token limit exceeded' })
    expect(failure.rateLimit?.dailyTokensRemaining).toBe(0)
    const until = limiter.status().dailyExhaustedUntil
    expect(until).toBe(new Date(new Date().toISOString().slice(0, 10)).getTime() + 86_400_000)
    const sent = sandbox.state.count('GET /api/v1/leads')
    const again = await expectKind(client.getLeads(), 'daily_budget')
    expect(again.status).toBeNull()
    expect(sandbox.state.count('GET /api/v1/leads')).toBe(sent)
  })
})
