import { describe, expect, it } from 'vitest'
import { outboxRow } from '../../testing/outbox-row'
import {
  canDiscard,
  canRetry,
  discardWarning,
  formatMoment,
  formatNextTry,
  kindWords,
  stateWords,
  waitsFor,
} from './outbox-rows'

const row = outboxRow

describe('words', () => {
  it('names kinds and states in plain words', () => {
    expect(kindWords['person.create']).toBe('New person')
    expect(kindWords['note.create']).toBe('Note')
    expect(stateWords.uncertain).toBe('Checking Pipedrive')
    expect(stateWords.needs_attention).toBe('Needs attention')
  })
})

describe('actions', () => {
  it('offers retry and discard only where main allows them', () => {
    const states = [
      'queued',
      'sending',
      'uncertain',
      'sent',
      'needs_attention',
      'cancelled',
    ] as const
    expect(states.filter((state) => canRetry(row(1, { state })))).toEqual([
      'queued',
      'needs_attention',
    ])
    expect(states.filter((state) => canDiscard(row(1, { state })))).toEqual([
      'queued',
      'uncertain',
      'needs_attention',
    ])
  })
})

describe('dependencies', () => {
  const person = row(1, { kind: 'person.create', title: 'Jane Doe' })
  const lead = row(2, { title: 'Acme renewal', dependsOn: [1] })

  it('warns that a discard takes the rows waiting on it along', () => {
    expect(discardWarning(person, [lead, person])).toBe(
      'The new lead “Acme renewal” needs it and will be discarded too.',
    )
    expect(discardWarning(lead, [lead, person])).toBeNull()
    expect(discardWarning(person, [{ ...lead, state: 'cancelled' }, person])).toBeNull()
  })

  it('knows what a row still waits for', () => {
    expect(waitsFor(lead, [lead, person])).toEqual([person])
    expect(waitsFor(lead, [lead, { ...person, state: 'sent' }])).toEqual([])
  })

  it('waits for earlier changes to the same lead, which go first', () => {
    const ref = { remoteId: 'lead-a' }
    const edit = row(3, { kind: 'lead.update', lead: ref, state: 'needs_attention' })
    const archive = row(4, { kind: 'lead.archive', lead: ref })
    const other = row(5, { kind: 'lead.archive', lead: { remoteId: 'lead-b' } })
    const rows = [other, archive, edit]
    expect(waitsFor(archive, rows)).toEqual([edit])
    expect(waitsFor(edit, rows)).toEqual([])
    expect(waitsFor(other, rows)).toEqual([])
    expect(waitsFor(archive, [{ ...edit, state: 'cancelled' }, archive])).toEqual([])
  })
})

describe('moments', () => {
  const now = new Date(2026, 10, 25, 15, 0).getTime()

  it('shows the time alone today and the day otherwise', () => {
    expect(formatMoment(new Date(2026, 10, 25, 14, 55).getTime(), now, 'en-GB')).toBe('14:55')
    expect(formatMoment(new Date(2026, 10, 24, 9, 5).getTime(), now, 'en-GB')).toBe(
      '24 Nov 2026, 09:05',
    )
  })

  it('says a past next try happens as soon as it can', () => {
    expect(formatNextTry(null, now)).toBeNull()
    expect(formatNextTry(now - 1, now)).toBe('as soon as it can')
    expect(formatNextTry(new Date(2026, 10, 25, 15, 30).getTime(), now, 'en-GB')).toBe('15:30')
  })
})
