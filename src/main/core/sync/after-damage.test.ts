import { describe, expect, it } from 'vitest'
import { damageLeafPageOf } from '../../../../test/support/damaged-database'
import { seedIds } from '../../../../test/pipedrive-sandbox/index'
import { useSyncRigs } from './testing'

// The database is damaged between two runs: the next start sets the file aside and brings
// over what had not reached Pipedrive. Against the sandbox Pipedrive, each change still
// arrives exactly once, linked to the records already made for it.

const setup = useSyncRigs()
type Rig = Awaited<ReturnType<typeof setup>>

/** Fills a cache, stops the process, scribbles over one of the cache's pages, starts again. */
async function damageAndRestart(rig: Rig) {
  const insert = rig.db.prepare('INSERT INTO catalog_person (id, name, email) VALUES (?, ?, ?)')
  rig.db.transaction(() => {
    for (let i = 1; i <= 1500; i++) insert.run(100_000 + i, `Cached ${i}`, `c${i}@example.com`)
  })()
  const file = rig.db.name
  await rig.engine.stop()
  rig.db.close()
  damageLeafPageOf(file, 'catalog_person')
  await rig.restart()
  // The cache starts again empty: Pipedrive is read again for it.
  expect(rig.db.prepare('SELECT count(*) FROM catalog_person').pluck().get()).toBe(0)
}

describe('after the database was damaged', () => {
  it('looks up a lead whose answer was lost, and never sends it twice', async () => {
    const rig = await setup()
    rig.box.faults.storeThenReset(1, { method: 'POST', path: '/api/v1/leads' })
    const item = rig.outbox.enqueueLead({
      title: 'Kept through damage',
      person: { kind: 'existing', id: seedIds.persons.maria },
    })
    await rig.drain()
    expect(rig.outbox.get(item.id)?.state).toBe('uncertain')

    await damageAndRestart(rig)
    expect(rig.outbox.get(item.id)?.state).toBe('uncertain')
    await rig.settle()
    const stored = rig.box.state.leads.filter((lead) => lead['title'] === 'Kept through damage')
    expect(stored).toHaveLength(1)
    expect(rig.box.state.count('POST /api/v1/leads')).toBe(1)
    expect(rig.outbox.get(item.id)).toMatchObject({ state: 'sent', remoteId: stored[0]!['id'] })
  })

  it('links a waiting lead to the person already made for it, not a new one', async () => {
    const rig = await setup()
    rig.box.faults.failNext(1, { method: 'POST', path: '/api/v1/leads', status: 503 })
    const item = rig.outbox.enqueueLead({
      title: 'Waiting child',
      person: { kind: 'new', name: 'Nia Park', email: 'nia@park.example' },
    })
    await rig.drain()
    const persons = () => rig.box.state.persons.filter((person) => person['name'] === 'Nia Park')
    expect(persons()).toHaveLength(1)
    expect(rig.outbox.get(item.id)?.state).not.toBe('sent')

    await damageAndRestart(rig)
    await rig.settle()
    expect(persons()).toHaveLength(1)
    expect(rig.box.state.count('POST /api/v2/persons')).toBe(1)
    const lead = rig.box.state.leads.find((l) => l['title'] === 'Waiting child')
    expect(lead).toMatchObject({ person_id: persons()[0]!['id'] })
  })
})
