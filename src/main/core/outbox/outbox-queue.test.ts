import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../db/migrate'
import { createOutbox } from './outbox'
import { createOutboxQueue } from './outbox-queue'

function setup() {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db)
  let clock = 10_000
  const now = () => clock
  return {
    db,
    outbox: createOutbox(db, now),
    queue: createOutboxQueue(db, now),
    tick: (ms: number) => (clock += ms),
  }
}

const withNewPerson = {
  title: 'Fair contact',
  person: { kind: 'new' as const, name: 'Jane Doe' },
  note: 'Call back',
}

describe('the outbox queue', () => {
  it('sends a new person after the new organization named with it, with its id', () => {
    const { outbox, queue } = setup()
    const lead = outbox.enqueueLead({
      title: 'Pilot',
      person: { kind: 'new', name: 'Mia Wong', email: 'mia@globex.example' },
      organization: { kind: 'new', name: 'Globex' },
    })
    const [person, organization] = lead.dependsOn
    expect(outbox.get(person!)).toMatchObject({ kind: 'person.create', dependsOn: [organization] })
    expect(queue.ready('acct', 10)).toEqual([{ id: organization }])
    queue.claim(organization!, 'acct')
    queue.settle(organization!, { to: 'sent', remoteId: '77' })

    expect(queue.ready('acct', 10)).toEqual([{ id: person }])
    expect(queue.claim(person!, 'acct')).toMatchObject({
      payload: { name: 'Mia Wong', email: 'mia@globex.example' },
      parents: { organization: '77' },
    })
    queue.settle(person!, { to: 'sent', remoteId: '501' })
    expect(queue.claim(lead.id, 'acct')).toMatchObject({
      parents: { person: '501', organization: '77' },
    })
  })

  it('leaves a new person alone with an organization already in Pipedrive', () => {
    const { outbox, queue } = setup()
    const lead = outbox.enqueueLead({
      title: 'Pilot',
      person: { kind: 'new', name: 'Mia Wong' },
      organization: { kind: 'existing', id: 7 },
    })
    const [person] = lead.dependsOn
    expect(outbox.get(person!)?.dependsOn).toEqual([])
    expect(queue.ready('acct', 10)).toEqual([{ id: person }])
  })

  it('offers a row only once its parents are sent, with their Pipedrive ids', () => {
    const { outbox, queue } = setup()
    const lead = outbox.enqueueLead(withNewPerson)
    const [person] = lead.dependsOn
    expect(queue.ready('acct', 10)).toEqual([{ id: person }])
    expect(queue.claim(lead.id, 'acct')).toBeUndefined()

    const claimed = queue.claim(person!, 'acct')!
    expect(claimed).toMatchObject({ kind: 'person.create', previousState: 'queued', attempts: 1 })
    expect(claimed.payload).toEqual({ name: 'Jane Doe' })
    expect(queue.ready('acct', 10)).toEqual([])
    queue.settle(person!, { to: 'sent', remoteId: '501' })

    expect(queue.ready('acct', 10)).toEqual([{ id: lead.id }])
    expect(queue.claim(lead.id, 'acct')).toMatchObject({ parents: { person: '501' } })
    queue.settle(lead.id, { to: 'sent', remoteId: 'lead-uuid' })
    const note = queue.ready('acct', 10)[0]!
    expect(queue.claim(note.id, 'acct')).toMatchObject({
      kind: 'note.create',
      parents: { lead: 'lead-uuid' },
    })
  })

  it('keeps capture order, waits out backoffs, and answers when the next row is due', () => {
    const { outbox, queue, tick } = setup()
    const first = outbox.enqueueLead({ title: 'a', organization: { kind: 'existing', id: 1 } })
    const second = outbox.enqueueLead({ title: 'b', organization: { kind: 'existing', id: 1 } })
    expect(queue.ready('acct', 10).map((row) => row.id)).toEqual([first.id, second.id])
    queue.claim(first.id, 'acct')
    queue.settle(first.id, { to: 'queued', nextAttemptAt: 15_000, error: 'refused' })
    expect(queue.ready('acct', 10).map((row) => row.id)).toEqual([second.id])
    queue.claim(second.id, 'acct')
    queue.settle(second.id, { to: 'needs_attention', error: 'bad', status: 400 })
    expect(queue.nextDue('acct')).toBe(15_000)
    tick(5_000)
    expect(queue.ready('acct', 10).map((row) => row.id)).toEqual([first.id])
    expect(outbox.get(first.id)).toMatchObject({
      state: 'queued',
      lastError: 'refused',
      attempts: 1,
    })
  })

  it('binds a row to the account that first sends it, and hides it from others', () => {
    const { outbox, queue } = setup()
    const lead = outbox.enqueueLead({ title: 'a', organization: { kind: 'existing', id: 1 } })
    queue.claim(lead.id, 'company-1:user-1')
    queue.settle(lead.id, { to: 'queued', nextAttemptAt: 0, error: 'x' })
    expect(queue.ready('company-2:user-9', 10)).toEqual([])
    expect(queue.claim(lead.id, 'company-2:user-9')).toBeUndefined()
    expect(queue.ready('company-1:user-1', 10)).toEqual([{ id: lead.id }])
  })

  it('turns rows left sending by a crash into lost attempts, offered only once they cannot land', () => {
    const { outbox, queue, tick } = setup()
    const lead = outbox.enqueueLead({ title: 'a', organization: { kind: 'existing', id: 1 } })
    queue.claim(lead.id, 'acct')
    tick(1_000)
    expect(queue.recoverInterrupted()).toBe(1)
    expect(outbox.get(lead.id)?.state).toBe('uncertain')
    // The killed attempt began at 10,000; it may land until the window has passed.
    const { landingWindowMs } = queue.timing
    expect(queue.nextDue('acct')).toBe(10_000 + landingWindowMs)
    expect(queue.ready('acct', 10)).toEqual([])
    queue.clearBackoff()
    expect(queue.ready('acct', 10)).toEqual([])
    tick(landingWindowMs - 1_000)
    expect(queue.claim(lead.id, 'acct')).toMatchObject({
      previousState: 'uncertain',
      attempts: 2,
      lost: { firstAt: 10_000, lastAt: 10_000 },
    })
  })

  it('keeps the first lost attempt through later ones and lookups, until the row is sent', () => {
    const { outbox, queue, tick } = setup()
    const lead = outbox.enqueueLead({ title: 'a', organization: { kind: 'existing', id: 1 } })
    const { landingWindowMs } = queue.timing
    queue.claim(lead.id, 'acct')
    queue.settle(lead.id, { to: 'uncertain', error: 'reset' })
    tick(landingWindowMs)
    // A lookup that fails (a read's 503) leaves the lost attempt as it was.
    queue.claim(lead.id, 'acct')
    queue.settle(lead.id, { to: 'queued', nextAttemptAt: 0, error: '503' })
    expect(outbox.get(lead.id)?.state).toBe('uncertain')
    tick(1)
    // A second lost attempt: the window still starts at the first.
    expect(queue.claim(lead.id, 'acct')?.lost).toEqual({ firstAt: 10_000, lastAt: 10_000 })
    queue.settle(lead.id, { to: 'uncertain', error: 'timeout' })
    const second = 10_000 + landingWindowMs + 1
    expect(queue.nextDue('acct')).toBe(second + landingWindowMs)
    tick(landingWindowMs)
    expect(queue.claim(lead.id, 'acct')?.lost).toEqual({ firstAt: 10_000, lastAt: second })
    queue.settle(lead.id, { to: 'sent', remoteId: 'x' })
    expect(outbox.get(lead.id)).toMatchObject({ state: 'sent', remoteId: 'x' })
  })

  it('lets one row adopt a found record, and another row of its kind not the same one', () => {
    const { outbox, queue } = setup()
    const first = outbox.enqueueLead({ title: 'a', person: { kind: 'new', name: 'Jo' } })
    const second = outbox.enqueueLead({ title: 'b', person: { kind: 'new', name: 'Jo' } })
    const [one, two] = [first.dependsOn[0]!, second.dependsOn[0]!]
    expect(queue.adopt(one, ['7', '8'])).toBe('7')
    expect(queue.adopt(two, ['7', '8'])).toBe('8')
    expect(queue.adopt(two, ['7'])).toBeUndefined()
    // Looking again, a row finds its own.
    expect(queue.adopt(one, ['7', '8'])).toBe('7')
  })

  it('lets every backed-off row go when the network comes back', () => {
    const { outbox, queue } = setup()
    const lead = outbox.enqueueLead({ title: 'a', organization: { kind: 'existing', id: 1 } })
    queue.claim(lead.id, 'acct')
    queue.settle(lead.id, { to: 'queued', nextAttemptAt: 999_999, error: 'offline' })
    expect(queue.ready('acct', 10)).toEqual([])
    queue.clearBackoff()
    expect(queue.ready('acct', 10)).toEqual([{ id: lead.id }])
  })

  it('never offers a row whose parent was cancelled', () => {
    const { outbox, queue } = setup()
    const lead = outbox.enqueueLead(withNewPerson)
    outbox.discard(lead.dependsOn[0]!)
    expect(queue.ready('acct', 10)).toEqual([])
    expect(outbox.get(lead.id)?.state).toBe('cancelled')
  })
})
