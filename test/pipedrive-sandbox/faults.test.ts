// Fault switches, set directly and through the /__sandbox control endpoint, seen through real
// fetch calls from Node.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from './index'
import { approveConsent, seedIds, startSandbox } from './index'
import { call, oauthForm, testClock } from './test-support'

const clock = testClock()
let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ now: clock.now })
})
beforeEach(() => sandbox.reset())
afterAll(() => sandbox.close())

const newLead = { title: 'Fault lead', person_id: seedIds.persons.maria }
const leadPath = `/api/v1/leads/${seedIds.leads.lena}`

/** The network-level error code behind a failed fetch. */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    const cause = (error as { cause?: { code?: string; name?: string } }).cause
    return cause?.code ?? cause?.name ?? (error as Error).name
  }
  throw new Error('expected the request to fail')
}

/** Retries an assertion for up to a second; listener changes take a moment to land. */
async function eventually(assertion: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 1000
  for (;;) {
    try {
      return await assertion()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
}

function control(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') {
  return fetch(`${sandbox.url}/__sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

describe('refusing connections', () => {
  it('closes the listener (ECONNREFUSED) and re-listens on the same port', async () => {
    const { port, url } = sandbox
    await sandbox.faults.refuseConnections()
    expect(await failure(call(sandbox, 'GET', leadPath))).toBe('ECONNREFUSED')
    await sandbox.faults.acceptConnections()
    expect(sandbox.port).toBe(port)
    expect(sandbox.url).toBe(url)
    expect((await call(sandbox, 'GET', leadPath)).status).toBe(200)
  })

  it('switches back by itself after forMs', async () => {
    await sandbox.faults.refuseConnections({ forMs: 100 })
    expect(await failure(call(sandbox, 'GET', leadPath))).toBe('ECONNREFUSED')
    await eventually(async () => expect((await call(sandbox, 'GET', leadPath)).status).toBe(200))
  })

  it('refused again, comes back when the latest call says', async () => {
    await sandbox.faults.refuseConnections({ forMs: 60_000 })
    await sandbox.faults.refuseConnections({ forMs: 100 })
    expect(await failure(call(sandbox, 'GET', leadPath))).toBe('ECONNREFUSED')
    await eventually(async () => expect((await call(sandbox, 'GET', leadPath)).status).toBe(200))
  })

  it("'reset' mode accepts and immediately drops each connection", async () => {
    await sandbox.faults.refuseConnections({ mode: 'reset' })
    const code = await failure(call(sandbox, 'GET', leadPath))
    expect(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']).toContain(code)
    await sandbox.faults.clear()
    expect((await call(sandbox, 'GET', leadPath)).status).toBe(200)
  })
})

describe('server errors', () => {
  it('fails the next N matching requests without processing them', async () => {
    sandbox.faults.failNext(2, { status: 503, method: 'POST', path: '/api/v1/leads' })
    expect((await call(sandbox, 'GET', '/api/v1/leads')).status).toBe(200)
    const first = await call(sandbox, 'POST', '/api/v1/leads', newLead)
    const second = await call(sandbox, 'POST', '/api/v1/leads', newLead)
    expect([first.status, second.status]).toEqual([503, 503])
    expect(first.body).toMatchObject({ success: false, data: null })
    expect(sandbox.state.leads.filter((l) => l.title === 'Fault lead')).toHaveLength(0)
    expect((await call(sandbox, 'POST', '/api/v1/leads', newLead)).status).toBe(201)
    expect(sandbox.state.count('POST /api/v1/leads', 503)).toBe(2)
    expect(sandbox.state.count('POST /api/v1/leads', 201)).toBe(1)
  })

  it('answers 502 like a gateway (HTML) and 500 as JSON', async () => {
    sandbox.faults.failNext(1, { status: 502 })
    const gateway = await call(sandbox, 'GET', leadPath)
    expect(gateway.status).toBe(502)
    expect(gateway.headers.get('content-type')).toMatch(/text\/html/)
    sandbox.faults.failNext(1)
    const server = await call(sandbox, 'GET', leadPath)
    expect(server.status).toBe(500)
    expect(server.body.success).toBe(false)
  })

  it('matches spec templates and prefixes', async () => {
    sandbox.faults.failNext(1, { path: '/api/v1/leads/{id}' })
    expect((await call(sandbox, 'GET', '/api/v1/leads')).status).toBe(200)
    expect((await call(sandbox, 'GET', leadPath)).status).toBe(500)
    sandbox.faults.failNext(1, { path: '/api/v2/*' })
    expect((await call(sandbox, 'GET', '/api/v2/persons/1001')).status).toBe(500)
  })
})

describe('store then reset', () => {
  it('stores the lead and then drops the connection instead of answering', async () => {
    sandbox.faults.storeThenReset(1, { method: 'POST', path: '/api/v1/leads' })
    const code = await failure(call(sandbox, 'POST', '/api/v1/leads', newLead))
    expect(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']).toContain(code)
    expect(sandbox.state.leads.filter((l) => l.title === 'Fault lead')).toHaveLength(1)
    expect(sandbox.state.count('POST /api/v1/leads', 'reset')).toBe(1)
    expect((await call(sandbox, 'POST', '/api/v1/leads', newLead)).status).toBe(201)
  })
})

describe('slow answers', () => {
  it('delays a response', async () => {
    sandbox.faults.delay(150, { path: '/api/v1/leads/{id}' })
    const started = performance.now()
    expect((await call(sandbox, 'GET', leadPath)).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('drops a held write unprocessed when a stall keeps it past its bound', async () => {
    sandbox.faults.delay(50, { method: 'POST', path: '/api/v1/leads', giveUpAfterMs: 100 })
    const posted = failure(call(sandbox, 'POST', '/api/v1/leads', newLead))
    await new Promise((resolve) => setTimeout(resolve, 20))
    // A busy process: the held request's timer cannot fire on time.
    const until = performance.now() + 300
    while (performance.now() < until);
    expect(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']).toContain(await posted)
    expect(sandbox.state.leads.filter((l) => l.title === 'Fault lead')).toHaveLength(0)
    // Held no longer than its bound, it is processed.
    sandbox.faults.delay(50, { method: 'POST', path: '/api/v1/leads', giveUpAfterMs: 1_000 })
    expect((await call(sandbox, 'POST', '/api/v1/leads', newLead)).status).toBe(201)
  })

  it('hangs a response until the client gives up', async () => {
    sandbox.faults.hang({ path: '/api/v1/leads/{id}' })
    const hung = fetch(`${sandbox.url}${leadPath}`, {
      headers: { 'x-api-token': sandbox.apiToken },
      signal: AbortSignal.timeout(150),
    })
    await expect(hung).rejects.toThrow()
    expect((await call(sandbox, 'GET', leadPath)).status).toBe(200)
    expect(sandbox.state.count('GET /api/v1/leads/{id}', 'hang')).toBe(1)
  })
})

describe('rate-limit faults', () => {
  it('forces 429 with and without Retry-After', async () => {
    sandbox.faults.force429()
    const plain = await call(sandbox, 'GET', leadPath)
    expect(plain.status).toBe(429)
    expect(plain.headers.get('retry-after')).toBeNull()
    expect(plain.headers.get('x-ratelimit-limit')).toBe('40')
    sandbox.faults.force429({ retryAfter: 7 })
    const withRetry = await call(sandbox, 'GET', leadPath)
    expect(withRetry.status).toBe(429)
    expect(withRetry.headers.get('retry-after')).toBe('7')
    expect((await call(sandbox, 'GET', leadPath)).status).toBe(200)
  })

  it('exhausts and sets the daily budget', async () => {
    sandbox.faults.exhaustDailyBudget()
    const spent = await call(sandbox, 'GET', leadPath)
    expect(spent.status).toBe(429)
    expect(spent.headers.get('x-daily-ratelimit-token-remaining')).toBe('0')
    sandbox.faults.setDailyBudget(500)
    const ok = await call(sandbox, 'GET', leadPath)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('x-daily-ratelimit-token-remaining')).toBe('498')
  })

  it('exhausts the budget for a while: forMs of wall-clock time', async () => {
    const before = sandbox.state.dailyBudget.remaining
    sandbox.faults.exhaustDailyBudget({ forMs: 200 })
    const spent = await call(sandbox, 'GET', leadPath)
    expect(spent.status).toBe(429)
    expect(spent.headers.get('x-daily-ratelimit-token-remaining')).toBe('0')
    await new Promise((resolve) => setTimeout(resolve, 250))
    const back = await call(sandbox, 'GET', leadPath)
    expect(back.status).toBe(200)
    // The tokens left before come back (less this call's 2).
    expect(back.headers.get('x-daily-ratelimit-token-remaining')).toBe(String(before - 2))
  })

  it('exhausts the budget for a while: or forMs on the sandbox clock', async () => {
    sandbox.faults.exhaustDailyBudget({ forMs: 60_000 })
    clock.advance(59_999)
    expect((await call(sandbox, 'GET', leadPath)).status).toBe(429)
    clock.advance(1)
    expect((await call(sandbox, 'GET', leadPath)).status).toBe(200)
  })

  it('a later budget change wins over a pending lift; no forMs lasts until midnight', async () => {
    sandbox.faults.exhaustDailyBudget({ forMs: 100 })
    sandbox.faults.exhaustDailyBudget()
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect((await call(sandbox, 'GET', leadPath)).status).toBe(429)
    sandbox.faults.exhaustDailyBudget({ forMs: 50 })
    sandbox.faults.setDailyBudget(10)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(sandbox.state.dailyBudget.remaining).toBe(10)
  })

  it('exhausts the budget for a while over the control endpoint', async () => {
    expect((await control('/faults', { exhaustDailyBudget: { forMs: 150 } })).status).toBe(200)
    expect((await call(sandbox, 'GET', leadPath)).status).toBe(429)
    // Waiting rather than polling: every 429 counts toward Cloudflare's block.
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect((await call(sandbox, 'GET', leadPath)).status).toBe(200)
    expect((await control('/faults', { exhaustDailyBudget: 'soon' })).status).toBe(400)
  })

  it('answers with the Cloudflare HTML 403', async () => {
    sandbox.faults.cloudflare403()
    const blocked = await call(sandbox, 'GET', leadPath)
    expect(blocked.status).toBe(403)
    expect(blocked.headers.get('content-type')).toMatch(/^text\/html/)
    expect(blocked.text).toContain('This error is produced by Cloudflare')
  })
})

describe('OAuth faults', () => {
  it('expires every access token; refresh still works', async () => {
    const redirect = await approveConsent(sandbox.oauth.authorizeUrl())
    const tokens = await oauthForm(sandbox, '/oauth/token', {
      grant_type: 'authorization_code',
      code: redirect.searchParams.get('code') ?? '',
      redirect_uri: sandbox.oauth.redirectUri,
    })
    const bearer = { bearer: tokens.body.access_token as string }
    expect((await call(sandbox, 'GET', leadPath, undefined, bearer)).status).toBe(200)
    sandbox.faults.expireAccessTokens()
    expect((await call(sandbox, 'GET', leadPath, undefined, bearer)).status).toBe(401)
    const renewed = await oauthForm(sandbox, '/oauth/token', {
      grant_type: 'refresh_token',
      refresh_token: tokens.body.refresh_token,
    })
    const fresh = { bearer: renewed.body.access_token as string }
    expect((await call(sandbox, 'GET', leadPath, undefined, fresh)).status).toBe(200)
  })
})

describe('control endpoint', () => {
  it('sets faults over HTTP without credentials or rate-limit cost', async () => {
    const set = await control('/faults', {
      failNext: { count: 1, status: 502, method: 'POST', path: '/api/v1/leads' },
      force429: { count: 1, retryAfter: 3, path: '/api/v1/leads/{id}' },
    })
    expect(set.status).toBe(200)
    expect(((await set.json()) as { faults: unknown[] }).faults).toHaveLength(2)
    expect((await call(sandbox, 'POST', '/api/v1/leads', newLead)).status).toBe(502)
    const limited = await call(sandbox, 'GET', leadPath)
    expect(limited.headers.get('retry-after')).toBe('3')
    expect(Object.keys(sandbox.state.counts()).some((k) => k.includes('__sandbox'))).toBe(false)
    expect(sandbox.state.dailyBudget.remaining).toBe(sandbox.state.dailyBudget.limit)
  })

  it('reports state and resets', async () => {
    await call(sandbox, 'POST', '/api/v1/leads', newLead)
    const state = (await (await control('/state')).json()) as {
      leads: Array<{ title: string }>
      persons: unknown[]
      organizations: unknown[]
      notes: unknown[]
      requestCounts: Record<string, Record<string, number>>
    }
    expect(state.leads.map((l) => l.title)).toContain('Fault lead')
    expect(state.persons.length).toBeGreaterThan(0)
    expect(state.organizations.length).toBeGreaterThan(0)
    expect(state.notes.length).toBeGreaterThan(0)
    expect(state.requestCounts['POST /api/v1/leads']).toEqual({ '201': 1 })

    expect((await control('/reset', {})).status).toBe(200)
    expect(sandbox.state.leads.map((l) => l.title)).not.toContain('Fault lead')
    expect(sandbox.state.counts()).toEqual({})
  })

  it('refuses connections for a while, requiring a duration over HTTP', async () => {
    expect((await control('/faults', { refuseConnections: {} })).status).toBe(400)
    const answer = await control('/faults', { refuseConnections: { forMs: 400 } })
    expect(answer.status).toBe(200)
    // The listener closes once the answer is on the wire, then re-opens by itself.
    await eventually(async () =>
      expect(await failure(call(sandbox, 'GET', leadPath))).toBe('ECONNREFUSED'),
    )
    await eventually(async () => expect((await call(sandbox, 'GET', leadPath)).status).toBe(200))
  })

  it('moves the clock, for code expiry in out-of-process tests', async () => {
    const code = sandbox.oauth.issueCode()
    expect((await control('/time', { advanceMs: 301_000 })).status).toBe(200)
    const late = await oauthForm(sandbox, '/oauth/token', {
      grant_type: 'authorization_code',
      code,
      redirect_uri: sandbox.oauth.redirectUri,
    })
    expect(late.body.error).toBe('invalid_grant')
  })

  it('dates answers by the sandbox clock, as Pipedrive dates them by its own', async () => {
    const before = await call(sandbox, 'GET', leadPath)
    expect(before.headers.get('date')).toBe(new Date(sandbox.now()).toUTCString())
    await control('/time', { advanceMs: 3_600_000 })
    const after = await call(sandbox, 'GET', leadPath)
    expect(Date.parse(after.headers.get('date') ?? '')).toBe(
      Math.floor(sandbox.now() / 1000) * 1000,
    )
  })

  it('clears faults and rejects unknown ones', async () => {
    sandbox.faults.hang()
    expect((await control('/faults', undefined, 'DELETE')).status).toBe(200)
    expect((await call(sandbox, 'GET', leadPath)).status).toBe(200)
    expect((await control('/faults', { meteorStrike: true })).status).toBe(400)
  })
})

describe('request log', () => {
  it('counts requests per endpoint and status', async () => {
    await call(sandbox, 'GET', leadPath)
    await call(sandbox, 'GET', '/api/v1/leads/00000000-0000-4000-8000-000000000000')
    await call(sandbox, 'GET', '/v1/leads', undefined, 'none')
    expect(sandbox.state.counts()).toEqual({
      'GET /api/v1/leads/{id}': { '200': 1, '404': 1 },
      'GET /api/v1/leads': { '401': 1 },
    })
    expect(sandbox.state.requests.map((r) => r.path)).toEqual([
      leadPath,
      '/api/v1/leads/00000000-0000-4000-8000-000000000000',
      '/v1/leads',
    ])
    expect(sandbox.state.requests[0]).toMatchObject({ auth: 'api_token', outcome: 200 })
  })
})
