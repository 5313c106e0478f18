import { describe, expect, it } from 'vitest'
import type { InboxQuery } from '../../../shared/ipc/contract'
import { seedIds } from '../../../../test/pipedrive-sandbox/index'
import { useRigs, type Rig } from '../accounts/testing'
import { createFakeClock } from '../../../../test/support/fake-clock'
import { freshnessPlan } from '../freshness/freshness-plan'
import { createActivityChanges } from '../outbox/activity-changes'
import { createInboxRefresher, type InboxRefresherOptions } from './inbox-refresh'

// The inbox cache filled from the sandbox (a real HTTP server), signed in with the real
// keychain. Background timers are off unless a test is about them.

const rigs = useRigs()
const signedIn = (backgroundRefresh = false) => rigs.signedIn('leads:changed', backgroundRefresh)

/** Both refreshes, as at sign-in: names come from the catalog. */
async function refreshed(r: Rig) {
  await r.core.catalogRefresher.refresh()
  const status = await r.core.inboxRefresher.refresh()
  expect(status.lastError).toBeNull()
}

const page = (overrides: Partial<InboxQuery> = {}): InboxQuery => ({
  limit: 50,
  offset: 0,
  ...overrides,
})
const titles = (r: Rig, query: Partial<InboxQuery> = {}) =>
  r.core.inbox.list(page(query)).items.map((l) => l.title)

function pipedrive(r: Rig, method: string, path: string, body?: unknown) {
  return fetch(`${r.sandbox.url}${path}`, {
    method,
    headers: { 'x-api-token': r.sandbox.apiToken, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

/** Another refresher over the same cache and client, with its own timings or account. */
function refresherFor(r: Rig, options: Partial<InboxRefresherOptions> = {}) {
  const session = r.core.accounts.session()
  if (!session) throw new Error('not signed in')
  return createInboxRefresher({
    cache: r.core.inbox,
    session: () => session,
    network: { isOnline: () => true, onChange: () => () => {} },
    log: r.core.log,
    onChange: () => {},
    ...options,
  })
}

describe('the inbox refresh', () => {
  it('caches the Leads Inbox with the names of owners, persons and organizations', async () => {
    const { r, changes } = await signedIn()
    await refreshed(r)
    expect(changes()).toBe(1)
    const live = r.core.inbox.list(page())
    expect(live.total).toBe(3)
    expect(live.items.map((l) => l.id)).toEqual([
      seedIds.leads.lena,
      seedIds.leads.acmeFleet,
      seedIds.leads.blueRiver,
    ])
    const acme = live.items[1]
    expect(acme).toMatchObject({
      title: 'Acme Logistics – fleet renewal',
      ownerId: seedIds.me,
      ownerName: 'Alex Morgan',
      labelIds: [seedIds.labels.hot],
      personId: seedIds.persons.maria,
      personName: 'Maria Schmidt',
      organizationId: seedIds.organizations.acme,
      organizationName: 'Acme Logistics GmbH',
      value: { amount: 25000, currency: 'EUR' },
      expectedCloseDate: '2027-03-31',
      visibleTo: '3',
      wasSeen: true,
      isArchived: false,
    })
    expect(acme?.customFields).toMatchObject({
      [seedIds.fields.leadReference]: 'LBX-SEED-0001',
      [seedIds.fields.budget]: 30000,
      [`${seedIds.fields.budget}_currency`]: 'EUR',
      [seedIds.fields.segment]: seedIds.options.segment.wholesale,
    })
    expect(live.items[2]).toMatchObject({
      ownerName: 'Sam Rivera',
      personName: null,
      organizationName: 'Blue River Foods',
    })
    expect(r.core.inbox.list(page({ archived: true })).items).toEqual([
      expect.objectContaining({
        id: seedIds.leads.archived,
        title: 'Old trade fair contact',
        isArchived: true,
        personName: 'John Appleseed',
        organizationName: 'Contoso Ltd',
      }),
    ])

    // Filters and sorts over what came from Pipedrive.
    expect(titles(r, { ownerId: 2002 })).toEqual(['Blue River Foods – cold storage'])
    expect(titles(r, { labelId: seedIds.labels.cold })).toEqual(['Lena Fischer – consulting'])
    expect(titles(r, { personId: seedIds.persons.maria })).toEqual([
      'Acme Logistics – fleet renewal',
    ])
    expect(titles(r, { organizationId: seedIds.organizations.blueRiver })).toHaveLength(1)
    expect(titles(r, { text: 'maria' })).toEqual(['Acme Logistics – fleet renewal'])
    expect(titles(r, { text: 'contoso', archived: true })).toEqual(['Old trade fair contact'])
    expect(titles(r, { sort: 'title' })).toEqual([
      'Acme Logistics – fleet renewal',
      'Blue River Foods – cold storage',
      'Lena Fischer – consulting',
    ])

    // Nothing changed in Pipedrive: nothing to tell the windows.
    await r.core.inboxRefresher.refresh()
    expect(changes()).toBe(1)
  })

  it('picks up a lead changed in Pipedrive with updated_since, and one archived there', async () => {
    const { r, urls, changes } = await signedIn()
    await refreshed(r)
    const renamed = await pipedrive(r, 'PATCH', `/api/v1/leads/${seedIds.leads.blueRiver}`, {
      title: 'Blue River Foods – freezer rooms',
    })
    expect(renamed.status).toBe(200)
    const archived = await pipedrive(r, 'PATCH', `/api/v1/leads/${seedIds.leads.lena}`, {
      is_archived: true,
    })
    expect(archived.status).toBe(200)

    urls.length = 0
    await r.core.inboxRefresher.refresh()
    const live = urls.filter((u) => u.pathname === '/api/v1/leads')
    expect(live).toHaveLength(1)
    expect(live[0]?.searchParams.get('updated_since')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    const archivedLooks = urls.filter((u) => u.pathname === '/api/v1/leads/archived')
    expect(archivedLooks.map((u) => u.searchParams.get('sort'))).toEqual(['update_time DESC'])

    expect(titles(r)).toEqual([
      'Blue River Foods – freezer rooms',
      'Acme Logistics – fleet renewal',
    ])
    expect(titles(r, { archived: true })).toEqual([
      'Lena Fischer – consulting',
      'Old trade fair contact',
    ])
    expect(changes()).toBe(2)
  })

  it('drops converted and deleted leads at the complete listing, after checking each', async () => {
    const { r, urls } = await signedIn()
    await refreshed(r)
    const deleted = await pipedrive(r, 'DELETE', `/api/v1/leads/${seedIds.leads.blueRiver}`)
    expect(deleted.status).toBe(200)

    // An incremental look cannot see a deletion.
    await r.core.inboxRefresher.refresh()
    expect(titles(r)).toContain('Blue River Foods – cold storage')

    urls.length = 0
    let changed = 0
    const hourly = refresherFor(r, {
      plan: { ...freshnessPlan, inboxFullEvery: 0 },
      onChange: () => (changed += 1),
    })
    expect((await hourly.refresh()).lastError).toBeNull()
    expect(titles(r)).not.toContain('Blue River Foods – cold storage')
    expect(titles(r)).toHaveLength(2)
    expect(titles(r, { archived: true })).toHaveLength(1)
    expect(urls.map((u) => u.pathname)).toContain(`/api/v1/leads/${seedIds.leads.blueRiver}`)
    expect(changed).toBe(1)
    await hourly.stop()
  })

  it("shows a lead the sync engine sent from Pipedrive's answer, without a listing", async () => {
    const { r, urls } = await signedIn(true)
    await expect.poll(() => r.core.inbox.list(page()).total, { timeout: 10_000 }).toBe(3)
    for (const refresher of [r.core.inboxRefresher, r.core.catalogRefresher]) {
      await expect
        .poll(() => refresher.status())
        .toMatchObject({ refreshing: false, lastRefreshAt: expect.any(Number) })
    }
    urls.length = 0
    const item = r.core.outbox.enqueueLead({
      title: 'Sent from Leadbox',
      person: { kind: 'existing', id: seedIds.persons.tom },
    })
    r.core.outboxChanged()
    await expect.poll(() => r.core.outbox.get(item.id)?.state).toBe('sent')
    expect(titles(r, { text: 'sent leadbox' })).toEqual(['Sent from Leadbox'])
    expect(r.core.inbox.list(page({ text: 'sent leadbox' })).items[0]?.personName).toBe(
      'Tom Becker',
    )
    // Longer than a listing after a send used to wait: the create went, and nothing else.
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    const leadCalls = urls.filter((u) => u.pathname === '/api/v1/leads')
    expect(leadCalls.map((u) => u.search)).toEqual([''])
  })

  it("makes an activity the sync engine sent the lead's next one, without a listing", async () => {
    const { r, urls } = await signedIn()
    await refreshed(r)
    urls.length = 0
    const item = r.core.outbox.enqueueLead({
      title: 'Depot visit',
      person: { kind: 'existing', id: seedIds.persons.tom },
      activity: { type: 'call', dueDate: '2027-02-01' },
    })
    r.core.outboxChanged()
    await expect
      .poll(() => r.core.outbox.list().every((row) => row.state === 'sent'), { timeout: 10_000 })
      .toBe(true)
    const leadId = r.core.outbox.get(item.id)?.remoteId
    const activityId = r.core.outbox.list().find((row) => row.kind === 'activity.create')?.remoteId
    const depot = r.core.inbox.list(page()).items.find((lead) => lead.id === leadId)
    expect(depot?.nextActivity).toEqual({ id: Number(activityId), due: '2027-02-01' })
    expect(urls.filter((u) => u.pathname.startsWith('/api/v2/activities') && u.search)).toEqual([])
  })

  it('looks for the next activity again once the one marked done here is sent', async () => {
    const { r } = await signedIn()
    await refreshed(r)
    createActivityChanges(r.core.db, r.core.outbox).markDone({
      leadId: seedIds.leads.acmeFleet,
      activityId: seedIds.activities.callMaria,
      subject: 'Call Maria about the lease terms',
    })
    r.core.outboxChanged()
    await expect
      .poll(() => r.core.outbox.list().every((row) => row.state === 'sent'), { timeout: 10_000 })
      .toBe(true)
    expect(r.core.inbox.staleNextActivities(10)).toEqual([seedIds.leads.acmeFleet])
    await refreshed(r)
    const acme = r.core.inbox.list(page()).items.find((l) => l.id === seedIds.leads.acmeFleet)
    expect(acme?.nextActivity).toBeNull()
  })

  it('names the person and organization a sent lead made, without reading the catalog', async () => {
    const { r, urls } = await signedIn(true)
    await expect.poll(() => r.core.inbox.list(page()).total, { timeout: 10_000 }).toBe(3)
    for (const refresher of [r.core.inboxRefresher, r.core.catalogRefresher]) {
      await expect
        .poll(() => refresher.status())
        .toMatchObject({ refreshing: false, lastRefreshAt: expect.any(Number) })
    }
    urls.length = 0
    const item = r.core.outbox.enqueueLead({
      title: 'New faces',
      person: { kind: 'new', name: 'Pia Neumann', email: 'pia@example.com' },
      organization: { kind: 'new', name: 'Neumann Logistik GmbH' },
    })
    r.core.outboxChanged()
    await expect.poll(() => r.core.outbox.get(item.id)?.state, { timeout: 10_000 }).toBe('sent')
    expect(r.core.inbox.list(page({ text: 'new faces' })).items[0]).toMatchObject({
      personName: 'Pia Neumann',
      organizationName: 'Neumann Logistik GmbH',
    })
    expect(r.core.catalog.searchPersons('Pia')[0]).toMatchObject({ email: 'pia@example.com' })
    // Listings carry a query (limit, start, cursor); the writes and the probe do not.
    expect(urls.filter((u) => u.search !== '').map(String)).toEqual([])
  })

  it('reads archived leads when the archive opens, not at each look', async () => {
    const { r, urls } = await signedIn()
    await refreshed(r)
    const archived = await pipedrive(r, 'PATCH', `/api/v1/leads/${seedIds.leads.lena}`, {
      is_archived: true,
    })
    expect(archived.status).toBe(200)
    urls.length = 0
    // Ten minutes on: the archive read at sign-in is stale by then.
    const looking = refresherFor(r, { attention: 'in-use', now: () => Date.now() + 10 * 60_000 })
    looking.start()
    await expect.poll(() => urls.length).toBe(1)
    await expect.poll(() => looking.status().refreshing).toBe(false)
    expect(urls.map((u) => u.pathname)).toEqual(['/api/v1/leads'])
    expect(titles(r, { archived: true })).not.toContain('Lena Fischer – consulting')

    looking.archiveOpened()
    await expect
      .poll(() => titles(r, { archived: true }))
      .toEqual(['Lena Fischer – consulting', 'Old trade fair contact'])
    expect(urls.filter((u) => u.pathname === '/api/v1/leads/archived')).toHaveLength(1)
    // Opened again a moment later: what was just read is fresh enough.
    looking.archiveOpened()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(urls.filter((u) => u.pathname === '/api/v1/leads/archived')).toHaveLength(1)
    await looking.stop()
  })

  it('has the catalog fetch a person it does not know yet, so the lead shows a name', async () => {
    const { r } = await signedIn(true)
    await expect.poll(() => r.core.inbox.list(page()).total, { timeout: 10_000 }).toBe(3)
    await expect
      .poll(() => r.core.catalogRefresher.status())
      .toMatchObject({
        refreshing: false,
        lastRefreshAt: expect.any(Number),
      })
    const person = await pipedrive(r, 'POST', '/api/v2/persons', { name: 'Ida Newcomer' })
    const { data } = (await person.json()) as { data: { id: number } }
    const lead = await pipedrive(r, 'POST', '/api/v1/leads', {
      title: 'Made in Pipedrive',
      person_id: data.id,
    })
    expect(lead.status).toBe(201)
    await r.core.inboxRefresher.refresh()
    await expect
      .poll(() => r.core.inbox.list(page({ personId: data.id })).items[0]?.personName)
      .toBe('Ida Newcomer')
    expect(titles(r, { text: 'ida made' })).toEqual(['Made in Pipedrive'])
  })

  it('reads the archive the user opened at the retry when reading it failed', async () => {
    const { r, urls } = await signedIn()
    await refreshed(r)
    const clock = createFakeClock(Date.now() + 10 * 60_000)
    const looking = refresherFor(r, { now: clock.now, timers: clock.timers, attention: 'in-use' })
    const settle = async () => {
      await new Promise((resolve) => setImmediate(resolve))
      await expect.poll(() => looking.status().refreshing).toBe(false)
    }
    looking.start()
    await clock.advanceTo(clock.now(), settle)
    r.sandbox.faults.failNext(1, { status: 503, method: 'GET', path: '/api/v1/leads/archived' })
    urls.length = 0
    looking.archiveOpened()
    await clock.advanceTo(clock.now(), settle)
    expect(looking.status().lastError).toEqual(expect.any(String))
    await clock.advanceTo(clock.now() + 60_000, settle)
    expect(looking.status().lastError).toBeNull()
    expect(urls.filter((u) => u.pathname === '/api/v1/leads/archived')).toHaveLength(2)
    await looking.stop()
  })

  it('looks often while the inbox is on screen, never while hidden, and once on return', async () => {
    const { r, urls } = await signedIn()
    await refreshed(r)
    const clock = createFakeClock(Date.now())
    const looks = () => urls.filter((u) => u.pathname === '/api/v1/leads').length
    const settle = async () => {
      await new Promise((resolve) => setImmediate(resolve))
      await expect.poll(() => looking.status().refreshing).toBe(false)
    }
    const looking = refresherFor(r, { now: clock.now, timers: clock.timers, attention: 'in-use' })
    urls.length = 0
    looking.start()
    await clock.advanceTo(clock.now(), settle)
    expect(looks()).toBe(1)
    const every = freshnessPlan.inboxEvery['in-use']!
    await clock.advanceTo(clock.now() + 3 * every, settle)
    expect(looks()).toBe(4)

    looking.setAttention('hidden')
    await clock.advanceTo(clock.now() + 8 * 60 * 60_000, settle)
    expect(looks()).toBe(4)
    looking.setAttention('idle')
    await clock.advanceTo(clock.now() + 60 * 60_000, settle)
    expect(looks()).toBe(4)

    // Back at the screen after hours: one look at once, then the usual pace.
    looking.setAttention('in-use')
    await clock.advanceTo(clock.now(), settle)
    expect(looks()).toBe(5)
    await clock.advanceTo(clock.now() + every - 1, settle)
    expect(looks()).toBe(5)
    await clock.advanceTo(clock.now() + 1, settle)
    expect(looks()).toBe(6)
    expect(urls.some((u) => u.pathname === '/api/v1/leads/archived')).toBe(false)
    await looking.stop()
  })

  it('keeps the cached leads when a refresh fails', async () => {
    const { r } = await signedIn()
    await refreshed(r)
    const before = r.core.inbox.list(page())
    const beforeArchived = r.core.inbox.list(page({ archived: true }))

    r.sandbox.faults.failNext(1, { status: 500, method: 'GET', path: '/api/v1/leads' })
    expect((await r.core.inboxRefresher.refresh()).lastError).toEqual(expect.any(String))
    r.sandbox.faults.failNext(1, { status: 503, method: 'GET', path: '/api/v1/leads/archived' })
    expect((await r.core.inboxRefresher.refresh()).lastError).toEqual(expect.any(String))
    await r.sandbox.faults.refuseConnections()
    const hourly = refresherFor(r, { plan: { ...freshnessPlan, inboxFullEvery: 0 } })
    expect((await hourly.refresh()).lastError).toEqual(expect.any(String))
    await hourly.stop()
    await r.sandbox.faults.acceptConnections()

    expect(r.core.inbox.list(page())).toEqual(before)
    expect(r.core.inbox.list(page({ archived: true }))).toEqual(beforeArchived)
    expect((await r.core.inboxRefresher.refresh()).lastError).toBeNull()
  })

  it('empties the cache when another account signs in', async () => {
    const { r } = await signedIn()
    await refreshed(r)
    r.core.inbox.upsert(
      [
        {
          id: 'a1b2c3d4-0000-4000-8000-000000000001',
          title: 'Only in account one',
          ownerId: 1,
          personId: null,
          organizationId: null,
          value: null,
          expectedCloseDate: null,
          visibleTo: null,
          wasSeen: false,
          isArchived: false,
          addTime: '2026-01-01T00:00:00.000Z',
          updateTime: '2026-01-01T00:00:00.000Z',
          labelIds: [],
          customFields: {},
          nextActivityId: null,
        },
      ],
      Date.now(),
    )
    const session = r.core.accounts.session()
    if (!session) throw new Error('not signed in')
    const switched = createInboxRefresher({
      cache: r.core.inbox,
      session: () => ({ account: '1:1', client: session.client }),
      network: { isOnline: () => true, onChange: () => () => {} },
      log: r.core.log,
      onChange: () => {},
    })
    await switched.refresh()
    expect(r.core.inbox.meta('account')).toBe('1:1')
    expect(titles(r, { text: 'only account' })).toEqual([])
    expect(r.core.inbox.list(page()).total).toBe(3)
    await switched.stop()
  })

  it("reads each lead's next activity and its due date, and follows it as it changes", async () => {
    const { r } = await signedIn()
    await refreshed(r)
    const nextOf = (id: string) =>
      r.core.inbox.list(page()).items.find((lead) => lead.id === id)?.nextActivity
    const callMaria = r.sandbox.state.activities.find(
      (activity) => activity['id'] === seedIds.activities.callMaria,
    )
    expect(nextOf(seedIds.leads.acmeFleet)).toEqual({
      id: seedIds.activities.callMaria,
      due: `${String(callMaria?.['due_date'])}T10:00`,
    })
    expect(nextOf(seedIds.leads.lena)).toBeNull()

    // Two activities for a lead with none: the earlier (yesterday's) is next, and overdue.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString()
    const add = async (dueDate: string, dueTime?: string) => {
      const answer = await pipedrive(r, 'POST', '/api/v2/activities', {
        subject: 'Follow up',
        type: 'call',
        lead_id: seedIds.leads.lena,
        due_date: dueDate,
        ...(dueTime ? { due_time: dueTime } : {}),
      })
      return ((await answer.json()) as { data: { id: number } }).data.id
    }
    const yesterday = await add(day(-1).slice(0, 10))
    const tomorrow = await add(day(1).slice(0, 10), '09:00')
    const logged = r.sandbox.state.requests.length
    const inboxTokens = () =>
      r.core.usageToday()?.byPurpose.find((p) => p.purpose === 'inbox')?.tokens ?? 0
    const tokensBefore = inboxTokens()
    await refreshed(r)
    expect(nextOf(seedIds.leads.lena)).toEqual({ id: yesterday, due: day(-1).slice(0, 10) })
    expect(r.core.inbox.list(page({ nextActivity: 'overdue' })).items.map((l) => l.id)).toEqual([
      seedIds.leads.lena,
    ])
    expect(r.core.inbox.list(page({ nextActivity: 'none' })).items.map((l) => l.id)).toEqual([
      seedIds.leads.blueRiver,
    ])
    // Every activity read is counted against the inbox's freshness.
    const reads = r.sandbox.state.requests
      .slice(logged)
      .filter((request) => request.path.startsWith('/api/v2/activities'))
    expect(reads.length).toBeGreaterThan(0)
    expect(inboxTokens() - tokensBefore).toBeGreaterThanOrEqual(10 * reads.length)

    // Done in Pipedrive: the next one is tomorrow's, and the lead is no longer overdue.
    await pipedrive(r, 'PATCH', `/api/v2/activities/${yesterday}`, { done: true })
    await refreshed(r)
    expect(nextOf(seedIds.leads.lena)).toEqual({
      id: tomorrow,
      due: `${day(1).slice(0, 10)}T09:00`,
    })
    expect(r.core.inbox.list(page({ nextActivity: 'overdue' })).total).toBe(0)

    // Moved in Pipedrive: the new due date shows.
    await pipedrive(r, 'PATCH', `/api/v2/activities/${tomorrow}`, {
      due_date: day(-2).slice(0, 10),
    })
    await refreshed(r)
    expect(nextOf(seedIds.leads.lena)).toEqual({
      id: tomorrow,
      due: `${day(-2).slice(0, 10)}T09:00`,
    })
    // Done too: none planned.
    await pipedrive(r, 'PATCH', `/api/v2/activities/${tomorrow}`, { done: true })
    await refreshed(r)
    expect(nextOf(seedIds.leads.lena)).toBeNull()
  })

  it('reads only the due dates it has not read, a hundred ids a request', async () => {
    const urls: URL[] = []
    const recording: typeof fetch = (input, init) => {
      urls.push(new URL(input instanceof Request ? input.url : String(input)))
      return fetch(input, init)
    }
    // Many leads made at once: the sandbox's rate limit is not what this is about.
    const r = await rigs.start({
      sandbox: { limits: { enabled: false } },
      core: { backgroundRefresh: false, fetch: recording },
    })
    await r.core.accounts.signInWithToken(r.sandbox.apiToken)
    for (let i = 0; i < 120; i++) {
      const answer = await pipedrive(r, 'POST', '/api/v1/leads', {
        title: `Lead ${i}`,
        organization_id: seedIds.organizations.acme,
      })
      const { data } = (await answer.json()) as { data: { id: string } }
      await pipedrive(r, 'POST', '/api/v2/activities', {
        type: 'call',
        lead_id: data.id,
        due_date: '2027-01-15',
      })
    }
    const activityReads = (from: number) =>
      urls.slice(from).filter((url) => url.pathname === '/api/v2/activities')
    // The first look lists every lead with its next activity: 121 due dates to read.
    const before = urls.length
    await refreshed(r)
    const byIds = activityReads(before).map((url) => url.searchParams.get('ids')?.split(','))
    expect(byIds.map((ids) => ids?.length)).toEqual([100, 21])
    const leads = r.core.inbox.list(page({ limit: 500 })).items
    expect(leads.filter((lead) => lead.nextActivity === null)).toHaveLength(2)
    expect(leads.filter((lead) => lead.nextActivity?.due === '2027-01-15')).toHaveLength(120)
    // The next look reads what changed since, and no due date again.
    const again = urls.length
    await refreshed(r)
    const reads = activityReads(again)
    expect(reads).toHaveLength(1)
    expect(reads[0]?.searchParams.has('updated_since')).toBe(true)
  })
})
