import Database from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { InboxQuery } from '../../../shared/ipc/contract'
import { createCatalog } from '../catalog/catalog'
import { migrate } from '../db/migrate'
import { isOverdue } from '../../../shared/leads/activity-due'
import { createOutbox } from '../outbox/outbox'
import { createInboxCache } from './inbox-cache'
import type { LeadActivity } from './pipedrive-activity'
import type { CachedLead } from './pipedrive-lead'

const hot = 'f08b42a0-4e75-11ea-9643-03698ef1cfd6'
const cold = 'f08b42a2-4e75-11ea-9643-03698ef1cfd6'

function setup() {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db)
  const catalog = createCatalog(db)
  catalog.replaceUsers([
    {
      id: 1,
      name: 'Alex Morgan',
      email: 'a@x.test',
      active: true,
      isYou: true,
      defaultCurrency: 'EUR',
    },
    {
      id: 2,
      name: 'Sam Rivera',
      email: 's@x.test',
      active: true,
      isYou: false,
      defaultCurrency: null,
    },
  ])
  catalog.upsertPersons([
    {
      id: 10,
      name: 'Maria Schmidt',
      email: 'maria@acme.test',
      organizationId: 20,
      updateTime: null,
    },
    { id: 11, name: 'José García', email: null, organizationId: null, updateTime: null },
  ])
  catalog.upsertOrganizations([
    { id: 20, name: 'Acme Logistics', updateTime: null },
    { id: 21, name: 'Blue River Foods', updateTime: null },
  ])
  return { db, catalog, cache: createInboxCache(db) }
}

let day = 0
function lead(id: string, title: string, extra: Partial<CachedLead> = {}): CachedLead {
  day += 1
  const at = `2026-10-${String(day).padStart(2, '0')}T09:00:00.000Z`
  return {
    id,
    title,
    ownerId: 1,
    personId: null,
    organizationId: null,
    value: null,
    expectedCloseDate: null,
    visibleTo: null,
    wasSeen: false,
    isArchived: false,
    addTime: at,
    updateTime: at,
    labelIds: [],
    customFields: {},
    nextActivityId: null,
    ...extra,
  }
}

const page = (overrides: Partial<InboxQuery> = {}): InboxQuery => ({
  limit: 50,
  offset: 0,
  ...overrides,
})

function seeded() {
  const s = setup()
  day = 0
  s.cache.upsert(
    [
      lead('a', 'Fleet renewal', {
        personId: 10,
        organizationId: 20,
        labelIds: [hot],
        value: { amount: 25000, currency: 'EUR' },
        expectedCloseDate: '2027-03-31',
        visibleTo: '7',
        customFields: { ['8f3c1a2b4d5e6f708192a3b4c5d6e7f801234567']: 'LBX-1' },
      }),
      lead('b', 'Cold storage', { ownerId: 2, organizationId: 21, labelIds: [cold] }),
      lead('c', 'Consulting', {
        personId: 11,
        labelIds: [hot, cold],
        expectedCloseDate: '2026-12-01',
      }),
      lead('d', 'archived trade fair', { isArchived: true, personId: 10 }),
      lead('e', 'Zebra crossing', { ownerId: 2 }),
    ],
    1,
  )
  return s
}

const ids = (result: { items: Array<{ id: string }> }) => result.items.map((l) => l.id)

describe('the inbox cache', () => {
  it('lists live leads newest first, with names from the catalog', () => {
    const { cache } = seeded()
    const result = cache.list(page())
    expect(result.total).toBe(4)
    expect(ids(result)).toEqual(['e', 'c', 'b', 'a'])
    expect(result.items.at(-1)).toEqual({
      id: 'a',
      title: 'Fleet renewal',
      ownerId: 1,
      ownerName: 'Alex Morgan',
      labelIds: [hot],
      personId: 10,
      personName: 'Maria Schmidt',
      organizationId: 20,
      organizationName: 'Acme Logistics',
      value: { amount: 25000, currency: 'EUR' },
      expectedCloseDate: '2027-03-31',
      visibleTo: '7',
      wasSeen: false,
      isArchived: false,
      addTime: '2026-10-01T09:00:00.000Z',
      updateTime: '2026-10-01T09:00:00.000Z',
      customFields: { ['8f3c1a2b4d5e6f708192a3b4c5d6e7f801234567']: 'LBX-1' },
      nextActivity: null,
    })
  })

  it('shows the archived view apart', () => {
    const { cache } = seeded()
    expect(ids(cache.list(page({ archived: true })))).toEqual(['d'])
    expect(cache.list(page({ archived: true })).items[0]?.isArchived).toBe(true)
  })

  it('filters by owner, label, person and organization, and they combine', () => {
    const { cache } = seeded()
    expect(ids(cache.list(page({ ownerId: 2 })))).toEqual(['e', 'b'])
    expect(ids(cache.list(page({ labelId: hot })))).toEqual(['c', 'a'])
    expect(ids(cache.list(page({ labelId: cold, ownerId: 1 })))).toEqual(['c'])
    expect(ids(cache.list(page({ personId: 10 })))).toEqual(['a'])
    expect(ids(cache.list(page({ personId: 10, archived: true })))).toEqual(['d'])
    expect(ids(cache.list(page({ organizationId: 21 })))).toEqual(['b'])
    expect(cache.list(page({ labelId: 'nope' }))).toEqual({ total: 0, items: [] })
  })

  it('finds leads by words of the title, the person or the organization', () => {
    const { cache } = seeded()
    expect(ids(cache.list(page({ text: 'fleet' })))).toEqual(['a'])
    expect(ids(cache.list(page({ text: 'MARIA' })))).toEqual(['a'])
    expect(ids(cache.list(page({ text: 'maria@acme' })))).toEqual(['a'])
    expect(ids(cache.list(page({ text: 'jose' })))).toEqual(['c'])
    expect(ids(cache.list(page({ text: 'blue riv' })))).toEqual(['b'])
    // Words may come from different places: the organization and the title.
    expect(ids(cache.list(page({ text: 'acme renewal' })))).toEqual(['a'])
    expect(ids(cache.list(page({ text: 'acme cold' })))).toEqual([])
    expect(ids(cache.list(page({ text: '  ' })))).toEqual(['e', 'c', 'b', 'a'])
    for (const hostile of ['"', 'NEAR(a b)', 'a OR b', '*', '^x', 'title:x', '(', '-x']) {
      expect(() => cache.list(page({ text: hostile }))).not.toThrow()
    }
  })

  it('sorts by each column both ways, close dates without a date last', () => {
    const { cache } = seeded()
    expect(ids(cache.list(page({ sort: 'update_time', direction: 'asc' })))).toEqual([
      'a',
      'b',
      'c',
      'e',
    ])
    expect(ids(cache.list(page({ sort: 'add_time' })))).toEqual(['e', 'c', 'b', 'a'])
    expect(ids(cache.list(page({ sort: 'title' })))).toEqual(['b', 'c', 'a', 'e'])
    expect(ids(cache.list(page({ sort: 'title', direction: 'desc' })))).toEqual([
      'e',
      'a',
      'c',
      'b',
    ])
    expect(ids(cache.list(page({ sort: 'expected_close_date' })))).toEqual(['c', 'a', 'b', 'e'])
    expect(ids(cache.list(page({ sort: 'expected_close_date', direction: 'desc' })))).toEqual([
      'a',
      'c',
      'e',
      'b',
    ])
  })

  it('pages without overlap, and counts every match on every page', () => {
    const { cache } = setup()
    // Equal update times: only the tie-breaker keeps pages apart.
    const same = '2026-10-01T09:00:00.000Z'
    cache.upsert(
      Array.from({ length: 25 }, (_, i) =>
        lead(`l${i}`, `Lead ${i}`, { addTime: same, updateTime: same }),
      ),
      1,
    )
    const seen: string[] = []
    for (let offset = 0; offset < 25; offset += 10) {
      const result = cache.list(page({ limit: 10, offset }))
      expect(result.total).toBe(25)
      seen.push(...ids(result))
    }
    expect(new Set(seen).size).toBe(25)
  })

  it('counts only real changes, and keeps labels and search in step', () => {
    const { cache } = seeded()
    const again = cache.list(page({ archived: false })).items.length
    expect(again).toBe(4)
    const unchanged = lead('b', 'Cold storage', {
      ownerId: 2,
      organizationId: 21,
      labelIds: [cold],
      addTime: '2026-10-02T09:00:00.000Z',
      updateTime: '2026-10-02T09:00:00.000Z',
    })
    expect(cache.upsert([unchanged], 2)).toBe(0)
    expect(cache.unlistedSince(2, false).sort()).toEqual(['a', 'c', 'e'])
    expect(cache.unlistedSince(2, true)).toEqual(['d'])
    expect(
      cache.upsert(
        [{ ...unchanged, title: 'Freezer rooms', labelIds: [hot], isArchived: true }],
        2,
      ),
    ).toBe(1)
    expect(ids(cache.list(page({ text: 'cold storage' })))).toEqual([])
    expect(ids(cache.list(page({ text: 'freezer', archived: true })))).toEqual(['b'])
    expect(ids(cache.list(page({ labelId: cold })))).toEqual(['c'])
    expect(cache.remove(['b', 'missing'])).toBe(1)
    expect(ids(cache.list(page({ labelId: hot, archived: true })))).toEqual([])
  })

  it('counts each view apart, for a label and for a search too, as leads move and go', () => {
    const { cache } = seeded()
    const total = (query: Partial<InboxQuery>) => cache.list(page(query)).total
    expect([total({}), total({ archived: true })]).toEqual([4, 1])
    expect([total({ text: 'maria' }), total({ text: 'maria', archived: true })]).toEqual([1, 1])
    expect([total({ labelId: hot }), total({ labelId: hot, archived: true })]).toEqual([2, 0])
    const a = cache.list(page({ text: 'fleet' })).items[0]
    if (!a) throw new Error('lead a is missing')
    const { ownerName, personName, organizationName, nextActivity, ...fields } = a
    void [ownerName, personName, organizationName]
    cache.upsert([{ ...fields, nextActivityId: nextActivity?.id ?? null, isArchived: true }], 2)
    expect([total({}), total({ archived: true })]).toEqual([3, 2])
    expect([total({ text: 'maria' }), total({ text: 'maria', archived: true })]).toEqual([0, 2])
    expect([total({ labelId: hot }), total({ labelId: hot, archived: true })]).toEqual([1, 1])
    // Typing the name of a view finds leads by their words, not by the view they are in.
    expect(ids(cache.list(page({ text: 'archiv', archived: true })))).toEqual(['d'])
    cache.remove(['a'])
    expect([total({ archived: true }), total({ labelId: hot, archived: true })]).toEqual([1, 0])
    cache.clear()
    expect([total({}), total({ labelId: cold }), total({ text: 'cold' })]).toEqual([0, 0, 0])
  })

  it('pages a search the same whether its matches are few or many', () => {
    const { cache } = setup()
    day = 0
    const leads = Array.from({ length: 300 }, (_, i) =>
      lead(`l${String(i).padStart(3, '0')}`, `${i % 2 === 0 ? 'alpha' : 'beta'} ${i % 97}`, {
        updateTime: `2026-10-01T09:${String(i % 60).padStart(2, '0')}:00.000Z`,
      }),
    )
    cache.upsert(leads, 1)
    const matches = (word: string) =>
      leads.filter((l) => l.title.split(' ').some((w) => w.startsWith(word)))
    const expected = (word: string, offset: number) =>
      matches(word)
        .sort((x, y) => y.updateTime.localeCompare(x.updateTime) || y.id.localeCompare(x.id))
        .slice(offset, offset + 20)
        .map((l) => l.id)
    // 150 matches are read by walking the sort's index, 34 by reading and sorting them.
    for (const word of ['alpha', '5']) {
      for (const offset of [0, 20, 140]) {
        const result = cache.list(page({ text: word, limit: 20, offset }))
        expect(ids(result)).toEqual(expected(word, offset))
        expect(result.total).toBe(matches(word).length)
      }
    }
  })

  it("reads a contact's leads and a rare search's matches without walking the whole inbox", () => {
    const { db, cache } = setup()
    day = 0
    cache.upsert(
      // Many leads without a person or organization, as in a real inbox: the statistics,
      // sampled, then make every contact look common.
      Array.from({ length: 20_000 }, (_, i) =>
        lead(`p${i}`, i % 2_000 === 1 ? `Zephyr ${i}` : `Routine ${i}`, {
          personId: i % 3 === 0 ? null : 1 + (i % 2_000),
          organizationId: i % 4 === 0 ? null : 1 + (i % 500),
          ownerId: 1 + (i % 10),
          isArchived: i % 10 === 0,
          updateTime: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
        }),
      ),
      1,
    )
    // With the statistics the app gathers, as it does soon after each start.
    const prepare = db.prepare.bind(db)
    db.pragma('analysis_limit = 400')
    db.pragma('optimize = 0x10002')
    // Sampled statistics may take a contact for one with thousands of leads (leads without a
    // contact share one key): the plan must not depend on them being right.
    const stats = prepare(
      "SELECT idx, stat FROM sqlite_stat1 WHERE idx IN ('inbox_lead_by_person', 'inbox_lead_by_organization')",
    ).all() as Array<{ idx: string; stat: string }>
    for (const { idx, stat } of stats) {
      const [rows, , ...rest] = stat.split(' ')
      prepare('UPDATE sqlite_stat1 SET stat = ? WHERE idx = ?').run(
        [rows, Math.round(Number(rows) / 4), ...rest].join(' '),
        idx,
      )
    }
    db.exec('ANALYZE sqlite_schema')
    const pages: string[] = []
    db.prepare = ((sql: string) => {
      if (sql.includes('WITH page')) pages.push(sql)
      return prepare(sql)
    }) as typeof db.prepare
    const planOf = (query: Partial<InboxQuery>, params: unknown[]) => {
      pages.length = 0
      const result = cache.list(page(query))
      expect(result.items.length).toBeGreaterThan(0)
      return (
        prepare(`EXPLAIN QUERY PLAN ${pages.at(-1)}`).all(...params) as Array<{ detail: string }>
      )
        .map((step) => step.detail)
        .join('\n')
    }
    const walksInbox = /SCAN l\b|USING (COVERING )?INDEX inbox_lead_by_update \(is_archived=\?\)/
    expect(planOf({ organizationId: 7 }, [0, 7, 50, 0])).not.toMatch(walksInbox)
    expect(planOf({ personId: 42 }, [0, 42, 50, 0])).not.toMatch(walksInbox)
    expect(planOf({ text: 'zephyr' }, [0, '"zephyr"*', 50, 0])).not.toMatch(walksInbox)
  })

  it("finds in the live leads' own index the same leads, in the same order, as in the index of all", () => {
    const { db, catalog, cache } = seeded()
    catalog.upsertPersons([
      {
        id: 12,
        name: "Sean O'Brien",
        email: 'sean@ob.test',
        organizationId: null,
        updateTime: null,
      },
      { id: 13, name: 'Σοφία Μαρκου', email: null, organizationId: null, updateTime: null },
      {
        id: 14,
        name: 'Мария Иванова',
        email: 'maria@ivanova.test',
        organizationId: null,
        updateTime: null,
      },
    ])
    cache.upsert(
      [
        lead('f', 'Marine fuel', { personId: 12, organizationId: 21 }),
        lead('g', 'Market stall 2', { personId: 13 }),
        lead('h', 'Maritime 22', { personId: 14, organizationId: 20 }),
        lead('i', 'Mars rover', { isArchived: true, personId: 12 }),
      ],
      1,
    )
    // The search as the index of all leads answered every search before.
    const before = (text: string) => {
      const words = text.split(' ').map((word) => `"${word}"*`)
      const match = `{title person organization} : (${words.join(' ')}) NOT view : archived`
      return db
        .prepare(
          `SELECT l.id FROM inbox_lead l
           WHERE l.seq IN (SELECT rowid FROM inbox_lead_search WHERE inbox_lead_search MATCH ?)
           ORDER BY l.update_time DESC, l.seq DESC`,
        )
        .pluck()
        .all(match)
    }
    const texts = ['ma', 'mar', 'MARI', 'jos', 'josé', 'garc', 'acme', 'ac lo', 'fl', 'o', "o'br"]
    texts.push('σοφ', 'μαρ', 'мар', 'иван', '2', 'ob', 'ocean', 'maria schm', 'blue riv', 'arch')
    const same = () => {
      for (const text of texts) {
        const shown = cache.list(page({ text }))
        expect({ text, ids: ids(shown), total: shown.total }).toEqual({
          text,
          ids: before(text),
          total: before(text).length,
        })
      }
    }
    same()
    expect(ids(cache.list(page({ text: 'ma' })))).toEqual(['h', 'g', 'f', 'a'])
    // Renamed contacts, leads archived and brought back, contacts and leads gone.
    catalog.upsertPersons([
      { id: 12, name: 'Sean Ocean', email: null, organizationId: null, updateTime: null },
    ])
    catalog.upsertOrganizations([{ id: 21, name: 'Acme Marine', updateTime: null }])
    const archive = (id: string, isArchived: boolean) => {
      const shown = cache.list(page({ text: id === 'i' ? 'mars' : '', archived: !isArchived }))
      const current = shown.items.find((l) => l.id === id)
      if (!current) throw new Error(`lead ${id} is missing`)
      const { ownerName, personName, organizationName, nextActivity, ...fields } = current
      void [ownerName, personName, organizationName, nextActivity]
      cache.upsert([{ ...fields, nextActivityId: null, isArchived }], 2)
    }
    archive('f', true)
    archive('i', false)
    same()
    db.prepare('DELETE FROM catalog_organization WHERE id = 20').run()
    cache.remove(['g'])
    same()
    expect(ids(cache.list(page({ text: 'mar' })))).toEqual(['i', 'h', 'b', 'a'])
  })

  it('notices persons and organizations the catalog does not know', () => {
    const { cache } = seeded()
    expect(cache.unknownContacts()).toEqual({ persons: 0, organizations: 0 })
    cache.upsert([lead('x', 'New', { personId: 77, organizationId: 78 })], 3)
    expect(cache.unknownContacts()).toEqual({ persons: 1, organizations: 1 })
    expect(cache.list(page({ personId: 77 })).items[0]).toMatchObject({
      personName: null,
      organizationName: null,
    })
  })

  it("empties itself for another account, and keeps an account's own leads", () => {
    const { cache } = seeded()
    expect(cache.adoptAccount('1:1')).toBe(true)
    expect(cache.list(page()).total).toBe(0)
    cache.upsert([lead('y', 'Mine')], 4)
    expect(cache.adoptAccount('1:1')).toBe(false)
    expect(cache.list(page()).total).toBe(1)
    expect(cache.adoptAccount('1:2')).toBe(true)
    expect(cache.list(page()).total).toBe(0)
  })
})

describe('next activities in the inbox cache', () => {
  // 10:30 UTC on 3 December 2026; the unit tests' clock is fixed, their zone the machine's.
  const now = Date.parse('2026-12-03T10:30:00Z')
  const open = (id: number, leadId: string, due: string | null): LeadActivity => ({
    id,
    leadId,
    due,
    open: true,
  })
  function planned() {
    const { db } = setup()
    const cache = createInboxCache(db, () => now)
    cache.upsert(
      [
        lead('late', 'Overdue since Monday', { nextActivityId: 1 }),
        lead('soon', 'Call tomorrow', { nextActivityId: 2 }),
        lead('none', 'Nothing planned'),
        lead('undated', 'Some day', { nextActivityId: 4 }),
      ],
      1,
    )
    return { db, cache }
  }
  const nextOf = (cache: ReturnType<typeof planned>['cache'], id: string) =>
    cache.list(page({ limit: 500 })).items.find((l) => l.id === id)?.nextActivity

  it('keeps the listed next activity and reads its due date once', () => {
    const { cache } = planned()
    expect(nextOf(cache, 'late')).toEqual({ id: 1, due: null })
    expect(cache.unreadNextActivities().sort()).toEqual([1, 2, 4])
    expect(
      cache.applyActivities([
        open(1, 'late', '2026-11-30'),
        open(2, 'soon', '2026-12-04T09:00'),
        open(4, 'undated', null),
      ]),
    ).toBe(3)
    expect(cache.unreadNextActivities()).toEqual([])
    expect(nextOf(cache, 'late')).toEqual({ id: 1, due: '2026-11-30' })
    expect(nextOf(cache, 'soon')).toEqual({ id: 2, due: '2026-12-04T09:00' })
    expect(nextOf(cache, 'undated')).toEqual({ id: 4, due: null })
    // The same answer again changes nothing.
    expect(cache.applyActivities([open(1, 'late', '2026-11-30')])).toBe(0)
  })

  it('forgets the due date when a listing names another next activity', () => {
    const { cache } = planned()
    cache.applyActivities([open(1, 'late', '2026-11-30')])
    cache.upsert([lead('late', 'Overdue since Monday', { nextActivityId: 9 })], 2)
    expect(nextOf(cache, 'late')).toEqual({ id: 9, due: null })
    expect(cache.unreadNextActivities()).toContain(9)
  })

  it('takes an earlier open activity as the next, and finds the next again when it is done', () => {
    const { cache } = planned()
    cache.applyActivities([open(2, 'soon', '2026-12-04T09:00'), open(1, 'late', '2026-11-30')])
    // A later one is not the next; an earlier one is, as Pipedrive orders them.
    expect(cache.applyActivities([open(7, 'soon', '2026-12-10')])).toBe(0)
    cache.applyActivities([open(8, 'soon', '2026-12-04')])
    expect(nextOf(cache, 'soon')).toEqual({ id: 8, due: '2026-12-04' })
    // A lead with none planned gets the new one.
    cache.applyActivities([open(5, 'none', '2026-12-05')])
    expect(nextOf(cache, 'none')).toEqual({ id: 5, due: '2026-12-05' })
    // Done: which comes next is asked for, then the earliest open one is the next.
    cache.applyActivities([{ ...open(1, 'late', '2026-11-30'), open: false }])
    expect(cache.staleNextActivities(10)).toEqual(['late'])
    cache.setOpenActivities('late', [
      open(12, 'late', '2026-12-20'),
      open(11, 'late', '2026-12-08'),
    ])
    expect(nextOf(cache, 'late')).toEqual({ id: 11, due: '2026-12-08' })
    expect(cache.staleNextActivities(10)).toEqual([])
    cache.setOpenActivities('late', [])
    expect(nextOf(cache, 'late')).toBeNull()
  })

  it('asks again when the next activity moves later, and follows one moved earlier', () => {
    const { cache } = planned()
    cache.applyActivities([open(2, 'soon', '2026-12-04T09:00')])
    cache.applyActivities([open(2, 'soon', '2026-12-01')])
    expect(nextOf(cache, 'soon')).toEqual({ id: 2, due: '2026-12-01' })
    expect(cache.staleNextActivities(10)).toEqual([])
    cache.applyActivities([open(2, 'soon', '2026-12-24')])
    expect(nextOf(cache, 'soon')).toEqual({ id: 2, due: '2026-12-24' })
    expect(cache.staleNextActivities(10)).toEqual(['soon'])
  })

  it('filters leads with none planned and with one overdue, by day and by time', () => {
    const { cache } = planned()
    cache.upsert([lead('earlier today', 'Missed the call', { nextActivityId: 6 })], 1)
    cache.upsert([lead('later today', 'Call at noon', { nextActivityId: 7 })], 1)
    cache.applyActivities([
      open(1, 'late', '2026-11-30'),
      open(2, 'soon', '2026-12-04T09:00'),
      open(4, 'undated', null),
      open(6, 'earlier today', '2026-12-03T08:00'),
      open(7, 'later today', '2026-12-03T12:00'),
    ])
    const matching = (nextActivity: 'none' | 'overdue') => {
      const result = cache.list(page({ nextActivity }))
      return { total: result.total, ids: ids(result).sort() }
    }
    expect(matching('overdue')).toEqual({ total: 2, ids: ['earlier today', 'late'] })
    expect(matching('none')).toEqual({ total: 1, ids: ['none'] })
    // A day is overdue from the next day on; today's is not.
    cache.applyActivities([open(5, 'none', '2026-12-03')])
    expect(matching('none')).toEqual({ total: 0, ids: [] })
    expect(matching('overdue').total).toBe(2)
    expect(cache.list(page({ nextActivity: 'overdue', ownerId: 2 })).total).toBe(0)
  })

  it('counts overdue leads as their activities move and the leads are archived or removed', () => {
    const { cache } = planned()
    cache.upsert([lead('long ago', 'Forgotten', { nextActivityId: 6 })], 1)
    cache.applyActivities([
      open(1, 'late', '2026-11-30'),
      open(2, 'soon', '2026-12-04T09:00'),
      open(6, 'long ago', '2026-03-02T08:00'),
    ])
    const overdue = (archived = false) => {
      const result = cache.list(page({ nextActivity: 'overdue', archived }))
      // The total is counted apart from the page: both must name the same leads.
      expect(result.total).toBe(result.items.length)
      return ids(result).sort()
    }
    expect(overdue()).toEqual(['late', 'long ago'])
    // Moved to the past, then to the future.
    cache.applyActivities([open(2, 'soon', '2026-10-01')])
    expect(overdue()).toEqual(['late', 'long ago', 'soon'])
    cache.applyActivities([{ ...open(2, 'soon', '2026-12-20') }])
    expect(overdue()).toEqual(['late', 'long ago'])
    // Archived: overdue in the archive instead.
    cache.upsert([lead('long ago', 'Forgotten', { nextActivityId: 6, isArchived: true })], 2)
    cache.applyActivities([open(6, 'long ago', '2026-03-02T08:00')])
    expect(overdue()).toEqual(['late'])
    expect(overdue(true)).toEqual(['long ago'])
    cache.remove(['late', 'long ago'])
    expect(overdue()).toEqual([])
    expect(overdue(true)).toEqual([])
  })

  it('counts a lead with an activity waiting in the outbox as planned', () => {
    const { db, cache } = planned()
    const outbox = createOutbox(db, () => now)
    outbox.enqueueLead({
      title: 'Nothing planned',
      organization: { kind: 'existing', id: 20 },
      activity: { type: 'call', dueDate: '2026-12-07' },
    })
    // Its lead reached Pipedrive as 'none'; the activity waits.
    db.prepare(
      "UPDATE outbox SET state = 'sent', remote_id = 'none' WHERE kind = 'lead.create'",
    ).run()
    expect(ids(cache.list(page({ nextActivity: 'none' })))).toEqual([])
    db.prepare("UPDATE outbox SET state = 'sent' WHERE kind = 'activity.create'").run()
    expect(ids(cache.list(page({ nextActivity: 'none' })))).toEqual(['none'])
  })

  describe("the overdue filter keeps the rows' rule", () => {
    afterEach(() => {
      vi.unstubAllEnvs()
    })
    const dues = [
      '2025-12-31T10:00',
      '2026-10-15',
      '2026-12-01T12:00',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-02T23:59',
      '2026-12-03T00:30',
      '2026-12-03T09:29',
      '2026-12-03T09:31',
      '2026-12-03T23:00',
      '2026-12-04T00:10',
      '2026-12-04T08:00',
    ]
    it.each([
      ['Europe/Berlin', '2026-12-03T09:30:00Z'],
      ['Europe/Berlin', '2026-12-03T23:30:00Z'],
      ['America/New_York', '2026-12-04T02:00:00Z'],
      ['Pacific/Auckland', '2026-12-03T12:00:00Z'],
    ])('in %s at %s', (zone, iso) => {
      vi.stubEnv('TZ', zone)
      const clock = Date.parse(iso)
      const { db } = setup()
      const cache = createInboxCache(db, () => clock)
      cache.upsert(
        dues.map((_, i) => lead(`lead ${i}`, `Lead ${i}`, { nextActivityId: i + 1 })),
        1,
      )
      cache.applyActivities(dues.map((due, i) => open(i + 1, `lead ${i}`, due)))
      const shown = cache.list(page({ nextActivity: 'overdue', limit: 100 }))
      const expected = dues.flatMap((due, i) => (isOverdue(due, clock) ? [`lead ${i}`] : []))
      expect(ids(shown).sort()).toEqual(expected.sort())
      expect(shown.total).toBe(expected.length)
    })
  })
})
