// GET /v1/notes: filters, sorting and offset pagination, consistent right after a write.
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

const { leads, persons, organizations } = seedIds

interface NoteItem {
  id: number
  content: string
  add_time: string
  update_time: string
}

async function list(query = ''): Promise<NoteItem[]> {
  const answer = await call(sandbox, 'GET', `/api/v1/notes${query}`)
  expect(answer.status).toBe(200)
  return answer.body.data as NoteItem[]
}

const contents = (notes: NoteItem[]) => notes.map((n) => n.content)

async function addNote(body: Record<string, unknown>): Promise<number> {
  const added = await call(sandbox, 'POST', '/api/v1/notes', body)
  expect(added.status).toBe(200)
  return added.body.data.id as number
}

describe('GET /v1/notes', () => {
  it('lists a new note at once, exactly as POST answered it', async () => {
    const added = await call(sandbox, 'POST', '/api/v1/notes', {
      content: 'Sent the brochure',
      lead_id: leads.lena,
    })
    const listed = await call(sandbox, 'GET', `/api/v1/notes?lead_id=${leads.lena}`)
    expect(listed.body.data).toEqual([added.body.data])
    expect(listed.body.additional_data).toEqual({
      pagination: { start: 0, limit: 100, more_items_in_collection: false },
    })
  })

  it('filters by lead, person, organization, user and deal', async () => {
    await addNote({ content: 'About Maria', person_id: persons.maria })
    await addNote({ content: 'About Acme', org_id: organizations.acme })
    await addNote({ content: 'By a colleague', lead_id: leads.lena, user_id: 2002 })
    expect(contents(await list(`?lead_id=${leads.acmeFleet}`))).toEqual([
      'Asked for a quote on leasing terms.',
    ])
    expect(contents(await list(`?person_id=${persons.maria}`))).toEqual(['About Maria'])
    expect(contents(await list(`?org_id=${organizations.acme}`))).toEqual(['About Acme'])
    expect(contents(await list('?user_id=2002'))).toEqual(['By a colleague'])
    expect(await list('?deal_id=9001')).toEqual([])
    // The sandbox has no projects or tasks.
    expect(await list('?project_id=1')).toEqual([])
    expect(await list('?pinned_to_lead_flag=1')).toEqual([])
    expect(await list('?pinned_to_lead_flag=0')).toHaveLength(4)
  })

  it('pages with start and limit, and sorts', async () => {
    for (const content of ['b note', 'c note', 'a note']) {
      clock.advance(1000)
      await addNote({ content, lead_id: leads.lena })
    }
    const first = await call(sandbox, 'GET', `/api/v1/notes?lead_id=${leads.lena}&limit=2`)
    expect(contents(first.body.data)).toEqual(['b note', 'c note'])
    expect(first.body.additional_data.pagination).toEqual({
      start: 0,
      limit: 2,
      more_items_in_collection: true,
      next_start: 2,
    })
    const second = await call(sandbox, 'GET', `/api/v1/notes?lead_id=${leads.lena}&start=2&limit=2`)
    expect(contents(second.body.data)).toEqual(['a note'])
    expect(second.body.additional_data.pagination.more_items_in_collection).toBe(false)

    expect(contents(await list(`?lead_id=${leads.lena}&sort=add_time DESC`))).toEqual([
      'a note',
      'c note',
      'b note',
    ])
    expect(contents(await list(`?lead_id=${leads.lena}&sort=content ASC`))).toEqual([
      'a note',
      'b note',
      'c note',
    ])
  })

  it('takes updated_since (RFC 3339, whole seconds) and start_date/end_date', async () => {
    // Half past a second: the note will say the whole second only.
    clock.advance(1500 - (clock.now() % 1000))
    const second = clock.now() - 500
    const at = (ms: number) => new Date(ms).toISOString()
    await addNote({ content: 'Later', lead_id: leads.lena })
    expect(contents(await list(`?updated_since=${at(second)}`))).toEqual(['Later'])
    const inBerlin = new Date(second + 3_600_000).toISOString().replace('.000Z', '%2B01:00')
    expect(contents(await list(`?updated_since=${inBerlin}`))).toEqual(['Later'])
    // The note says hh:mm:ss; a filter 200 ms into that second excludes it, as Pipedrive's would.
    expect(await list(`?updated_since=${at(second + 200)}`)).toEqual([])
    expect(await list(`?updated_since=${at(second + 1000)}`)).toEqual([])

    // The seed note is from three days before the (reset) start.
    const today = at(clock.now()).slice(0, 10)
    const daysAgo = (n: number) => at(clock.now() - n * 86_400_000).slice(0, 10)
    expect(contents(await list(`?start_date=${today}`))).toEqual(['Later'])
    expect(contents(await list(`?end_date=${daysAgo(1)}`))).toEqual([
      'Asked for a quote on leasing terms.',
    ])
    expect(await list(`?start_date=${daysAgo(2)}&end_date=${daysAgo(1)}`)).toEqual([])
  })

  it('rejects malformed parameters', async () => {
    for (const query of [
      '?updated_since=yesterday',
      '?updated_since=2026-11-27',
      '?lead_id=42',
      '?person_id=x',
      '?start=-1',
      '?sort=title ASC',
      '?sort=add_time SIDEWAYS',
      '?start_date=2026-02-30',
      '?pinned_to_lead_flag=true',
    ]) {
      const answer = await call(sandbox, 'GET', `/api/v1/notes${query}`)
      expect(answer.status, query).toBe(400)
      expect(answer.body).toMatchObject({ success: false, data: null })
    }
  })

  it('costs 20 tokens and needs a deals or contacts scope', async () => {
    const limited = await startSandbox({ now: clock.now })
    try {
      const before = limited.state.dailyBudget.remaining
      expect((await call(limited, 'GET', '/api/v1/notes')).status).toBe(200)
      expect(before - limited.state.dailyBudget.remaining).toBe(20)
    } finally {
      await limited.close()
    }
  })
})
