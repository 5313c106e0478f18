import { describe, expect, it } from 'vitest'
import { seedIds } from '../../../../test/pipedrive-sandbox/index'
import { networkSwitch } from '../../../../test/support/network-switch'
import { useRigs } from '../accounts/testing'
import { leadTimelineFreshForMs } from '../freshness/freshness-plan'
import { createLeadTimelineCache } from './lead-timeline-cache'

// A lead's activities and notes read from the sandbox Pipedrive into a real SQLite file,
// signed in with the real keychain, on a clock the test moves.

const rigs = useRigs()
const { leads, activities, note } = seedIds
const acme = { remoteId: leads.acmeFleet }

async function signedIn() {
  let offset = 0
  const network = networkSwitch(true)
  const r = await rigs.start({
    core: { backgroundRefresh: false, network, now: () => Date.now() + offset },
  })
  await r.core.accounts.signInWithToken(r.sandbox.apiToken)
  await r.core.catalogRefresher.refresh()
  const reads = () =>
    r.sandbox.state.count('GET /api/v2/activities') + r.sandbox.state.count('GET /api/v1/notes')
  const inboxRequests = () =>
    r.core.usageToday()!.byPurpose.find((row) => row.purpose === 'inbox')!.requests
  return { r, network, reads, inboxRequests, advance: (ms: number) => void (offset += ms) }
}

describe("a lead's activities and notes", () => {
  it('are read when the lead opens, with type names, and counted as inbox reads', async () => {
    const { r, reads, inboxRequests } = await signedIn()
    const before = inboxRequests()
    const timeline = await r.core.leadTimelines.opened(acme)
    expect(timeline.problem).toBeNull()
    expect(timeline.readAt).not.toBeNull()
    expect(timeline.inPipedrive).toBe(true)
    expect(timeline.activities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: activities.callMaria,
          type: 'call',
          typeName: 'Call',
          subject: 'Call Maria about the lease terms',
          dueTime: '10:00',
          done: false,
          doneWaiting: false,
        }),
        expect.objectContaining({ id: activities.sentBrochure, typeName: 'Email', done: true }),
      ]),
    )
    expect(timeline.notes).toEqual([
      expect.objectContaining({ id: note, content: 'Asked for a quote on leasing terms.' }),
    ])
    expect(timeline.activityTypes.map((type) => type.key)).toContain('meeting')
    expect(reads()).toBe(2)
    expect(inboxRequests() - before).toBe(2)
  })

  it('name an activity of a type the company stopped using, which is not offered to add', async () => {
    const { r } = await signedIn()
    const types = r.core.catalog.activityTypes(true)
    r.core.catalog.replaceActivityTypes(
      types.map((type) =>
        type.key === 'call' ? { ...type, name: 'Phone call', active: false } : type,
      ),
    )
    const timeline = await r.core.leadTimelines.opened(acme)
    const call = timeline.activities.find((a) => a.id === activities.callMaria)
    expect(call?.typeName).toBe('Phone call')
    expect(timeline.activityTypes.map((type) => type.key)).not.toContain('call')
  })

  it('are not read again while the copy is a few minutes old, then are', async () => {
    const { r, reads, advance } = await signedIn()
    await r.core.leadTimelines.opened(acme)
    advance(leadTimelineFreshForMs - 1_000)
    await r.core.leadTimelines.opened(acme)
    expect(reads()).toBe(2)
    advance(2_000)
    await r.core.leadTimelines.opened(acme)
    expect(reads()).toBe(4)
  })

  it('opened twice at once, are read once', async () => {
    const { r, reads } = await signedIn()
    await Promise.all([r.core.leadTimelines.opened(acme), r.core.leadTimelines.opened(acme)])
    expect(reads()).toBe(2)
  })

  it('are shown from the copy, with a plain reason, when Pipedrive cannot be reached', async () => {
    const { r, advance } = await signedIn()
    const first = await r.core.leadTimelines.opened(acme)
    advance(leadTimelineFreshForMs)
    await r.sandbox.faults.refuseConnections()
    const later = await r.core.leadTimelines.opened(acme)
    expect(later.problem).toMatch(/^(Leadbox could not reach|The connection to) Pipedrive/)
    expect(later.readAt).toBe(first.readAt)
    expect(later.activities).toEqual(first.activities)
    expect(later.notes).toEqual(first.notes)
    await r.sandbox.faults.acceptConnections()
    expect((await r.core.leadTimelines.opened(acme)).problem).toBeNull()
  })

  it('are shown from the copy offline, asking nothing', async () => {
    const { r, network, reads, advance } = await signedIn()
    await r.core.leadTimelines.opened(acme)
    network.set(false)
    advance(leadTimelineFreshForMs)
    const offline = await r.core.leadTimelines.opened(acme)
    expect(offline.problem).toBe('You are offline.')
    expect(offline.notes).toHaveLength(1)
    expect(reads()).toBe(2)
  })

  it('take in what was added in Pipedrive meanwhile, once the copy is old enough', async () => {
    const { r, advance } = await signedIn()
    await r.core.leadTimelines.opened(acme)
    await fetch(`${r.sandbox.url}/api/v1/notes`, {
      method: 'POST',
      headers: { 'x-api-token': r.sandbox.apiToken, 'content-type': 'application/json' },
      body: JSON.stringify({ content: '<p>Added in the web app</p>', lead_id: leads.acmeFleet }),
    })
    expect((await r.core.leadTimelines.opened(acme)).notes).toHaveLength(1)
    advance(leadTimelineFreshForMs)
    const notes = (await r.core.leadTimelines.opened(acme)).notes.map((n) => n.content)
    expect(notes).toEqual(['Asked for a quote on leasing terms.', '<p>Added in the web app</p>'])
  })

  it('list what waits in the outbox, and a done mark at once', async () => {
    const { r, network } = await signedIn()
    await r.core.leadTimelines.opened(acme)
    network.set(false)
    r.core.activityChanges.addNote({ lead: acme, content: 'Wants a <b>second</b> quote' })
    r.core.activityChanges.addActivity({
      lead: acme,
      leadTitle: 'ignored: the inbox has the title',
      activity: { type: 'meeting', dueDate: '2027-01-12', dueTime: '09:30' },
    })
    r.core.activityChanges.markDone({
      leadId: leads.acmeFleet,
      activityId: activities.callMaria,
      subject: 'Call Maria about the lease terms',
    })
    const timeline = r.core.leadTimelines.get(acme)
    expect(timeline.waiting).toEqual([
      expect.objectContaining({ kind: 'note', content: 'Wants a <b>second</b> quote' }),
      expect.objectContaining({ kind: 'activity', typeName: 'Meeting', dueDate: '2027-01-12' }),
    ])
    expect(timeline.activities.find((a) => a.id === activities.callMaria)).toMatchObject({
      done: true,
      doneWaiting: true,
    })
  })

  it('of a lead still waiting in the outbox are only what waits: nothing is read', async () => {
    const { r, reads } = await signedIn()
    const lead = r.core.outbox.enqueueLead({
      title: 'Not yet sent',
      organization: { kind: 'existing', id: seedIds.organizations.acme },
      note: 'First note',
    })
    r.core.activityChanges.addNote({ lead: { outboxId: lead.id }, content: 'Second note' })
    const timeline = await r.core.leadTimelines.opened({ outboxId: lead.id })
    expect(timeline).toMatchObject({ inPipedrive: false, activities: [], notes: [], readAt: null })
    expect(timeline.waiting.map((entry) => entry.kind === 'note' && entry.content)).toEqual([
      'First note',
      'Second note',
    ])
    expect(reads()).toBe(0)
  })

  it('are kept per account: another account does not see this one’s copy', async () => {
    const { r } = await signedIn()
    await r.core.leadTimelines.opened(acme)
    r.core.db.prepare(`UPDATE lead_note SET account = 'another:1'`).run()
    expect(r.core.leadTimelines.get(acme).notes).toEqual([])
  })
})

describe('adding to a lead from its pane', () => {
  it('sends a note, an activity and a done mark once each, and the copy shows them', async () => {
    const { r, reads } = await signedIn()
    await r.core.inboxRefresher.refresh()
    // The inbox's own look reads next activities' due dates: not the pane's doing.
    const before = reads()
    await r.core.leadTimelines.opened(acme)
    r.core.activityChanges.addNote({ lead: acme, content: 'Called back, all fine' })
    r.core.activityChanges.addActivity({
      lead: acme,
      leadTitle: 'Acme',
      activity: { type: 'call', dueDate: '2027-01-15' },
    })
    r.core.activityChanges.markDone({
      leadId: leads.acmeFleet,
      activityId: activities.callMaria,
      subject: 'Call Maria about the lease terms',
    })
    r.core.sync.wake('test')
    await expect.poll(() => r.core.outbox.counts().sent, { timeout: 10_000 }).toBe(3)
    const box = r.sandbox.state
    const added = box.notes.filter((n) => n['content'] === 'Called back, all fine')
    expect(added).toEqual([expect.objectContaining({ lead_id: leads.acmeFleet })])
    // Quick add's default subject: the type's name and the lead's title; the lead's person.
    const made = box.activities.filter(
      (a) => a['subject'] === 'Call – Acme Logistics – fleet renewal',
    )
    expect(made).toEqual([
      expect.objectContaining({
        lead_id: leads.acmeFleet,
        participants: [{ person_id: seedIds.persons.maria, primary: true }],
      }),
    ])
    expect(box.activities.find((a) => a['id'] === activities.callMaria)!['done']).toBe(true)
    const timeline = r.core.leadTimelines.get(acme)
    expect(timeline.waiting).toEqual([])
    expect(timeline.notes.map((n) => n.content)).toContain('Called back, all fine')
    expect(timeline.activities.map((a) => a.subject)).toContain(
      'Call – Acme Logistics – fleet renewal',
    )
    expect(timeline.activities.find((a) => a.id === activities.callMaria)).toMatchObject({
      done: true,
      doneWaiting: false,
    })
    expect(reads() - before).toBe(2)
  })

  it('says in plain words what is missing, and queues nothing', async () => {
    const { r } = await signedIn()
    expect(() => r.core.activityChanges.addNote({ lead: acme, content: '   ' })).toThrow(
      expect.objectContaining({ fields: { content: 'Write something first' } }),
    )
    expect(() =>
      r.core.activityChanges.addActivity({
        lead: acme,
        leadTitle: 'Acme',
        activity: { type: 'fax', dueDate: '2027-01-15' },
      }),
    ).toThrow(
      expect.objectContaining({
        fields: { 'activity.type': 'This activity type is not in Pipedrive' },
      }),
    )
    expect(() =>
      r.core.activityChanges.addActivity({
        lead: acme,
        leadTitle: 'Acme',
        activity: { type: 'call', dueDate: '2027-01-15', dueTime: '25:00' },
      }),
    ).toThrow(expect.objectContaining({ fields: { 'activity.dueTime': 'Use a time like 14:30' } }))
    expect(r.core.outbox.list()).toEqual([])
  })

  it('is refused for a lead on its way to being deleted, in plain words', async () => {
    const { r, network } = await signedIn()
    network.set(false)
    r.core.leadChanges.enqueue({ kind: 'delete', lead: acme }, 'Acme')
    expect(() => r.core.activityChanges.addNote({ lead: acme, content: 'Too late' })).toThrow(
      'This lead is already being deleted.',
    )
    expect(() =>
      r.core.activityChanges.markDone({
        leadId: leads.acmeFleet,
        activityId: activities.callMaria,
        subject: 'Call Maria',
      }),
    ).toThrow('This lead is already being deleted.')
    expect(r.core.outbox.list().map((row) => row.kind)).toEqual(['lead.delete'])
  })
})

describe('the copies of leads', () => {
  it('are forgotten once nobody has opened the lead for the given time', async () => {
    const { r } = await signedIn()
    await r.core.leadTimelines.opened(acme)
    const cache = createLeadTimelineCache(r.core.db)
    const account = r.core.accounts.session()!.account
    expect(cache.prune(Date.now() - 60_000)).toBe(0)
    expect(cache.read(account, leads.acmeFleet).notes).toHaveLength(1)
    expect(cache.prune(Date.now() + 60_000)).toBe(1)
    expect(cache.read(account, leads.acmeFleet)).toEqual({
      activities: [],
      notes: [],
      readAt: null,
    })
  })
})
