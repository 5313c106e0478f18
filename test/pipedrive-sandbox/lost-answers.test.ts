// Writes that Pipedrive commits while the client never learns the result: the store-then
// faults on every write endpoint, and a delayed request that completes after its client left.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from './index'
import { startSandbox } from './index'
import { testClock } from './test-support'
import { eventually, networkError, send, writeRoutes } from './write-routes'

const clock = testClock()
let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ now: clock.now, limits: { enabled: false } })
})
beforeEach(() => sandbox.reset())
afterAll(() => sandbox.close())

function control(path: string, body: unknown) {
  return fetch(`${sandbox.url}/__sandbox${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

/** The status the handler produced for the last logged request to this endpoint. */
function handled(endpoint: string): number | undefined {
  return sandbox.state.requests.filter((r) => r.endpoint === endpoint).at(-1)?.handled
}

describe.each(writeRoutes)('$endpoint', (route) => {
  it('storeThenReset: stored once, the connection drops', async () => {
    sandbox.faults.storeThenReset(1, route.match)
    expect(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']).toContain(
      await networkError(send(sandbox, route)),
    )
    expect(route.stored(sandbox)).toBe(1)
    expect(sandbox.state.count(route.endpoint, 'reset')).toBe(1)
    expect(handled(route.endpoint)).toBeGreaterThanOrEqual(200)
    expect(handled(route.endpoint)).toBeLessThan(300)
  })

  it('storeThenFail: stored once, the client gets a 500', async () => {
    sandbox.faults.storeThenFail(1, route.match)
    const answer = await send(sandbox, route)
    expect(answer.status).toBe(500)
    expect(await answer.json()).toMatchObject({ success: false, data: null })
    expect(route.stored(sandbox)).toBe(1)
    expect(sandbox.state.count(route.endpoint, 'store-then-500')).toBe(1)
    expect(handled(route.endpoint)).toBeLessThan(300)
  })

  it('storeThenHang: stored once, no answer until the client gives up', async () => {
    sandbox.faults.storeThenHang(1, route.match)
    expect(await networkError(send(sandbox, route, AbortSignal.timeout(200)))).toMatch(
      /TimeoutError|AbortError/,
    )
    expect(route.stored(sandbox)).toBe(1)
    expect(sandbox.state.count(route.endpoint, 'store-then-hang')).toBe(1)
    expect(handled(route.endpoint)).toBeLessThan(300)
  })

  it('delay: completes on the server after the client aborted', async () => {
    sandbox.faults.delay(400, route.match)
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    const started = performance.now()
    expect(await networkError(send(sandbox, route, controller.signal))).toBe('AbortError')
    expect(route.stored(sandbox)).toBe(0)
    await eventually(() => expect(route.stored(sandbox)).toBe(1))
    expect(performance.now() - started).toBeGreaterThanOrEqual(390)
    const entry = sandbox.state.requests.at(-1)
    expect(entry).toMatchObject({ endpoint: route.endpoint, clientGone: true })
    expect(entry?.outcome).toBeLessThan(300)
  })
})

describe('storeThenFail', () => {
  const [persons] = writeRoutes.filter((r) => r.endpoint === 'POST /api/v2/persons')
  if (!persons) throw new Error('no persons route')

  it.each([
    [502, /text\/html/, '502 Bad Gateway'],
    [503, /application\/json/, 'Service temporarily unavailable'],
    [504, /text\/html/, '504 Gateway Time-out'],
  ])('answers %i after storing', async (status, type, text) => {
    sandbox.faults.storeThenFail(1, { ...persons.match, status: status as 502 | 503 | 504 })
    const answer = await send(sandbox, persons)
    expect(answer.status).toBe(status)
    expect(answer.headers.get('content-type')).toMatch(type)
    expect(await answer.text()).toContain(text)
    expect(persons.stored(sandbox)).toBe(1)
    expect(sandbox.state.count(persons.endpoint, `store-then-${status as 502 | 503 | 504}`)).toBe(1)
  })

  it('uses its count, then lets requests through; refuses other statuses', async () => {
    sandbox.faults.storeThenFail(2, persons.match)
    expect((await send(sandbox, persons)).status).toBe(500)
    expect((await send(sandbox, persons)).status).toBe(500)
    expect((await send(sandbox, persons)).status).toBe(200)
    expect(persons.stored(sandbox)).toBe(3)
    expect(sandbox.state.counts()[persons.endpoint]).toEqual({ '200': 1, 'store-then-500': 2 })
    // @ts-expect-error 418 is not a status the gateway or the API answers here
    expect(() => sandbox.faults.storeThenFail(1, { status: 418 })).toThrow(/500, 502, 503, 504/)
  })

  it('still answers the real error when the request itself was invalid', async () => {
    sandbox.faults.storeThenFail(1, persons.match)
    const answer = await fetch(`${sandbox.url}/api/v2/persons`, {
      method: 'POST',
      headers: { 'x-api-token': sandbox.apiToken, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 42 }),
    })
    // Nothing was stored; the client sees the 500 all the same, and the log keeps the 400.
    expect(answer.status).toBe(500)
    expect(sandbox.state.requests.at(-1)).toMatchObject({ outcome: 'store-then-500', handled: 400 })
  })
})

describe('storeThenHang', () => {
  it('holds the answer until faults.clear() cuts it', async () => {
    const [notes] = writeRoutes.filter((r) => r.endpoint === 'POST /api/v1/notes')
    if (!notes) throw new Error('no notes route')
    sandbox.faults.storeThenHang(1, notes.match)
    const pending = networkError(send(sandbox, notes))
    await eventually(() => expect(notes.stored(sandbox)).toBe(1))
    await sandbox.faults.clear()
    expect(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']).toContain(await pending)
    expect((await send(sandbox, notes)).status).toBe(200)
  })
})

describe('over the control endpoint', () => {
  const [organizations] = writeRoutes.filter((r) => r.endpoint === 'POST /api/v2/organizations')
  if (!organizations) throw new Error('no organizations route')

  it('sets storeThenFail and storeThenHang', async () => {
    const set = await control('/faults', {
      storeThenFail: { count: 1, status: 504, ...organizations.match },
      storeThenHang: { count: 1, ...organizations.match },
    })
    expect(set.status).toBe(200)
    const { faults } = (await set.json()) as { faults: Array<{ kind: string; status?: number }> }
    expect(faults).toMatchObject([
      { kind: 'storeThenFail', status: 504 },
      { kind: 'storeThenHang' },
    ])
    expect((await send(sandbox, organizations)).status).toBe(504)
    await networkError(send(sandbox, organizations, AbortSignal.timeout(150)))
    expect(organizations.stored(sandbox)).toBe(2)
    expect(sandbox.state.counts()[organizations.endpoint]).toEqual({
      'store-then-504': 1,
      'store-then-hang': 1,
    })
  })

  it('defaults storeThenFail to 500 and refuses other statuses', async () => {
    expect((await control('/faults', { storeThenFail: { status: 404 } })).status).toBe(400)
    expect((await control('/faults', { storeThenFail: organizations.match })).status).toBe(200)
    expect((await send(sandbox, organizations)).status).toBe(500)
  })
})
