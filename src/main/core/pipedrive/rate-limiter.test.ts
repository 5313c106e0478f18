import { afterEach, describe, expect, it } from 'vitest'
import { seedIds, startSandbox, type Sandbox } from '../../../../test/pipedrive-sandbox'
import { PipedriveFailure, type RateLimitHeaders } from './failure'
import { nextUtcMidnight, RateLimiter } from './rate-limiter'
import { fixedAuth, testClient } from './testing'

/**
 * A clock that sleeping moves forward: seconds of waiting run in no time. Before it jumps
 * it lets the answers already on their way land (`busy` counts them), as they would in
 * real time.
 */
function virtualClock(start = Date.UTC(2026, 10, 27, 9, 0, 0)) {
  const clock = {
    at: start,
    busy: 0,
    now: () => clock.at,
    sleep: async (ms: number) => {
      while (clock.busy > 0) await new Promise((resolve) => setTimeout(resolve, 1))
      clock.at += ms
    },
    /** fetch, counted in `busy` while a request is out. */
    fetch: (async (input, init) => {
      clock.busy += 1
      try {
        const response = await fetch(input, init)
        const text = await response.text()
        return new Response(text, { status: response.status, headers: response.headers })
      } finally {
        clock.busy -= 1
      }
    }) as typeof fetch,
  }
  return clock
}

const headers = (partial: Partial<RateLimitHeaders>): RateLimitHeaders => ({
  limit: null,
  remaining: null,
  resetSeconds: null,
  dailyTokensRemaining: null,
  dailyTokenLimit: null,
  retryAfterSeconds: null,
  ...partial,
})

describe('the rate limiter on its own', () => {
  it('lets a window of requests through, then waits a full window after their answers', async () => {
    const clock = virtualClock()
    const limiter = new RateLimiter({ burstLimit: 3, now: clock.now, sleep: clock.sleep })
    const start = clock.at
    const times: number[] = []
    for (let i = 0; i < 7; i++) {
      const permit = await limiter.acquire()
      times.push(clock.at - start)
      clock.at += 10 // the answer takes 10 ms
      permit.settle({ status: 200, rateLimit: null })
    }
    // Slots end when the answers arrive (10, 20, 30 ms) and free a window later.
    expect(times).toEqual([0, 10, 20, 2010, 2020, 2030, 4020])
  })

  it('keeps searches to 10 per window without holding back other requests', async () => {
    const clock = virtualClock()
    const limiter = new RateLimiter({ burstLimit: 100, now: clock.now, sleep: clock.sleep })
    const start = clock.at
    const searches: number[] = []
    for (let i = 0; i < 12; i++) {
      const permit = await limiter.acquire({ search: true })
      searches.push(clock.at - start)
      permit.settle({ status: 200, rateLimit: null })
    }
    expect(searches.slice(0, 10).every((t) => t === 0)).toBe(true)
    expect(searches[10]).toBe(2000)
    const permit = await limiter.acquire()
    expect(clock.at - start).toBe(2000)
    permit.settle({ status: 200, rateLimit: null })
  })

  it('learns the plan from the headers and respects a window another app emptied', async () => {
    const clock = virtualClock()
    const limiter = new RateLimiter({ burstLimit: 20, now: clock.now, sleep: clock.sleep })
    const first = await limiter.acquire()
    first.settle({ status: 200, rateLimit: headers({ limit: 80, remaining: 0, resetSeconds: 1 }) })
    expect(limiter.status().burstLimit).toBe(80)
    const start = clock.at
    ;(await limiter.acquire()).settle({ status: 200, rateLimit: null })
    expect(clock.at - start).toBe(1000)
    // A search answer's limit of 10 is the search window, not the plan.
    ;(await limiter.acquire({ search: true })).settle({
      status: 200,
      rateLimit: headers({ limit: 10, remaining: 9 }),
    })
    expect(limiter.status().burstLimit).toBe(80)
  })

  it('pauses after a 429 for Retry-After, the reset, or at least 2 s', async () => {
    const clock = virtualClock()
    const limiter = new RateLimiter({ burstLimit: 20, now: clock.now, sleep: clock.sleep })
    const cases: Array<[Partial<RateLimitHeaders>, number]> = [
      [{}, 2000],
      [{ retryAfterSeconds: 5 }, 5000],
      [{ resetSeconds: 3 }, 3000],
      [{ retryAfterSeconds: 1, resetSeconds: 1 }, 2000],
    ]
    for (const [given, expected] of cases) {
      ;(await limiter.acquire()).settle({ status: 429, rateLimit: headers(given) })
      expect(limiter.status().pausedUntil).toBe(clock.at + expected)
      const before = clock.at
      ;(await limiter.acquire()).settle({ status: 200, rateLimit: null })
      expect(clock.at - before).toBe(expected)
      clock.at += 2000
    }
  })

  it('fails at once while the daily budget is spent, until the next UTC midnight', async () => {
    const clock = virtualClock(Date.UTC(2026, 10, 27, 22, 30))
    const limiter = new RateLimiter({ burstLimit: 20, now: clock.now, sleep: clock.sleep })
    ;(await limiter.acquire()).settle({
      status: 429,
      rateLimit: headers({ dailyTokensRemaining: 0 }),
      dailyBudgetSpent: true,
    })
    const midnight = Date.UTC(2026, 10, 28)
    expect(nextUtcMidnight(clock.at)).toBe(midnight)
    expect(limiter.status()).toMatchObject({
      dailyExhaustedUntil: midnight,
      dailyTokensRemaining: 0,
    })
    const failure = await limiter.acquire().catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(PipedriveFailure)
    expect(failure).toMatchObject({ kind: 'daily_budget', status: null })
    expect((failure as PipedriveFailure).message).toContain('2026-11-28T00:00:00.000Z')
    clock.at = midnight
    const permit = await limiter.acquire()
    permit.settle({ status: 200, rateLimit: headers({ dailyTokensRemaining: 90_000 }) })
    expect(limiter.status().dailyExhaustedUntil).toBeNull()
  })

  it('gives up waiting when the caller aborts', async () => {
    const limiter = new RateLimiter({ burstLimit: 1, windowMs: 50 })
    const held = await limiter.acquire()
    const controller = new AbortController()
    const waiting = limiter.acquire({ signal: controller.signal })
    controller.abort(new Error('stopped'))
    await expect(waiting).rejects.toThrow('stopped')
    held.settle({ status: 200, rateLimit: null })
    ;(await limiter.acquire()).settle({ status: 200, rateLimit: null })
  })
})

describe('the rate limiter against the sandbox', () => {
  let sandbox: Sandbox | undefined
  afterEach(async () => {
    await sandbox?.close()
    sandbox = undefined
  })

  async function drain(
    clock: ReturnType<typeof virtualClock> | null,
    count: number,
    search: boolean,
  ) {
    sandbox = await startSandbox({
      limits: { plan: 'essential' },
      ...(clock ? { now: clock.now } : {}),
    })
    const { client, limiter } = testClient(fixedAuth(sandbox.url, { apiToken: sandbox.apiToken }), {
      limiter: clock ? { now: clock.now, sleep: clock.sleep } : {},
      ...(clock ? { fetch: clock.fetch } : {}),
    })
    const started = clock ? clock.now() : Date.now()
    const results = await Promise.all(
      Array.from({ length: count }, () =>
        search
          ? client.searchPersons({ term: 'Maria', fields: 'name' })
          : client.getLead(seedIds.leads.acmeFleet),
      ),
    )
    const elapsed = (clock ? clock.now() : Date.now()) - started
    return { results, elapsed, limiter, sandbox }
  }

  it('drains 60 requests on the lowest plan (20 per 2 s) without a single 429', async () => {
    const clock = virtualClock()
    const { results, elapsed, sandbox } = await drain(clock, 60, false)
    expect(results.every((r) => r.status === 200)).toBe(true)
    expect(sandbox.state.counts()['GET /api/v1/leads/{id}']).toEqual({ '200': 60 })
    // Three windows: as fast as allowed, no faster.
    expect(elapsed).toBe(4000)
  })

  it('does the same in real time', async () => {
    const { results, elapsed, sandbox } = await drain(null, 30, false)
    expect(results).toHaveLength(30)
    expect(sandbox.state.count('GET /api/v1/leads/{id}', 429)).toBe(0)
    expect(elapsed).toBeGreaterThanOrEqual(1900)
  })

  it('keeps searches under the search cap', async () => {
    const clock = virtualClock()
    const { results, elapsed, sandbox } = await drain(clock, 25, true)
    expect(results.every((r) => r.status === 200)).toBe(true)
    expect(sandbox.state.counts()['GET /api/v2/persons/search']).toEqual({ '200': 25 })
    expect(elapsed).toBeGreaterThanOrEqual(4000)
  })

  it('waits after a 429 before the next request goes out', async () => {
    sandbox = await startSandbox()
    const { client, limiter } = testClient(fixedAuth(sandbox.url, { apiToken: sandbox.apiToken }))
    sandbox.faults.force429({ retryAfter: 1 })
    await expect(client.getCurrentUser()).rejects.toMatchObject({ kind: 'burst_limit' })
    const pausedUntil = limiter.status().pausedUntil
    expect(pausedUntil).not.toBeNull()
    const started = Date.now()
    expect((await client.getCurrentUser()).status).toBe(200)
    // Retry-After said 1 s; Leadbox waits at least 2 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900)
    expect(Date.now()).toBeGreaterThanOrEqual(pausedUntil ?? 0)
  })
})
