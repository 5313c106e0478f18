import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../db/migrate'
import { createActivityChanges } from './activity-changes'
import { createLeadChanges } from './lead-changes'
import { createOutbox } from './outbox'
import { createOutboxQueue } from './outbox-queue'
import { createPendingLeads } from './pending-lead'

function setup() {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db)
  const outbox = createOutbox(db)
  return { db, outbox, pending: createPendingLeads(db, outbox), queue: createOutboxQueue(db) }
}

const full = {
  title: 'Fair contact',
  person: { kind: 'new' as const, name: 'Nora Fair', email: 'nora@fair.example' },
  organization: { kind: 'existing' as const, id: 7 },
  value: { amount: 5000, currency: 'EUR' },
  labelIds: ['f08b42a0-4e75-11ea-9643-03698ef1cfd6'],
  expectedCloseDate: '2026-12-24',
  note: 'Call in January',
}

describe('a lead waiting in the outbox, as a draft', () => {
  it('gives back the draft it was captured from, across its rows', () => {
    const { outbox, pending } = setup()
    const lead = outbox.enqueueLead(full)
    expect(pending.draftOf(lead.id)).toEqual(full)
  })

  it('writes an edit back: the lead, its new person and its note', () => {
    const { outbox, pending } = setup()
    const lead = outbox.enqueueLead(full)
    pending.edit(lead.id, {
      ...full,
      title: 'Fair contact (Nora)',
      person: { kind: 'new', name: 'Nora Fairweather', phone: '+49 30 1' },
      note: 'Call on Monday',
    })
    expect(pending.draftOf(lead.id)).toEqual({
      ...full,
      title: 'Fair contact (Nora)',
      person: { kind: 'new', name: 'Nora Fairweather', phone: '+49 30 1' },
      note: 'Call on Monday',
    })
    expect(outbox.list().filter((row) => row.state !== 'cancelled')).toHaveLength(3)
  })

  it('keeps which queued person was chosen out of the person it writes', () => {
    const { outbox, pending } = setup()
    const lead = outbox.enqueueLead(full)
    const person = { kind: 'new' as const, name: 'Nora Fair', queuedAs: lead.dependsOn[0]! }
    pending.edit(lead.id, { ...full, person })
    expect(pending.draftOf(lead.id)?.person).toEqual({ kind: 'new', name: 'Nora Fair' })
  })

  it('drops a queued new person for an existing one, and adds one the other way', () => {
    const { outbox, pending, queue } = setup()
    const lead = outbox.enqueueLead(full)
    const [person] = lead.dependsOn
    pending.edit(lead.id, { ...full, person: { kind: 'existing', id: 3 }, note: undefined })
    expect(outbox.get(person!)?.state).toBe('cancelled')
    expect(outbox.get(lead.id)?.dependsOn).toEqual([])
    // Nothing holds the lead back now: it is the first row ready.
    expect(queue.ready('a', 1)).toEqual([{ id: lead.id }])
    expect(outbox.list().find((row) => row.kind === 'note.create')?.state).toBe('cancelled')

    pending.edit(lead.id, { ...full, organization: { kind: 'new', name: 'Fair GmbH' } })
    expect(pending.draftOf(lead.id).organization).toEqual({ kind: 'new', name: 'Fair GmbH' })
  })

  it('makes a new person in the organization Pipedrive has that the lead names, through edits', () => {
    const { db, outbox, pending } = setup()
    const lead = outbox.enqueueLead(full)
    const [person] = lead.dependsOn
    const worksAt = () =>
      (
        JSON.parse(
          db.prepare('SELECT payload FROM outbox WHERE id = ?').pluck().get(person) as string,
        ) as { orgId?: number }
      ).orgId
    expect(worksAt()).toBe(7)
    expect(pending.draftOf(lead.id)).toEqual(full)
    pending.edit(lead.id, { ...full, organization: { kind: 'existing', id: 9 } })
    expect(worksAt()).toBe(9)
    pending.edit(lead.id, { ...full, organization: undefined })
    expect(worksAt()).toBeUndefined()
  })

  it('keeps a new person in step with the new organization through edits', () => {
    const { outbox, pending, queue } = setup()
    const both = { ...full, organization: { kind: 'new' as const, name: 'Fair GmbH' } }
    const lead = outbox.enqueueLead(both)
    const [person, firstOrganization] = lead.dependsOn
    expect(outbox.get(person!)?.dependsOn).toEqual([firstOrganization])

    // An organization already in Pipedrive: the person no longer waits for the dropped one.
    pending.edit(lead.id, { ...full })
    expect(outbox.get(firstOrganization!)?.state).toBe('cancelled')
    expect(outbox.get(person!)?.dependsOn).toEqual([])
    expect(queue.ready('a', 10)).toEqual([{ id: person }])

    // A new organization again: the person waits for that one.
    pending.edit(lead.id, both)
    const organization = outbox.get(lead.id)!.dependsOn.find((id) => id !== person)
    expect(outbox.get(organization!)).toMatchObject({ kind: 'organization.create' })
    expect(outbox.get(person!)?.dependsOn).toEqual([organization])
    expect(queue.ready('a', 10)).toEqual([{ id: organization }])
  })

  it('gives back its next activity as the user said it, and queues an edit of it anew', () => {
    const { outbox, pending } = setup()
    const activity = { type: 'call', subject: 'Call Nora', dueDate: '2026-12-11', dueTime: '10:00' }
    const lead = outbox.enqueueLead({ ...full, activity })
    expect(pending.draftOf(lead.id).activity).toEqual(activity)
    const first = outbox.list().find((row) => row.kind === 'activity.create')!
    expect(first.dependsOn).toEqual([lead.id, ...outbox.get(lead.id)!.dependsOn].sort())

    pending.edit(lead.id, { ...full, activity: { ...activity, dueDate: '2026-12-14' } })
    expect(outbox.get(first.id)?.state).toBe('cancelled')
    expect(pending.draftOf(lead.id).activity).toEqual({ ...activity, dueDate: '2026-12-14' })

    pending.edit(lead.id, full)
    expect(pending.draftOf(lead.id)).toEqual(full)
    expect(
      outbox.list().filter((row) => row.kind === 'activity.create' && row.state !== 'cancelled'),
    ).toEqual([])
  })

  it('refuses to edit what is gone or on its way', () => {
    const { outbox, pending, queue } = setup()
    const lead = outbox.enqueueLead({ title: 'x', organization: { kind: 'existing', id: 1 } })
    queue.claim(lead.id, 'a')
    expect(() =>
      pending.edit(lead.id, { title: 'y', organization: { kind: 'existing', id: 1 } }),
    ).toThrow(/being sent/)
    expect(() => pending.draftOf(999)).toThrow(/no longer waiting/)
  })

  it("leaves the notes and activities added on the lead's pane to the lead, through edits", () => {
    const { db, outbox, pending } = setup()
    const pane = createActivityChanges(db, outbox)
    const lead = outbox.enqueueLead({ ...full, note: undefined })
    const note = pane.addNote({ lead: { outboxId: lead.id }, content: 'Met at the fair' })
    const call = pane.addActivity({
      lead: { outboxId: lead.id },
      leadTitle: full.title,
      activity: { type: 'call', subject: 'Call Nora', dueDate: '2026-12-11' },
    })
    // The pane's rows are no part of the draft the lead was captured from.
    expect(pending.draftOf(lead.id)).toEqual({ ...full, note: undefined })

    pending.edit(lead.id, { ...full, note: undefined, title: 'Fair contact (Nora)' })
    expect(outbox.get(note.id)?.state).toBe('queued')
    expect(outbox.get(call.id)?.state).toBe('queued')

    // The draft's own note and activity come and go beside them.
    const activity = { type: 'meeting', subject: 'Visit', dueDate: '2026-12-12' }
    pending.edit(lead.id, { ...full, activity })
    expect(pending.draftOf(lead.id)).toEqual({ ...full, activity })
    pending.edit(lead.id, { ...full, note: undefined })
    expect(pending.draftOf(lead.id)).toEqual({ ...full, note: undefined })
    const live = outbox
      .list()
      .filter((row) => row.state === 'queued' && row.kind !== 'lead.create')
      .map((row) => row.title)
    expect(live.sort()).toEqual(['Call Nora', 'Met at the fair', 'Nora Fair'])
  })

  it("gives the activities added on the lead's pane the lead's new person", () => {
    const { db, outbox, pending } = setup()
    const pane = createActivityChanges(db, outbox)
    const lead = outbox.enqueueLead(full)
    const [nora] = lead.dependsOn
    const call = pane.addActivity({
      lead: { outboxId: lead.id },
      leadTitle: full.title,
      activity: { type: 'call', subject: 'Call Nora', dueDate: '2026-12-11' },
    })
    expect(call.dependsOn).toEqual([nora, lead.id].sort())
    const personOf = (id: number) =>
      (
        JSON.parse(
          db
            .prepare<[number], { payload: string }>('SELECT payload FROM outbox WHERE id = ?')
            .get(id)!.payload,
        ) as { personId?: number }
      ).personId

    pending.edit(lead.id, { ...full, person: { kind: 'existing', id: 3 } })
    // Not sent for an activity alone: nobody wants Nora any more.
    expect(outbox.get(nora!)?.state).toBe('cancelled')
    expect(outbox.get(call.id)?.dependsOn).toEqual([lead.id])
    expect(personOf(call.id)).toBe(3)

    pending.edit(lead.id, { ...full, person: { kind: 'new', name: 'Nils Fair' } })
    const [nils] = outbox.get(lead.id)!.dependsOn
    expect(outbox.get(call.id)?.dependsOn).toEqual([nils, lead.id].sort())
    expect(personOf(call.id)).toBeUndefined()
  })

  it('shows the changes queued for it since, and an edit takes their place', () => {
    const { db, outbox, pending } = setup()
    const changes = createLeadChanges(db, outbox)
    const size = 'a'.repeat(40)
    const region = 'b'.repeat(40)
    const lead = outbox.enqueueLead({ ...full, customFields: { [size]: 12, [region]: 'North' } })
    const rename = changes.enqueue({
      kind: 'update',
      lead: { outboxId: lead.id },
      after: { title: 'Renamed', value: null, personId: 4, customFields: { [size]: 40 } },
      before: { title: full.title },
    })
    const renamed = {
      ...full,
      title: 'Renamed',
      value: undefined,
      person: { kind: 'existing', id: 4 },
      customFields: { [size]: 40, [region]: 'North' },
    }
    expect(pending.draftOf(lead.id)).toEqual(renamed)

    // Left queued behind the create, the older change would undo this edit.
    pending.edit(lead.id, { ...renamed, title: 'Fair contact, final' })
    expect(outbox.get(rename.id)?.state).toBe('cancelled')
    expect(pending.draftOf(lead.id)).toEqual({ ...renamed, title: 'Fair contact, final' })
  })

  describe('a new person another waiting lead also waits for', () => {
    const jane = { kind: 'new' as const, name: 'Jane Doe', email: 'jane@acme.example' }
    function twoLeadsOneJane() {
      const rig = setup()
      const first = rig.outbox.enqueueLead({ title: 'First', person: jane })
      // The same email: the second lead waits for the person the first one queued.
      const second = rig.outbox.enqueueLead({ title: 'Second', person: jane })
      const [person] = first.dependsOn
      expect(second.dependsOn).toEqual([person])
      const live = () =>
        rig.outbox.list().filter((row) => row.kind === 'person.create' && row.state !== 'cancelled')
      return { ...rig, first, second, person: person!, live }
    }

    it('stays queued for the other lead when one lead switches to someone else', () => {
      const { pending, outbox, queue, first, second, person } = twoLeadsOneJane()
      pending.edit(first.id, { title: 'First', person: { kind: 'existing', id: 3 } })
      expect(outbox.get(person)?.state).toBe('queued')
      expect(outbox.get(second.id)?.dependsOn).toEqual([person])
      expect(pending.draftOf(second.id).person).toEqual(jane)
      expect(queue.ready('a', 10).map((row) => row.id)).toEqual([person, first.id])

      // Let go by the last lead that wanted her, she is not sent on her own.
      pending.edit(second.id, { title: 'Second', organization: { kind: 'existing', id: 7 } })
      expect(outbox.get(person)?.state).toBe('cancelled')
    })

    it('is not renamed under the other lead: a new name here is a new person', () => {
      const { pending, first, second, person, live } = twoLeadsOneJane()
      pending.edit(first.id, { title: 'First', person: { kind: 'new', name: 'Tom Lee' } })
      expect(pending.draftOf(second.id).person).toEqual(jane)
      expect(pending.draftOf(first.id).person).toEqual({ kind: 'new', name: 'Tom Lee' })
      expect(
        live()
          .map((row) => row.title)
          .sort(),
      ).toEqual(['Jane Doe', 'Tom Lee'])
      expect(live().find((row) => row.title === 'Jane Doe')?.id).toBe(person)
    })

    it('takes details added under her own name, for both leads, as one person', () => {
      const { pending, first, second, live } = twoLeadsOneJane()
      const withPhone = { ...jane, phone: '+49 30 1234567' }
      pending.edit(first.id, { title: 'First', person: withPhone })
      expect(live()).toHaveLength(1)
      expect(pending.draftOf(second.id).person).toEqual(withPhone)
    })

    it('keeps the organization she was queued in when one lead changes its own', () => {
      const { pending, outbox, first, person } = twoLeadsOneJane()
      pending.edit(first.id, {
        title: 'First',
        person: jane,
        organization: { kind: 'new', name: 'Acme GmbH' },
      })
      expect(outbox.get(person)?.dependsOn).toEqual([])
    })

    it('lets a lead take another waiting person chosen for it, and drops the one nobody wants', () => {
      const { pending, outbox } = setup()
      const nora = outbox.enqueueLead(full)
      const [noraRow] = nora.dependsOn
      const other = outbox.enqueueLead({ title: 'Other', person: { kind: 'new', name: 'Ann Lim' } })
      const [annRow] = other.dependsOn
      pending.edit(nora.id, {
        ...full,
        person: { kind: 'new', name: 'Ann Lim', queuedAs: annRow! },
      })
      expect(outbox.get(nora.id)?.dependsOn).not.toContain(noraRow)
      expect(outbox.get(nora.id)?.dependsOn).toContain(annRow)
      expect(outbox.get(noraRow!)?.state).toBe('cancelled')
      expect(outbox.get(annRow!)?.state).toBe('queued')
    })
  })
})
