import { describe, expect, it } from 'vitest'
import { seedIds } from '../../../../test/pipedrive-sandbox/index'
import { dueInUtc } from '../../../shared/leads/next-activity'
import { createActivityChanges } from '../outbox/activity-changes'
import { useSyncRigs } from './testing'

// A lead's next activity, sent after its lead (and its new person) exactly once, whatever
// happens to the answer, against the sandbox Pipedrive on a real SQLite file.

const setup = useSyncRigs()
type Rig = Awaited<ReturnType<typeof setup>>

const activitiesOf = (rig: Rig, leadId: string) =>
  rig.box.state.activities.filter((activity) => activity['lead_id'] === leadId)
const leadIdOf = (rig: Rig, title: string) =>
  rig.box.state.leads.find((lead) => lead['title'] === title)!['id'] as string

describe("a lead's next activity", () => {
  it('is made on the lead, with its person taking part and the time in UTC', async () => {
    const rig = await setup()
    const item = rig.outbox.enqueueLead({
      title: 'ACME fleet',
      person: { kind: 'existing', id: seedIds.persons.tom },
      activity: { type: 'call', dueDate: '2026-12-11', dueTime: '10:00' },
    })
    await rig.settle()
    const leadId = rig.outbox.get(item.id)!.remoteId!
    const due = dueInUtc('2026-12-11', '10:00')
    expect(activitiesOf(rig, leadId)).toEqual([
      expect.objectContaining({
        type: 'call',
        subject: 'call – ACME fleet',
        due_date: due.dueDate,
        due_time: `${due.dueTime}:00`,
        participants: [{ person_id: seedIds.persons.tom, primary: true }],
      }),
    ])
    const row = rig.outbox.list().find((r) => r.kind === 'activity.create')!
    expect(row).toMatchObject({ state: 'sent', lead: { outboxId: item.id } })
    expect(row.dependsOn).toEqual([item.id])
  })

  it('waits for a new person and names it as the participant', async () => {
    const rig = await setup()
    rig.outbox.enqueueLead({
      title: 'Fair contact',
      person: { kind: 'new', name: 'Nina Vogel' },
      activity: { type: 'meeting', subject: 'Demo at the depot', dueDate: '2026-12-14' },
    })
    await rig.settle()
    const nina = rig.box.state.persons.find((p) => p['name'] === 'Nina Vogel')!
    expect(activitiesOf(rig, leadIdOf(rig, 'Fair contact'))).toEqual([
      expect.objectContaining({
        subject: 'Demo at the depot',
        due_date: '2026-12-14',
        due_time: null,
        participants: [{ person_id: nina['id'], primary: true }],
      }),
    ])
  })

  it.each([
    ['the connection drops', (rig: Rig) => rig.box.faults.storeThenReset(1, post)],
    ['a 502 comes back', (rig: Rig) => rig.box.faults.storeThenFail(1, { ...post, status: 502 })],
  ])('is made once when its answer is lost (%s), found by listing', async (_name, fault) => {
    const rig = await setup()
    fault(rig)
    rig.outbox.enqueueLead({
      title: 'Lost answer',
      person: { kind: 'existing', id: seedIds.persons.tom },
      activity: { type: 'email', dueDate: '2026-12-15' },
    })
    await rig.settle()
    expect(activitiesOf(rig, leadIdOf(rig, 'Lost answer'))).toHaveLength(1)
    expect(rig.box.state.count('POST /api/v2/activities')).toBe(1)
    expect(rig.box.state.count('GET /api/v2/activities')).toBeGreaterThan(0)
    const row = rig.outbox.list().find((r) => r.kind === 'activity.create')!
    expect(row.remoteId).toBe(String(activitiesOf(rig, leadIdOf(rig, 'Lost answer'))[0]!['id']))
  })

  it('is made once when the process dies while Pipedrive is still making it', async () => {
    const rig = await setup({ requestTimeoutMs: 300 })
    const item = rig.outbox.enqueueLead({
      title: 'Slow activity',
      person: { kind: 'existing', id: seedIds.persons.tom },
    })
    await rig.settle()
    rig.box.faults.delay(700, post)
    queueActivity(rig, item.id, { type: 'call', subject: 'Call back', dueDate: '2026-12-16' })
    rig.engine.start()
    rig.engine.wake('sync now')
    const row = () => rig.outbox.list().find((r) => r.kind === 'activity.create')!
    await expect.poll(() => row().state, { timeout: 5_000 }).toBe('sending')
    await rig.restart()
    await rig.drain()
    expect(row().state).toBe('uncertain')
    const leadId = rig.outbox.get(item.id)!.remoteId!
    // The dead process's request lands after it is gone.
    await expect.poll(() => activitiesOf(rig, leadId).length, { timeout: 5_000 }).toBe(1)
    await rig.settle()
    const [made] = activitiesOf(rig, leadId)
    expect(activitiesOf(rig, leadId)).toHaveLength(1)
    expect(row()).toMatchObject({ state: 'sent', remoteId: String(made!['id']) })
  })

  it('does not take a twin made before its request for its own', async () => {
    const rig = await setup()
    const item = rig.outbox.enqueueLead({
      title: 'Has a twin',
      person: { kind: 'existing', id: seedIds.persons.tom },
    })
    await rig.settle()
    const leadId = rig.outbox.get(item.id)!.remoteId!
    // Someone made the same activity in Pipedrive an hour earlier.
    const twin = await rig.call('POST', '/v2/activities', {
      subject: 'Call back',
      type: 'call',
      lead_id: leadId,
      due_date: '2026-12-17',
    })
    rig.advance(60 * 60_000)
    rig.box.faults.storeThenReset(1, post)
    const id = queueActivity(rig, item.id, {
      type: 'call',
      subject: 'Call back',
      dueDate: '2026-12-17',
    })
    await rig.settle()
    const made = activitiesOf(rig, leadId).filter((a) => a['subject'] === 'Call back')
    expect(made).toHaveLength(2)
    const row = rig.outbox.get(id)!
    expect(row.state).toBe('sent')
    expect(row.remoteId).not.toBe(String(twin.data['id']))
    expect(rig.box.state.count('POST /api/v2/activities')).toBe(2)
  })

  it('waits for the user when Pipedrive refuses it', async () => {
    const rig = await setup()
    rig.outbox.enqueueLead({
      title: 'Odd type',
      person: { kind: 'existing', id: seedIds.persons.tom },
      activity: { type: 'fax', dueDate: '2026-12-18' },
    })
    await rig.settle()
    const row = rig.outbox.list().find((r) => r.kind === 'activity.create')!
    expect(row.state).toBe('needs_attention')
    expect(row.lastError).toMatch(/fax/)
    expect(activitiesOf(rig, leadIdOf(rig, 'Odd type'))).toHaveLength(0)
  })
})

const post = { method: 'POST', path: '/api/v2/activities' } as const

describe('marking an activity done', () => {
  const { activities, leads } = seedIds
  const mark = (rig: Rig) =>
    createActivityChanges(rig.db, rig.outbox, rig.now).markDone({
      leadId: leads.acmeFleet,
      activityId: activities.callMaria,
      subject: 'Call Maria about the lease terms',
    })
  const callMaria = (rig: Rig) =>
    rig.box.state.activities.find((a) => a['id'] === activities.callMaria)!

  it('marks it done in Pipedrive, and the lead has no next activity left', async () => {
    const rig = await setup()
    const item = mark(rig)
    expect(item).toMatchObject({
      kind: 'activity.done',
      title: 'Done: Call Maria about the lease terms',
    })
    await rig.settle()
    expect(callMaria(rig)['done']).toBe(true)
    expect(rig.outbox.get(item.id)?.state).toBe('sent')
    const lead = rig.box.state.leads.find((l) => l['id'] === leads.acmeFleet)!
    expect(lead['next_activity_id']).toBeNull()
  })

  it('sends it again after a lost answer: done twice is still done', async () => {
    const rig = await setup()
    rig.box.faults.storeThenReset(1, { method: 'PATCH', path: '/api/v2/activities/{id}' })
    const item = mark(rig)
    await rig.settle()
    expect(callMaria(rig)['done']).toBe(true)
    expect(rig.outbox.get(item.id)?.state).toBe('sent')
    expect(rig.box.state.count('PATCH /api/v2/activities/{id}', 'reset')).toBe(1)
  })

  it('says plainly when it is given no activity', async () => {
    const rig = await setup()
    expect(() =>
      createActivityChanges(rig.db, rig.outbox).markDone({ leadId: leads.acmeFleet }),
    ).toThrow('That activity cannot be marked done.')
  })
})

/** An activity row after a lead already sent, written as the lead's pane would. */
function queueActivity(
  rig: Rig,
  leadRowId: number,
  payload: { type: string; subject: string; dueDate: string },
): number {
  const { lastInsertRowid } = rig.db
    .prepare(
      `INSERT INTO outbox (client_id, kind, payload, title, lead_ref, created_at, updated_at)
       VALUES (?, 'activity.create', ?, ?, ?, 0, 0)`,
    )
    .run(crypto.randomUUID(), JSON.stringify(payload), payload.subject, `outbox:${leadRowId}`)
  rig.db
    .prepare(`INSERT INTO outbox_dependency (row_id, parent_id, role) VALUES (?, ?, 'lead')`)
    .run(lastInsertRowid, leadRowId)
  return Number(lastInsertRowid)
}

describe("a note or an activity added in a lead's pane", () => {
  const { leads } = seedIds
  const lena = { remoteId: leads.lena }

  it.each([
    ['note', { method: 'POST', path: '/api/v1/notes' } as const],
    ['activity', post],
  ])(
    'on a lead Leadbox did not create, is made once when its answer is lost (%s)',
    async (kind, request) => {
      const rig = await setup()
      rig.box.faults.storeThenReset(1, request)
      const changes = createActivityChanges(rig.db, rig.outbox, rig.now)
      const item =
        kind === 'note'
          ? changes.addNote({ lead: lena, content: 'Left a voicemail' })
          : changes.addActivity({
              lead: lena,
              leadTitle: 'Lena Fischer',
              activity: { type: 'task', subject: 'Send the offer', dueDate: '2027-01-04' },
            })
      expect(item).toMatchObject({ lead: lena, dependsOn: [] })
      await rig.settle()
      const made =
        kind === 'note'
          ? rig.box.state.notes.filter((n) => n['content'] === 'Left a voicemail')
          : activitiesOf(rig, leads.lena).filter((a) => a['subject'] === 'Send the offer')
      expect(made).toEqual([expect.objectContaining({ lead_id: leads.lena })])
      expect(rig.outbox.get(item.id)).toMatchObject({
        state: 'sent',
        remoteId: String(made[0]!['id']),
      })
    },
  )

  it('on a lead Leadbox created and sent, waits for nothing and keeps the lead’s order', async () => {
    const rig = await setup()
    const lead = rig.outbox.enqueueLead({
      title: 'Sent first',
      person: { kind: 'existing', id: seedIds.persons.tom },
    })
    await rig.settle()
    const remoteId = rig.outbox.get(lead.id)!.remoteId!
    const note = createActivityChanges(rig.db, rig.outbox, rig.now).addNote({
      lead: { remoteId },
      content: 'After the lead',
    })
    expect(note).toMatchObject({ lead: { outboxId: lead.id }, dependsOn: [lead.id] })
    await rig.settle()
    expect(rig.box.state.notes.filter((n) => n['content'] === 'After the lead')).toEqual([
      expect.objectContaining({ lead_id: remoteId }),
    ])
  })
})
