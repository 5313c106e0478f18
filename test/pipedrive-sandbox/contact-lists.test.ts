// v2 GET /persons and /organizations: updated_since/until, sorting, ids and keyset cursors.
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

interface Listed {
  id: number
  name: string
  add_time: string
  update_time: string
}

async function list(path: string): Promise<{ items: Listed[]; next: string | null }> {
  const answer = await call(sandbox, 'GET', path)
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return { items: answer.body.data as Listed[], next: answer.body.additional_data.next_cursor }
}

/** Every page, following next_cursor. */
async function all(path: string): Promise<Listed[]> {
  const out: Listed[] = []
  let cursor: string | null = null
  do {
    const sep = path.includes('?') ? '&' : '?'
    const page = await list(cursor ? `${path}${sep}cursor=${cursor}` : path)
    out.push(...page.items)
    cursor = page.next
  } while (cursor)
  return out
}

const iso = (ms: number) => new Date(ms).toISOString()

async function addPerson(name: string): Promise<Listed> {
  const created = await call(sandbox, 'POST', '/api/v2/persons', { name })
  expect(created.status).toBe(200)
  return created.body.data as Listed
}

describe.each(['persons', 'organizations'])('GET /api/v2/%s', (kind) => {
  const add = async (name: string): Promise<Listed> => {
    const created = await call(sandbox, 'POST', `/api/v2/${kind}`, { name })
    expect(created.status).toBe(200)
    return created.body.data as Listed
  }

  it('lists a new record at once (unlike search)', async () => {
    const created = await add('Listed At Once')
    const { items } = await list(`/api/v2/${kind}?ids=${created.id}`)
    expect(items).toEqual([created])
  })

  it('filters update_time >= updated_since and < updated_until, in whole seconds', async () => {
    clock.advance(1500 - (clock.now() % 1000))
    const second = clock.now() - 500
    const created = await add('Updated Recently')
    const since = async (query: string) =>
      (await all(`/api/v2/${kind}?${query}`)).map((record) => record.id)
    expect(await since(`updated_since=${iso(second)}`)).toEqual([created.id])
    // The record says hh:mm:ss, so 200 ms into that second is already after it.
    expect(await since(`updated_since=${iso(second + 200)}`)).toEqual([])
    expect(await since(`updated_until=${iso(second)}`)).not.toContain(created.id)
    expect(await since(`updated_until=${iso(second + 1000)}`)).toContain(created.id)
    expect(await since(`updated_since=${iso(second)}&updated_until=${iso(second + 1000)}`)).toEqual(
      [created.id],
    )
    // Offsets other than Z (the + encoded, as a client must).
    const offset = new Date(second + 7_200_000).toISOString().replace('.000Z', '%2B02:00')
    expect(await since(`updated_since=${offset}`)).toEqual([created.id])
  })

  it('answers the v2 validation error for malformed times, sorts and ids', async () => {
    for (const [query, field] of [
      ['updated_since=2025-01-01', 'updated_since'],
      ['updated_since=yesterday', 'updated_since'],
      ['updated_until=2025-02-30T00:00:00Z', 'updated_until'],
      ['sort_by=name', 'sort_by'],
      ['sort_direction=up', 'sort_direction'],
      ['ids=1,x', 'ids'],
      [`ids=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}`, 'ids'],
      ['cursor=nonsense', 'cursor'],
    ] as const) {
      const answer = await call(sandbox, 'GET', `/api/v2/${kind}?${query}`)
      expect(answer.status, query).toBe(400)
      expect(answer.body, query).toMatchObject({
        success: false,
        error: expect.stringContaining(`Validation failed: ${field}:`),
        code: 'ERR_SCHEMA_VALIDATION_FAILED',
      })
    }
  })

  it('sorts by id, add_time or update_time, ascending or descending', async () => {
    const made: Listed[] = []
    for (const name of ['Sort One', 'Sort Two', 'Sort Three']) {
      clock.advance(1000)
      made.push(await add(name))
    }
    const ids = async (query: string) => (await all(`/api/v2/${kind}?${query}`)).map((r) => r.id)
    const everything = await ids('')
    expect(everything).toEqual([...everything].sort((a, b) => a - b))
    expect(await ids('sort_direction=desc')).toEqual([...everything].reverse())
    const newest = await ids('sort_by=add_time&sort_direction=desc&limit=3')
    expect(newest.slice(0, 3)).toEqual(made.map((r) => r.id).reverse())
    const byUpdate = await list(`/api/v2/${kind}?sort_by=update_time&sort_direction=asc`)
    const times = byUpdate.items.map((r) => Date.parse(r.update_time))
    expect(times).toEqual([...times].sort((a, b) => a - b))
  })

  it('pages by cursor without repeats or gaps while records are added', async () => {
    for (let i = 0; i < 5; i++) {
      clock.advance(1000)
      await add(`Paged ${i}`)
    }
    const path = `/api/v2/${kind}?sort_by=update_time&sort_direction=desc&limit=2`
    const before = (await all(path)).map((r) => r.id)
    const seen: number[] = []
    let page = await list(path)
    seen.push(...page.items.map((r) => r.id))
    while (page.next) {
      // A newer record lands at the front of this order; an offset cursor would repeat an item.
      clock.advance(1000)
      await add('Arrived Meanwhile')
      page = await list(`${path}&cursor=${page.next}`)
      seen.push(...page.items.map((r) => r.id))
    }
    expect(seen).toEqual(before)
    const next = (await list(path)).next
    // A cursor belongs to its order.
    const other = await call(sandbox, 'GET', `/api/v2/${kind}?sort_by=id&cursor=${next}`)
    expect(other.status).toBe(400)
  })

  it('takes ids', async () => {
    const a = await add('Ids A')
    await add('Ids B')
    const c = await add('Ids C')
    const { items } = await list(`/api/v2/${kind}?ids=${c.id},${a.id},999999`)
    expect(items.map((r) => r.id)).toEqual([a.id, c.id])
  })
})

describe('persons only', () => {
  it('still filters by org_id and owner_id', async () => {
    const { items } = await list(`/api/v2/persons?org_id=${seedIds.organizations.acme}`)
    expect(items.map((p) => p.id)).toContain(seedIds.persons.maria)
    for (const person of items) {
      expect(person).toMatchObject({ org_id: seedIds.organizations.acme })
    }
    const mine = await addPerson('Owner Olaf')
    const byOwner = await all(`/api/v2/persons?owner_id=${seedIds.me}`)
    expect(byOwner.map((p) => p.id)).toContain(mine.id)
  })
})
