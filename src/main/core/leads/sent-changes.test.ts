import { describe, expect, it } from 'vitest'
import { seedIds } from '../../../../test/pipedrive-sandbox/index'
import { useRigs, type Rig } from '../accounts/testing'

// What Leadbox sends shows in the cached inbox as soon as Pipedrive answers, with no listing:
// the inbox never says "active" about a lead Leadbox archived a moment ago.

const rigs = useRigs()

async function signedIn() {
  const r = await rigs.start({ core: { backgroundRefresh: false } })
  await r.core.accounts.signInWithToken(r.sandbox.apiToken)
  await r.core.inboxRefresher.refresh()
  return r
}

const sent = (r: Rig, id: number) =>
  expect.poll(() => r.core.outbox.get(id)?.state, { timeout: 10_000 }).toBe('sent')
const cached = (r: Rig, archived: boolean) =>
  r.core.inbox.list({ archived, limit: 500, offset: 0 }).items
const listings = (r: Rig) =>
  r.sandbox.state.count('GET /api/v1/leads') + r.sandbox.state.count('GET /api/v1/leads/archived')

describe('the inbox cache after a send', () => {
  it('moves a lead Leadbox archived to the archive, and back when restored', async () => {
    const r = await signedIn()
    const lead = seedIds.leads.acmeFleet
    const before = listings(r)
    const archive = r.core.leadChanges.enqueue({ kind: 'archive', lead: { remoteId: lead } })
    r.core.outboxChanged()
    await sent(r, archive.id)
    expect(cached(r, false).map((l) => l.id)).not.toContain(lead)
    expect(cached(r, true).find((l) => l.id === lead)).toMatchObject({ isArchived: true })

    const restore = r.core.leadChanges.enqueue({ kind: 'unarchive', lead: { remoteId: lead } })
    r.core.outboxChanged()
    await sent(r, restore.id)
    expect(cached(r, true).map((l) => l.id)).not.toContain(lead)
    expect(cached(r, false).find((l) => l.id === lead)).toMatchObject({ isArchived: false })
    // Pipedrive's answers told the cache; nothing was listed again for it.
    expect(listings(r)).toBe(before)
  })

  it('shows an edit and a new lead as Pipedrive has them', async () => {
    const r = await signedIn()
    const before = listings(r)
    const edit = r.core.leadChanges.enqueue({
      kind: 'update',
      lead: { remoteId: seedIds.leads.acmeFleet },
      after: { title: 'Acme fleet, renamed' },
      before: {},
    })
    const created = r.core.outbox.enqueueLead({
      title: 'Fresh from quick add',
      person: { kind: 'existing', id: seedIds.persons.tom },
    })
    r.core.outboxChanged()
    await sent(r, edit.id)
    await sent(r, created.id)
    const titles = cached(r, false).map((l) => l.title)
    expect(titles).toContain('Acme fleet, renamed')
    expect(titles).toContain('Fresh from quick add')
    expect(listings(r)).toBe(before)
  })
})
