import pino from 'pino'
import { describe, expect, it, onTestFinished } from 'vitest'
import { seedIds } from '../../../../test/pipedrive-sandbox/index'
import { createFakeClock } from '../../../../test/support/fake-clock'
import { useRigs, type Rig } from '../accounts/testing'
import { freshnessPlan } from '../freshness/freshness-plan'
import { createCatalogRefresher } from './catalog-refresh'

// The catalog refresh against the sandbox (a real HTTP server), signed in with the real
// keychain. Background timers are off: each test says when to refresh.

const rigs = useRigs()
const signedIn = (backgroundRefresh = false) => rigs.signedIn('catalog:changed', backgroundRefresh)

const sorted = <T>(items: T[]) => [...items].sort()

/** A person someone adds in Pipedrive, not through Leadbox. */
async function addPerson(r: Rig, name: string, email?: string): Promise<{ id: number }> {
  const added = await fetch(`${r.sandbox.url}/api/v2/persons`, {
    method: 'POST',
    headers: { 'x-api-token': r.sandbox.apiToken, 'content-type': 'application/json' },
    body: JSON.stringify({ name, ...(email ? { emails: [{ value: email }] } : {}) }),
  })
  expect(added.status).toBe(200)
  return ((await added.json()) as { data: { id: number } }).data
}

describe('the catalog refresh', () => {
  it('fills every table from Pipedrive, and quick add reads them', async () => {
    const { r, changes } = await signedIn()
    const { catalog } = r.core
    const status = await r.core.catalogRefresher.refresh()
    expect(status).toMatchObject({ refreshing: false, lastError: null })
    expect(status.lastRefreshAt).toEqual(expect.any(Number))
    expect(changes()).toBe(1)

    const users = catalog.users()
    expect(users.map((u) => u.id).sort()).toEqual([2001, 2002, 2003, 2004])
    expect(users.filter((u) => u.isYou)).toEqual([
      expect.objectContaining({ id: seedIds.me, name: 'Alex Morgan', defaultCurrency: 'EUR' }),
    ])
    expect(users.find((u) => u.id === seedIds.deactivatedUser)?.active).toBe(false)

    expect(sorted(catalog.labels().map((l) => l.id))).toEqual(sorted(Object.values(seedIds.labels)))
    expect(catalog.knownLabelIds()).toEqual(new Set(Object.values(seedIds.labels)))

    const fields = catalog.fields()
    expect(sorted(fields.map((f) => f.key))).toEqual(sorted(Object.values(seedIds.fields)))
    expect(fields.find((f) => f.key === seedIds.fields.segment)).toEqual({
      key: seedIds.fields.segment,
      name: 'Customer segment',
      fieldType: 'enum',
      options: [
        { id: seedIds.options.segment.wholesale, label: 'Wholesale' },
        { id: seedIds.options.segment.retail, label: 'Retail' },
        { id: seedIds.options.segment.government, label: 'Government' },
      ],
      orderNr: expect.any(Number),
    })
    expect(fields.find((f) => f.key === seedIds.fields.budget)).toMatchObject({
      fieldType: 'monetary',
      options: null,
    })

    expect(catalog.activityTypes().map(({ key, name }) => `${key}:${name}`)).toEqual([
      'call:Call',
      'meeting:Meeting',
      'task:Task',
      'deadline:Deadline',
      'email:Email',
      'lunch:Lunch',
    ])

    expect(catalog.searchPersons('maria')).toEqual([
      {
        id: seedIds.persons.maria,
        name: 'Maria Schmidt',
        email: 'maria.schmidt@acme-logistics.example',
        organizationId: seedIds.organizations.acme,
        updateTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      },
    ])
    expect(catalog.searchOrganizations('blue').map((o) => o.id)).toEqual([
      seedIds.organizations.blueRiver,
    ])

    const context = catalog.quickAddContext()
    expect(context.defaultCurrency).toBe('EUR')
    expect(context.currencies.map((c) => c.code)).toEqual([
      'CHF',
      'EUR',
      'GBP',
      'JPY',
      'KWD',
      'SEK',
      'USD',
    ])
    expect(context.currencies.find((c) => c.code === 'KWD')?.decimalPoints).toBe(3)
    expect(context.labels.map((l) => l.name)).toEqual(['Cold', 'Hot', 'Warm'])
    expect(sorted(context.persons.map((p) => p.name))).toEqual([
      'John Appleseed',
      'Lena Fischer',
      'Maria Schmidt',
      'Tom Becker',
    ])
    expect(sorted(context.organizations.map((o) => o.name))).toEqual([
      'Acme Logistics GmbH',
      'Blue River Foods',
      'Contoso Ltd',
    ])

    // Nothing changed in Pipedrive: nothing to tell the windows.
    await r.core.catalogRefresher.refresh()
    expect(changes()).toBe(1)
  })

  it('refreshes by itself at sign-in', async () => {
    const { r, changes } = await signedIn(true)
    await expect.poll(() => r.core.catalogRefresher.status().lastRefreshAt).not.toBeNull()
    expect(r.core.catalog.users()).toHaveLength(4)
    expect(r.core.catalog.searchPersons('lena')).toHaveLength(1)
    expect(changes()).toBe(1)
  })

  it('picks up a person added in Pipedrive with updated_since, without a full reload', async () => {
    const { r, urls, changes } = await signedIn()
    await r.core.catalogRefresher.refresh()
    const firstLoad = urls.filter((u) => u.pathname === '/api/v2/persons')
    expect(firstLoad.map((u) => u.searchParams.get('updated_since'))).toEqual([null])

    const data = await addPerson(r, 'Zoë Newcomer', 'zoe@new.example')

    urls.length = 0
    await r.core.catalogRefresher.refresh()
    const persons = urls.filter((u) => u.pathname === '/api/v2/persons')
    expect(persons).toHaveLength(1)
    expect(persons[0]?.searchParams.get('updated_since')).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    )
    expect(persons[0]?.searchParams.get('cursor')).toBeNull()
    expect(r.core.catalog.searchPersons('zoe')).toEqual([
      expect.objectContaining({ id: data.id, name: 'Zoë Newcomer', email: 'zoe@new.example' }),
    ])
    expect(r.core.catalog.quickAddContext().persons).toHaveLength(5)
    expect(changes()).toBe(2)
  })

  it('reads persons again when quick add opens after an hour unread, with the inbox hidden', async () => {
    const { r, urls } = await signedIn()
    const session = r.core.accounts.session()!
    const clock = createFakeClock(Date.now())
    const hidden = createCatalogRefresher({
      catalog: r.core.catalog,
      session: () => session,
      network: { isOnline: () => true, onChange: () => () => {} },
      log: r.core.log,
      onChange: () => {},
      now: clock.now,
      timers: clock.timers,
      attention: 'hidden',
    })
    const settle = async () => {
      await new Promise((resolve) => setImmediate(resolve))
      await expect.poll(() => hidden.status().refreshing).toBe(false)
    }
    const reads = () => urls.filter((u) => u.pathname === '/api/v2/persons').length
    hidden.start()
    await clock.advanceTo(clock.now(), settle)
    expect(reads()).toBe(1)

    // Hidden: no timer reads; quick add opened soon after the last read reads nothing.
    await clock.advanceTo(clock.now() + freshnessPlan.catalogOnQuickAddAfter - 1, settle)
    hidden.quickAddOpened()
    await clock.advanceTo(clock.now(), settle)
    expect(reads()).toBe(1)

    // Someone adds a person in Pipedrive; quick add opened an hour after the last read knows them.
    await addPerson(r, 'Zoë Newcomer')
    await clock.advanceTo(clock.now() + 1, settle)
    hidden.quickAddOpened()
    await clock.advanceTo(clock.now(), settle)
    expect(reads()).toBe(2)
    expect(r.core.catalog.searchPersons('zoe')).toHaveLength(1)
    await clock.advanceTo(clock.now() + 8 * 60 * 60_000, settle)
    expect(reads()).toBe(2)
    await hidden.stop()
  })

  it('clears a catalog that belongs to another account before filling it', async () => {
    const { r } = await signedIn()
    const { catalog } = r.core
    await r.core.catalogRefresher.refresh()
    expect(catalog.meta('account')).toBe(`${seedIds.company}:${seedIds.me}`)
    catalog.upsertPersons([
      {
        id: 99_999,
        name: 'Only In Account One',
        email: null,
        organizationId: null,
        updateTime: null,
      },
    ])

    // The same client, but the session now says another account is signed in.
    const session = r.core.accounts.session()
    if (!session) throw new Error('not signed in')
    let switched = 0
    const other = createCatalogRefresher({
      catalog,
      session: () => ({ account: '1:1', client: session.client }),
      network: { isOnline: () => true, onChange: () => () => {} },
      log: r.core.log,
      onChange: () => (switched += 1),
    })
    await other.refresh()
    expect(catalog.meta('account')).toBe('1:1')
    expect(catalog.searchPersons('only in account')).toEqual([])
    expect(catalog.users()).toHaveLength(4)
    expect(switched).toBe(1)
    await other.stop()
  })

  it('keeps the previous catalog when a refresh fails, and says why', async () => {
    const { r, changes } = await signedIn()
    const { catalog } = r.core
    await r.core.catalogRefresher.refresh()
    const before = {
      users: catalog.users(),
      labels: catalog.labels(),
      fields: catalog.fields(),
      context: catalog.quickAddContext(),
    }

    r.sandbox.faults.failNext(1, { status: 503, method: 'GET', path: '/api/v1/leadLabels' })
    const failedReference = await r.core.catalogRefresher.refresh()
    expect(failedReference.lastError).toEqual(expect.any(String))

    r.sandbox.faults.failNext(1, { status: 500, method: 'GET', path: '/api/v2/organizations' })
    const failedContacts = await r.core.catalogRefresher.refresh()
    expect(failedContacts.lastError).toEqual(expect.any(String))

    await r.sandbox.faults.refuseConnections()
    const offline = await r.core.catalogRefresher.refresh()
    expect(offline.lastError).toEqual(expect.any(String))
    await r.sandbox.faults.acceptConnections()

    expect({
      users: catalog.users(),
      labels: catalog.labels(),
      fields: catalog.fields(),
      context: catalog.quickAddContext(),
    }).toEqual(before)
    expect(changes()).toBe(1)

    const recovered = await r.core.catalogRefresher.refresh()
    expect(recovered.lastError).toBeNull()
  })

  it('refreshes the rest when the account may not read activity types, keeping those it had', async () => {
    const { r } = await signedIn()
    const { catalog } = r.core
    await r.core.catalogRefresher.refresh()
    const types = catalog.activityTypes()
    expect(types).toHaveLength(6)

    r.sandbox.faults.failNext(1, { status: 403, method: 'GET', path: '/api/v1/activityTypes' })
    const refreshed = await r.core.catalogRefresher.refresh()
    expect(refreshed.lastError).toBeNull()
    expect(catalog.activityTypes()).toEqual(types)
    expect(catalog.labels()).toHaveLength(3)

    r.sandbox.faults.failNext(1, { status: 503, method: 'GET', path: '/api/v1/activityTypes' })
    const failed = await r.core.catalogRefresher.refresh()
    expect(failed.lastError).toEqual(expect.any(String))
  })

  it('does nothing while signed out', async () => {
    const rig = await rigs.start({ core: { backgroundRefresh: false } })
    const status = await rig.core.catalogRefresher.refresh()
    expect(status).toEqual({ refreshing: false, lastRefreshAt: null, lastError: null })
    expect(rig.sandbox.state.requests).toEqual([])
    expect(rig.core.catalog.knownLabelIds()).toBeNull()
  })

  describe('against a persons list that never ends', () => {
    /**
     * In front of the sandbox, a Pipedrive whose persons list always has a next page: it
     * serves the first page again whatever the cursor, with `next_cursor` the same string
     * every time ('repeat') or a new one every time ('fresh'). Null: the sandbox as it is.
     */
    async function endlessPersons(maxPages?: number) {
      const server = { mode: null as 'repeat' | 'fresh' | null, given: 0, asked: [] as URL[] }
      const misbehaving: typeof fetch = async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input))
        if (server.mode === null || url.pathname !== '/api/v2/persons') return fetch(input, init)
        server.asked.push(new URL(url))
        url.searchParams.delete('cursor')
        const response = await fetch(url, init)
        const body = (await response.json()) as Record<string, unknown>
        server.given += 1
        const next = server.mode === 'repeat' ? 'the-same-cursor' : `cursor-${server.given}`
        body['additional_data'] = { next_cursor: next }
        const headers = new Headers(response.headers)
        headers.delete('content-length')
        headers.delete('content-encoding')
        return Response.json(body, { status: response.status, headers })
      }
      const r = await rigs.start({ core: { backgroundRefresh: false, fetch: misbehaving } })
      await r.core.accounts.signInWithToken(r.sandbox.apiToken)
      const errors: Record<string, unknown>[] = []
      const log = pino(
        { level: 'error' },
        { write: (line: string) => void errors.push(JSON.parse(line)) },
      )
      const refresher = createCatalogRefresher({
        catalog: r.core.catalog,
        session: () => r.core.accounts.session(),
        network: { isOnline: () => true, onChange: () => () => {} },
        log,
        onChange: () => {},
        // Every listing complete, so one that ended early would drop what it did not see.
        fullEveryMs: 0,
        ...(maxPages ? { maxPages } : {}),
      })
      onTestFinished(() => refresher.stop())
      // A refresh that loops for ever fails the test here rather than at the test timeout.
      const refresh = async () => {
        let timer: ReturnType<typeof setTimeout> | undefined
        const stuck = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error('the refresh was still paging after 5 s')),
            5_000,
          )
        })
        try {
          return await Promise.race([refresher.refresh(), stuck])
        } finally {
          clearTimeout(timer)
        }
      }
      // A full catalog first, and one person Pipedrive no longer has.
      expect((await refresh()).lastError).toBeNull()
      const gone = {
        id: 99_999,
        name: 'Gone Person',
        email: null,
        organizationId: null,
        updateTime: null,
      }
      r.core.catalog.upsertPersons([gone])
      return { r, server, errors, refresh }
    }

    it('stops at a cursor it already asked for, fails the refresh, and keeps what it read', async () => {
      const { r, server, errors, refresh } = await endlessPersons()
      server.mode = 'repeat'
      const status = await refresh()
      expect(status.lastError).toMatch(/repeated a persons cursor/)
      expect(server.asked.map((u) => u.searchParams.get('cursor'))).toEqual([
        null,
        'the-same-cursor',
      ])
      expect(errors).toEqual([
        expect.objectContaining({
          kind: 'persons',
          pages: 2,
          msg: expect.stringMatching(/repeated/),
        }),
      ])
      // The pages read are stored; the listing did not count as complete, so nothing was
      // dropped, and the looping cursor is not kept to resume from.
      expect(r.core.catalog.quickAddContext().persons).toHaveLength(5)
      expect(r.core.catalog.searchPersons('gone person')).toHaveLength(1)
      expect(r.core.catalog.meta('persons.cursor')).toBeUndefined()

      server.mode = null
      expect((await refresh()).lastError).toBeNull()
      expect(r.core.catalog.searchPersons('gone person')).toEqual([])
    })

    it('stops after the page bound, fails the refresh, and keeps where it got to', async () => {
      const { r, server, errors, refresh } = await endlessPersons(3)
      server.mode = 'fresh'
      const status = await refresh()
      expect(status.lastError).toMatch(/did not end after 3 pages/)
      expect(server.asked.map((u) => u.searchParams.get('cursor'))).toEqual([
        null,
        'cursor-1',
        'cursor-2',
      ])
      expect(errors).toEqual([expect.objectContaining({ kind: 'persons', pages: 3, maxPages: 3 })])
      expect(r.core.catalog.quickAddContext().persons).toHaveLength(5)
      expect(r.core.catalog.searchPersons('gone person')).toHaveLength(1)
      // The next refresh resumes the listing from there.
      expect(r.core.catalog.meta('persons.cursor')).toBe('cursor-3')
    })
  })
})
