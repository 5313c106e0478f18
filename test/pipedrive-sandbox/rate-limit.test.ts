// The limiter: rolling burst window, search cap, daily token budget, headers, Cloudflare block.
import { afterEach, describe, expect, it } from 'vitest'
import type { Sandbox, SandboxOptions } from './index'
import { approveConsent, seedIds, startSandbox } from './index'
import { call, oauthForm, testClock } from './test-support'

let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

async function start(options: SandboxOptions = {}) {
  const clock = testClock()
  sandbox = await startSandbox({ now: clock.now, ...options })
  return { sandbox, clock }
}

function limits(answer: { headers: Headers }) {
  const h = (name: string) => answer.headers.get(name)
  return {
    limit: h('x-ratelimit-limit'),
    remaining: h('x-ratelimit-remaining'),
    reset: h('x-ratelimit-reset'),
    dailyLimit: h('x-daily-ratelimit-token-limit'),
    dailyRemaining: h('x-daily-ratelimit-token-remaining'),
  }
}

const leadPath = `/api/v1/leads/${seedIds.leads.lena}`

describe('burst window', () => {
  it('allows the plan burst per 2 s window, then 429 until the window frees a slot', async () => {
    const { sandbox, clock } = await start({ limits: { plan: 'essential' } })
    for (let i = 1; i <= 20; i++) {
      const ok = await call(sandbox, 'GET', leadPath)
      expect(ok.status).toBe(200)
      expect(limits(ok)).toMatchObject({ limit: '20', remaining: String(20 - i), reset: '2' })
    }
    const limited = await call(sandbox, 'GET', leadPath)
    expect(limited.status).toBe(429)
    expect(limited.body).toMatchObject({ success: false, data: null, additional_data: null })
    expect(limits(limited)).toMatchObject({ limit: '20', remaining: '0', reset: '2' })
    expect(limited.headers.get('retry-after')).toBeNull()

    clock.advance(1500)
    expect(limits(await call(sandbox, 'GET', leadPath)).reset).toBe('1')
    clock.advance(501)
    const again = await call(sandbox, 'GET', leadPath)
    expect(again.status).toBe(200)
  })

  it('sizes the window by plan and gives OAuth apps four times as much', async () => {
    const { sandbox } = await start({ limits: { plan: 'enterprise' } })
    expect(limits(await call(sandbox, 'GET', leadPath)).limit).toBe('120')
    const redirect = await approveConsent(sandbox.oauth.authorizeUrl())
    const tokens = await oauthForm(sandbox, '/oauth/token', {
      grant_type: 'authorization_code',
      code: redirect.searchParams.get('code') ?? '',
      redirect_uri: sandbox.oauth.redirectUri,
    })
    const viaOAuth = await call(sandbox, 'GET', leadPath, undefined, {
      bearer: tokens.body.access_token,
    })
    expect(limits(viaOAuth).limit).toBe('480')
  })

  it('can send Retry-After on ordinary 429s when asked to', async () => {
    const { sandbox } = await start({ limits: { plan: 'essential', retryAfter: true } })
    for (let i = 0; i < 20; i++) await call(sandbox, 'GET', leadPath)
    const limited = await call(sandbox, 'GET', leadPath)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('2')
  })
})

describe('search cap', () => {
  it('caps search endpoints at 10 per window while other calls go on', async () => {
    const { sandbox } = await start({ limits: { plan: 'power' } })
    for (let i = 1; i <= 10; i++) {
      const path = i % 2 ? '/api/v2/persons/search?term=maria' : '/api/v2/leads/search?term=acme'
      const ok = await call(sandbox, 'GET', path)
      expect(ok.status).toBe(200)
      expect(limits(ok)).toMatchObject({ limit: '10', remaining: String(10 - i) })
    }
    const limited = await call(sandbox, 'GET', '/api/v2/organizations/search?term=acme')
    expect(limited.status).toBe(429)
    expect(limits(limited).limit).toBe('10')
    const other = await call(sandbox, 'GET', leadPath)
    expect(other.status).toBe(200)
    expect(limits(other)).toMatchObject({ limit: '100', remaining: '89' })
  })
})

describe('daily token budget', () => {
  it('defaults to 30,000 × plan multiplier × seats', async () => {
    const { sandbox } = await start({ limits: { plan: 'professional', seats: 4 } })
    const answer = await call(sandbox, 'GET', leadPath)
    expect(limits(answer)).toMatchObject({ dailyLimit: '360000', dailyRemaining: '359998' })
  })

  it("charges each endpoint's x-token-cost and answers 429 when spent, until midnight", async () => {
    const { sandbox, clock } = await start({ limits: { dailyTokens: 100 } })
    const spend = async (method: string, path: string, body?: unknown) =>
      Number(limits(await call(sandbox, method, path, body)).dailyRemaining)
    expect(await spend('GET', leadPath)).toBe(98) // getLead: 2
    expect(await spend('GET', '/api/v1/leads')).toBe(78) // getLeads: 20
    expect(
      await spend('POST', '/api/v1/leads', { title: 't', person_id: seedIds.persons.maria }),
    ).toBe(68) // addLead: 10
    expect(await spend('GET', '/api/v1/leads/archived')).toBe(28) // getArchivedLeads: 40
    expect(await spend('GET', '/api/v2/persons/search?term=maria')).toBe(8) // searchPersons: 20
    expect(await spend('GET', '/api/v1/leads')).toBe(0)
    const spent = await call(sandbox, 'GET', leadPath)
    expect(spent.status).toBe(429)
    expect(limits(spent).dailyRemaining).toBe('0')
    expect(sandbox.state.dailyBudget).toEqual({ limit: 100, remaining: 0 })

    const midnight = Math.ceil((sandbox.now() + 1) / 86_400_000) * 86_400_000
    clock.advance(midnight - sandbox.now())
    expect((await call(sandbox, 'GET', leadPath)).status).toBe(200)
  })

  it('costs nothing for OAuth endpoints and control calls', async () => {
    const { sandbox } = await start({ limits: { dailyTokens: 50 } })
    await fetch(`${sandbox.url}/__sandbox/state`)
    await fetch(sandbox.oauth.authorizeUrl())
    expect(sandbox.state.dailyBudget.remaining).toBe(50)
  })
})

describe('headers', () => {
  it('come with every authenticated API answer, errors included', async () => {
    const { sandbox } = await start()
    const answers = [
      await call(sandbox, 'GET', '/api/v1/leads'),
      await call(sandbox, 'POST', '/api/v1/leads', { title: 'no link' }),
      await call(sandbox, 'GET', '/api/v1/leads/00000000-0000-4000-8000-000000000000'),
      await call(sandbox, 'POST', '/api/v2/persons', { name: 'Kim' }),
    ]
    expect(answers.map((a) => a.status)).toEqual([200, 400, 404, 200])
    for (const answer of answers) {
      for (const value of Object.values(limits(answer))) expect(value).toMatch(/^\d+$/)
    }
  })

  it('are absent when limits are turned off', async () => {
    const { sandbox } = await start({ limits: { enabled: false } })
    expect(limits(await call(sandbox, 'GET', '/api/v1/leads')).limit).toBeNull()
  })
})

describe('Cloudflare block', () => {
  it('answers HTML 403 to an API-token client that keeps going after 429s', async () => {
    const { sandbox, clock } = await start({
      limits: { plan: 'essential', blockAfter: 3, blockMs: 10_000 },
    })
    for (let i = 0; i < 20; i++) await call(sandbox, 'GET', leadPath)
    for (let i = 0; i < 3; i++) expect((await call(sandbox, 'GET', leadPath)).status).toBe(429)
    const blocked = await call(sandbox, 'GET', leadPath)
    expect(blocked.status).toBe(403)
    expect(blocked.headers.get('content-type')).toMatch(/^text\/html/)
    expect(blocked.text).toContain('This error is produced by Cloudflare')
    clock.advance(5000)
    expect((await call(sandbox, 'GET', leadPath)).status).toBe(403)
    clock.advance(5001)
    expect((await call(sandbox, 'GET', leadPath)).status).toBe(200)
  })

  it('leaves OAuth clients at 429', async () => {
    const { sandbox } = await start({ limits: { plan: 'essential', blockAfter: 1 } })
    const redirect = await approveConsent(sandbox.oauth.authorizeUrl())
    const tokens = await oauthForm(sandbox, '/oauth/token', {
      grant_type: 'authorization_code',
      code: redirect.searchParams.get('code') ?? '',
      redirect_uri: sandbox.oauth.redirectUri,
    })
    const bearer = { bearer: tokens.body.access_token as string }
    const statuses: number[] = []
    for (let i = 0; i < 84; i++)
      statuses.push((await call(sandbox, 'GET', leadPath, undefined, bearer)).status)
    expect(statuses.slice(0, 80).every((s) => s === 200)).toBe(true)
    expect(statuses.slice(80)).toEqual([429, 429, 429, 429])
  })
})
