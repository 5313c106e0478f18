// The search index lags behind writes by default (searchIndexLagMs); lists do not.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from './index'
import { seedIds, startSandbox } from './index'
import { call, testClock } from './test-support'

const clock = testClock()
let sandbox: Sandbox

beforeAll(async () => {
  // The default lag, 1000 ms.
  sandbox = await startSandbox({ now: clock.now, limits: { enabled: false } })
})
beforeEach(() => sandbox.reset())
afterAll(() => sandbox.close())

const { leads, persons, fields } = seedIds

const ids = (answer: { body: { data: { items: Array<{ item: { id: unknown } }> } } }) =>
  answer.body.data.items.map((i) => i.item.id)

const searchPersons = (term: string) =>
  call(sandbox, 'GET', `/api/v2/persons/search?term=${encodeURIComponent(term)}`)
const searchLeads = (term: string) =>
  call(sandbox, 'GET', `/api/v2/leads/search?term=${encodeURIComponent(term)}&fields=title`)

describe('default lag', () => {
  it('finds seed data at once', async () => {
    expect(ids(await searchPersons('maria'))).toEqual([persons.maria])
    expect(ids(await searchLeads('fleet renewal'))).toEqual([leads.acmeFleet])
  })

  it('finds a new person only after 1000 ms; the list has it at once', async () => {
    const created = await call(sandbox, 'POST', '/api/v2/persons', { name: 'Quentin Lagged' })
    const id = created.body.data.id as number
    expect(ids(await searchPersons('quentin'))).toEqual([])
    const list = await call(sandbox, 'GET', `/api/v2/persons?ids=${id}`)
    expect(list.body.data.map((p: { id: number }) => p.id)).toEqual([id])
    clock.advance(999)
    expect(ids(await searchPersons('quentin'))).toEqual([])
    clock.advance(1)
    expect(ids(await searchPersons('quentin'))).toEqual([id])
  })

  it('shows an updated lead as it was until the update is indexed', async () => {
    const patched = await call(sandbox, 'PATCH', `/api/v1/leads/${leads.lena}`, {
      title: 'Lena Fischer – retainer',
    })
    expect(patched.status).toBe(200)
    expect(ids(await searchLeads('consulting'))).toEqual([leads.lena])
    expect(ids(await searchLeads('retainer'))).toEqual([])
    clock.advance(1000)
    expect(ids(await searchLeads('consulting'))).toEqual([])
    expect(ids(await searchLeads('retainer'))).toEqual([leads.lena])
  })

  it('keeps finding a deleted lead until the deletion is indexed', async () => {
    await call(sandbox, 'DELETE', `/api/v1/leads/${leads.blueRiver}`)
    expect(ids(await searchLeads('cold storage'))).toEqual([leads.blueRiver])
    clock.advance(1000)
    expect(ids(await searchLeads('cold storage'))).toEqual([])
  })

  it('searches a new note only after the lag', async () => {
    await call(sandbox, 'POST', '/api/v1/notes', {
      content: 'Prefers calls after lunch',
      person_id: persons.maria,
    })
    const byNote = () => call(sandbox, 'GET', '/api/v2/persons/search?term=lunch&fields=notes')
    expect(ids(await byNote())).toEqual([])
    clock.advance(1000)
    expect(ids(await byNote())).toEqual([persons.maria])
  })

  it('indexes each version of a lead at its own time', async () => {
    const created = await call(sandbox, 'POST', '/api/v1/leads', {
      title: 'Version one',
      person_id: persons.tom,
      [fields.leadReference]: 'LBX-VERSIONS',
    })
    const id = created.body.data.id as string
    clock.advance(600)
    await call(sandbox, 'PATCH', `/api/v1/leads/${id}`, { title: 'Version two' })
    clock.advance(600)
    // The create is indexed, the update (600 ms old) is not.
    expect(ids(await searchLeads('version one'))).toEqual([id])
    expect(ids(await searchLeads('version two'))).toEqual([])
    clock.advance(400)
    expect(ids(await searchLeads('version two'))).toEqual([id])
  })
})

describe('switching the lag', () => {
  afterEach(() => sandbox.faults.clear())

  it('searchIndexLag(ms) changes it; clear() goes back to the configured lag, not 0', async () => {
    sandbox.faults.searchIndexLag(0)
    await call(sandbox, 'POST', '/api/v2/persons', { name: 'Instant Irma' })
    expect(ids(await searchPersons('irma'))).toHaveLength(1)
    await sandbox.faults.clear()
    expect(sandbox.state.snapshot().searchIndexLagMs).toBe(1000)
    await call(sandbox, 'POST', '/api/v2/persons', { name: 'Lagging Lars' })
    expect(ids(await searchPersons('lars'))).toEqual([])
    clock.advance(1000)
    expect(ids(await searchPersons('lars'))).toHaveLength(1)
  })

  it('over the control endpoint', async () => {
    const set = await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ searchIndexLagMs: 5000 }),
    })
    expect(set.status).toBe(200)
    await call(sandbox, 'POST', '/api/v2/persons', { name: 'Slow Sven' })
    clock.advance(4999)
    expect(ids(await searchPersons('sven'))).toEqual([])
    clock.advance(1)
    expect(ids(await searchPersons('sven'))).toHaveLength(1)
  })
})

describe('the searchIndexLagMs option', () => {
  it('0 turns the lag off; another value sets the default', async () => {
    const eager = await startSandbox({ now: clock.now, searchIndexLagMs: 0 })
    const slow = await startSandbox({ now: clock.now, searchIndexLagMs: 3000 })
    try {
      for (const box of [eager, slow]) {
        await call(box, 'POST', '/api/v2/persons', { name: 'Option Olga' })
      }
      const found = (box: Sandbox) => call(box, 'GET', '/api/v2/persons/search?term=olga').then(ids)
      expect(await found(eager)).toHaveLength(1)
      clock.advance(2999)
      expect(await found(slow)).toEqual([])
      await slow.faults.clear()
      clock.advance(1)
      expect(await found(slow)).toHaveLength(1)
    } finally {
      await eager.close()
      await slow.close()
    }
  })
})
