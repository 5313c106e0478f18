import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../db/migrate'
import { createOutbox } from './outbox'
import { createOutboxQueue } from './outbox-queue'
import { createPendingLeads } from './pending-lead'

function setup() {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db)
  const outbox = createOutbox(db)
  return { outbox, pending: createPendingLeads(db, outbox), queue: createOutboxQueue(db) }
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
})
