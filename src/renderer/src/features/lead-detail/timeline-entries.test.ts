import { describe, expect, it } from 'vitest'
import type { TimelineActivity } from '../../../../shared/leads/lead-timeline'
import { formatDue, isOverdue, orderedActivities, orderedNotes } from './timeline-entries'

const activity = (overrides: Partial<TimelineActivity>): TimelineActivity => ({
  id: 1,
  type: 'call',
  typeName: 'Call',
  subject: 'Call',
  dueDate: '2026-12-10',
  dueTime: null,
  done: false,
  doneWaiting: false,
  ...overrides,
})

describe('an activity of the lead', () => {
  it('is overdue once its time (kept in UTC) has gone by', () => {
    const due = activity({ dueDate: '2026-12-10', dueTime: '10:00' })
    expect(isOverdue(due, new Date('2026-12-10T09:59:00Z'))).toBe(false)
    expect(isOverdue(due, new Date('2026-12-10T10:01:00Z'))).toBe(true)
  })

  it('without a time, is overdue only once its day is over', () => {
    const due = activity({ dueDate: '2026-12-10' })
    expect(isOverdue(due, new Date(2026, 11, 10, 23, 59))).toBe(false)
    expect(isOverdue(due, new Date(2026, 11, 11, 0, 1))).toBe(true)
  })

  it('done, or with no due date, is never overdue', () => {
    const now = new Date(2027, 0, 1)
    expect(isOverdue(activity({ done: true }), now)).toBe(false)
    expect(isOverdue(activity({ dueDate: null }), now)).toBe(false)
  })

  it('says its due day and time in the given language, by the local clock', () => {
    const utc = new Date(Date.UTC(2026, 11, 10, 10, 0))
    const local = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' }).format(utc)
    expect(formatDue('2026-12-10', '10:00', 'en-GB')).toContain(local)
    expect(formatDue('2026-12-10', null, 'de-DE')).toBe('10.12.2026')
    expect(formatDue(null, null)).toBe('No due date')
  })

  it('lists open ones first, soonest first, then done ones, latest first', () => {
    const { open, done } = orderedActivities([
      activity({ id: 1, dueDate: '2026-12-12' }),
      activity({ id: 2, dueDate: null }),
      activity({ id: 3, dueDate: '2026-12-09', dueTime: '08:00' }),
      activity({ id: 4, dueDate: '2026-11-01', done: true }),
      activity({ id: 5, dueDate: '2026-11-20', done: true }),
    ])
    expect(open.map((a) => a.id)).toEqual([3, 1, 2])
    expect(done.map((a) => a.id)).toEqual([5, 4])
  })
})

describe('the notes of the lead', () => {
  it('come newest first', () => {
    const notes = orderedNotes([
      { id: 1, content: 'old', addTime: 1 },
      { id: 2, content: 'new', addTime: 3 },
      { id: 3, content: 'middle', addTime: 2 },
    ])
    expect(notes.map((n) => n.content)).toEqual(['new', 'middle', 'old'])
  })
})
