import { describe, expect, it } from 'vitest'
import { seedIds } from '../../../../test/pipedrive-sandbox/index'
import { networkSwitch } from '../../../../test/support/network-switch'
import { LeadboxError } from '../../../shared/result'
import { useRigs } from '../accounts/testing'

// Creating lead labels against the sandbox (a real HTTP server), signed in with the real
// keychain, with the catalog refreshed once as at sign-in. Background timers are off.

const rigs = useRigs()

async function signedIn() {
  const network = networkSwitch(true)
  const r = await rigs.start({ core: { backgroundRefresh: false, network } })
  await r.core.accounts.signInWithToken(r.sandbox.apiToken)
  await r.core.catalogRefresher.refresh()
  let changes = 0
  r.core.events.on('catalog:changed', () => void (changes += 1))
  const posts = () => r.sandbox.state.count('POST /api/v1/leadLabels')
  return { r, network, changes: () => changes, posts }
}

async function refusal(pending: Promise<unknown>): Promise<LeadboxError> {
  const error = await pending.then(
    () => null,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(LeadboxError)
  return error as LeadboxError
}

describe('creating a lead label', () => {
  it('creates it in Pipedrive and caches it at once, so a lead may carry it', async () => {
    const { r, changes, posts } = await signedIn()
    const label = await r.core.labelCreator.create({ name: 'Trade fair', color: 'pink' })

    expect(label).toEqual({ id: expect.any(String), name: 'Trade fair', color: 'pink' })
    expect(r.sandbox.state.leadLabels).toContainEqual(
      expect.objectContaining({ id: label.id, name: 'Trade fair', color: 'pink' }),
    )
    expect(posts()).toBe(1)
    expect(r.core.catalog.labels()).toContainEqual(label)
    expect(r.core.catalog.knownLabelIds()?.has(label.id)).toBe(true)
    expect(r.core.catalog.inboxContext().labels).toContainEqual(label)
    expect(changes()).toBe(1)

    // The outbox checks label ids against the catalog: the new one passes, and Pipedrive
    // gets the lead with it.
    const item = r.core.outbox.enqueueLead({
      title: 'Met at the fair',
      organization: { kind: 'existing', id: seedIds.organizations.acme },
      labelIds: [label.id],
    })
    r.core.sync.wake('test')
    await expect.poll(() => r.core.outbox.get(item.id)?.state, { timeout: 10_000 }).toBe('sent')
    const lead = r.sandbox.state.leads.find((candidate) => candidate['title'] === 'Met at the fair')
    expect(lead?.['label_ids']).toEqual([label.id])
  })

  it('answers with the label a name already belongs to, ignoring case and spacing', async () => {
    const { r, changes, posts } = await signedIn()
    const hot = await r.core.labelCreator.create({ name: '  hOT ', color: 'green' })
    expect(hot).toEqual({ id: seedIds.labels.hot, name: 'Hot', color: 'red' })
    expect(posts()).toBe(0)
    expect(changes()).toBe(0)

    // Made in Pipedrive by someone else since the last refresh: found, not made twice.
    const elsewhere = await fetch(`${r.sandbox.url}/api/v1/leadLabels`, {
      method: 'POST',
      headers: { 'x-api-token': r.sandbox.apiToken, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Partner referral', color: 'purple' }),
    })
    expect(elsewhere.status).toBe(200)
    const { data } = (await elsewhere.json()) as { data: { id: string } }
    const found = await r.core.labelCreator.create({ name: 'partner  referral', color: 'blue' })
    expect(found).toEqual({ id: data.id, name: 'Partner referral', color: 'purple' })
    expect(posts()).toBe(1)
    expect(r.sandbox.state.leadLabels.filter((l) => l['name'] === 'Partner referral')).toHaveLength(
      1,
    )
    expect(r.core.catalog.knownLabelIds()?.has(data.id)).toBe(true)
    expect(changes()).toBe(1)
  })

  it('needs a connection: offline, unreachable or signed out, it says so and creates nothing', async () => {
    const { r, network, changes, posts } = await signedIn()
    const before = r.core.catalog.labels()

    network.set(false)
    const offline = await refusal(r.core.labelCreator.create({ name: 'Webinar', color: 'blue' }))
    expect(offline.code).toBe('offline')
    expect(offline.message).toMatch(/^Creating a label needs a connection to Pipedrive\./)
    expect(r.sandbox.state.count('GET /api/v1/leadLabels')).toBe(1)

    // The OS says online, but Pipedrive cannot be reached.
    network.set(true)
    await r.sandbox.faults.refuseConnections()
    const unreachable = await refusal(
      r.core.labelCreator.create({ name: 'Webinar', color: 'blue' }),
    )
    expect(unreachable.code).toBe('offline')
    expect(unreachable.message).toMatch(/^Creating a label needs a connection to Pipedrive\./)
    await r.sandbox.faults.acceptConnections()

    await r.core.accounts.signOut()
    const signedOut = await refusal(r.core.labelCreator.create({ name: 'Webinar', color: 'blue' }))
    expect(signedOut.code).toBe('offline')
    expect(signedOut.message).toMatch(/needs a connection to Pipedrive\. Sign in/)

    // A label the catalog has needs no connection.
    const cold = await r.core.labelCreator.create({ name: 'cold', color: 'blue' })
    expect(cold.id).toBe(seedIds.labels.cold)

    expect(posts()).toBe(0)
    expect(r.core.catalog.labels()).toEqual(before)
    expect(changes()).toBe(0)
  })

  it("puts Pipedrive's refusal on the name", async () => {
    const { r, posts } = await signedIn()
    // The IPC schema stops a blank name; here it stands for any name Pipedrive refuses.
    const refused = await refusal(r.core.labelCreator.create({ name: '   ', color: 'red' }))
    expect(posts()).toBe(1)
    expect(refused.code).toBe('pipedrive_rejected')
    expect(refused.fields?.['name']).toMatch(/"name" is not allowed to be empty/)
  })

  it('after an answer lost on the way, trying again finds the label instead of a duplicate', async () => {
    const { r, posts } = await signedIn()
    r.sandbox.faults.storeThenReset(1, { method: 'POST', path: '/api/v1/leadLabels' })
    const lost = await refusal(r.core.labelCreator.create({ name: 'Roadshow', color: 'orange' }))
    expect(lost.code).toBe('offline')
    expect(lost.message).toMatch(/did not confirm the label/)
    expect(r.core.catalog.labels().some((l) => l.name === 'Roadshow')).toBe(false)

    const again = await r.core.labelCreator.create({ name: 'Roadshow', color: 'orange' })
    expect(posts()).toBe(1)
    const stored = r.sandbox.state.leadLabels.filter((l) => l['name'] === 'Roadshow')
    expect(stored).toEqual([expect.objectContaining({ id: again.id, color: 'orange' })])
    expect(r.core.catalog.knownLabelIds()?.has(again.id)).toBe(true)
  })
})
