import { describe, expect, it } from 'vitest'
import { seedIds } from '../../../../test/pipedrive-sandbox/index'
import { networkSwitch } from '../../../../test/support/network-switch'
import { LeadboxError } from '../../../shared/result'
import { useRigs, type Rig } from '../accounts/testing'

// Pipedrive's own search against the sandbox (a real HTTP server), signed in with the real
// keychain, on a real SQLite catalog. Background refreshes are off: what lands in the
// catalog here came from the search.

const rigs = useRigs()

async function signedIn() {
  const network = networkSwitch(true)
  const urls: URL[] = []
  const recording: typeof fetch = (input, init) => {
    urls.push(new URL(input instanceof Request ? input.url : String(input)))
    return fetch(input, init)
  }
  const r = await rigs.start({ core: { backgroundRefresh: false, fetch: recording, network } })
  let changes = 0
  r.core.events.on('catalog:changed', () => void (changes += 1))
  await r.core.accounts.signInWithToken(r.sandbox.apiToken)
  await r.core.catalogRefresher.refresh()
  const searches = () => urls.filter((url) => url.pathname.endsWith('/search'))
  return { r, network, searches, changes: () => changes }
}

/**
 * A change made in Pipedrive by someone else, after the catalog was loaded and a while before
 * the search: Pipedrive's search index has caught up with it.
 */
async function inPipedrive<T = { id: number }>(r: Rig, path: string, body: unknown) {
  const answer = await fetch(`${r.sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'x-api-token': r.sandbox.apiToken, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(answer.ok).toBe(true)
  r.sandbox.advanceTime(60_000)
  return ((await answer.json()) as { data: T }).data
}

describe("Pipedrive's contact search", () => {
  it('finds a person the catalog does not know yet, and keeps them for offline use', async () => {
    const { r, network, searches, changes } = await signedIn()
    const { catalog } = r.core
    const globex = await inPipedrive(r, '/api/v2/organizations', { name: 'Globex Freight' })
    const quentin = await inPipedrive(r, '/api/v2/persons', {
      name: 'Quentin Newcomer',
      emails: [{ value: 'quentin@globex.example', primary: true }],
      org_id: globex.id,
    })
    expect(catalog.searchPersons('quentin')).toEqual([])
    const changesBefore = changes()

    const found = await r.core.contactSearch.find('person', ' newcomer ')
    expect(found).toEqual([
      { id: quentin.id, name: 'Quentin Newcomer', detail: 'quentin@globex.example' },
    ])
    expect(searches()).toHaveLength(1)
    const asked = searches()[0]!
    expect(asked.pathname).toBe('/api/v2/persons/search')
    expect(Object.fromEntries(asked.searchParams)).toEqual({
      term: 'newcomer',
      fields: 'name,email',
      limit: '10',
    })

    // Cached: the local typeahead and quick add know them, and so does their organization.
    expect(catalog.searchPersons('quentin')).toEqual([
      {
        id: quentin.id,
        name: 'Quentin Newcomer',
        email: 'quentin@globex.example',
        organizationId: globex.id,
        updateTime: null,
      },
    ])
    expect(catalog.quickAddContext().persons).toContainEqual({
      id: quentin.id,
      name: 'Quentin Newcomer',
      email: 'quentin@globex.example',
    })
    expect(catalog.searchOrganizations('globex').map((o) => o.id)).toEqual([globex.id])
    expect(changes()).toBe(changesBefore + 1)

    // The same answer again changes nothing, so the windows are not told twice.
    await r.core.contactSearch.find('person', 'newcomer')
    expect(changes()).toBe(changesBefore + 1)

    // Offline: Pipedrive is not asked, and the person is still there to pick.
    network.set(false)
    expect(await r.core.contactSearch.find('person', 'quentin')).toEqual([])
    expect(searches()).toHaveLength(2)
    expect(catalog.searchPersons('quentin').map((p) => p.id)).toEqual([quentin.id])
  })

  it('finds organizations by name, with their address to tell them apart', async () => {
    const { r, searches } = await signedIn()
    const globex = await inPipedrive(r, '/api/v2/organizations', {
      name: 'Globex Freight',
      address: { value: 'Hafenstraße 1, Bremen' },
    })
    expect(await r.core.contactSearch.find('organization', 'globex')).toEqual([
      { id: globex.id, name: 'Globex Freight', detail: 'Hafenstraße 1, Bremen' },
    ])
    expect(searches()[0]?.pathname).toBe('/api/v2/organizations/search')
    expect(searches()[0]?.searchParams.get('fields')).toBe('name,address')
    expect(r.core.catalog.searchOrganizations('globex').map((o) => o.name)).toEqual([
      'Globex Freight',
    ])
  })

  it('leaves a contact the catalog refresh wrote as it was', async () => {
    const { r, changes } = await signedIn()
    const before = r.core.catalog.searchPersons('maria')
    expect(before).toHaveLength(1)
    const changesBefore = changes()
    const found = await r.core.contactSearch.find('person', 'maria')
    expect(found).toEqual([
      {
        id: seedIds.persons.maria,
        name: 'Maria Schmidt',
        detail: 'maria.schmidt@acme-logistics.example',
      },
    ])
    expect(r.core.catalog.searchPersons('maria')).toEqual(before)
    expect(changes()).toBe(changesBefore)
  })

  it('names the person of an inbox lead once the search has found them', async () => {
    const { r } = await signedIn()
    const ida = await inPipedrive(r, '/api/v2/persons', { name: 'Ida Lindqvist' })
    await inPipedrive<{ id: string }>(r, '/api/v1/leads', {
      title: 'Made in Pipedrive',
      person_id: ida.id,
    })
    await r.core.inboxRefresher.refresh()
    const lead = () =>
      r.core.inbox.list({ personId: ida.id, limit: 10, offset: 0 }).items[0]?.personName
    expect(lead()).toBeNull()
    await r.core.contactSearch.find('person', 'lindqvist')
    expect(lead()).toBe('Ida Lindqvist')
  })

  it('asks nothing while signed out, and nothing for a term Pipedrive would refuse', async () => {
    const { r, searches } = await signedIn()
    expect(await r.core.contactSearch.find('person', 'm ')).toEqual([])
    await r.core.accounts.signOut()
    expect(await r.core.contactSearch.find('person', 'maria')).toEqual([])
    expect(searches()).toEqual([])
  })

  it("says so when Pipedrive's search fails, and keeps the catalog as it was", async () => {
    const { r, changes } = await signedIn()
    const before = r.core.catalog.quickAddContext()
    const changesBefore = changes()

    r.sandbox.faults.failNext(1, { status: 500, method: 'GET', path: '/api/v2/persons/search' })
    const failed = await r.core.contactSearch.find('person', 'maria').catch((error) => error)
    expect(failed).toBeInstanceOf(LeadboxError)
    expect(failed).toMatchObject({
      code: 'pipedrive_rejected',
      message: expect.stringMatching(/^Pipedrive's search did not work\. Pipedrive had a problem/),
    })

    await r.sandbox.faults.refuseConnections()
    // A kept-alive connection fetch has not yet seen cut fails as broken; after it, refused.
    const first = await r.core.contactSearch.find('organization', 'acme').catch((error) => error)
    expect(first).toBeInstanceOf(LeadboxError)
    await expect(r.core.contactSearch.find('organization', 'acme')).rejects.toMatchObject({
      code: 'offline',
      message: 'Leadbox could not reach Pipedrive, so only saved contacts are shown.',
    })
    await r.sandbox.faults.acceptConnections()

    expect(r.core.catalog.quickAddContext()).toEqual(before)
    expect(changes()).toBe(changesBefore)
  })
})
