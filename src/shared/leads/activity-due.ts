import { localDay } from '../local-day'
import { dueInLocal } from './next-activity'

/**
 * When a lead's next activity is due, as the inbox keeps it: 'YYYY-MM-DD' for a day,
 * 'YYYY-MM-DDTHH:MM' with a time in UTC (as Pipedrive keeps it).
 */
export type ActivityDue = string

/**
 * The two moments "overdue" is measured against: today in local time for an activity due on
 * a day, and the current minute in UTC for one due at a time.
 */
export function overdueBounds(now: number): { today: string; minute: string } {
  const date = new Date(now)
  return {
    today: localDay(date),
    minute: date.toISOString().slice(0, 16),
  }
}

/**
 * Overdue: due on a day before today, or at a time already past (today's included), in the
 * user's time zone. One rule for the rows and for the inbox's filter.
 */
export function isOverdue(due: ActivityDue, now: number): boolean {
  const { today, minute } = overdueBounds(now)
  return due.length === 10 ? due < today : due < minute
}

/** The due day and time as the user's clock shows them (`2026-12-03` and `10:00`). */
export function localDue(due: ActivityDue): { day: string; time?: string } {
  const local = dueInLocal(due.slice(0, 10), due.length > 10 ? due.slice(11, 16) : undefined)
  return { day: local.dueDate, ...(local.dueTime ? { time: local.dueTime } : {}) }
}
