import type { TimelineActivity, TimelineNote } from '../../../../shared/leads/lead-timeline'
import { localDay } from '../../../../shared/local-day'
import { dueInLocal } from '../../../../shared/leads/next-activity'

/**
 * Past due: its time has gone by, or, without a time, its day is over. Pipedrive keeps the
 * time in UTC; a day without a time is the same day everywhere.
 */
export function isOverdue(
  activity: Pick<TimelineActivity, 'dueDate' | 'dueTime' | 'done'>,
  now: Date,
): boolean {
  if (activity.done || !activity.dueDate) return false
  if (activity.dueTime) {
    return Date.parse(`${activity.dueDate}T${activity.dueTime}:00Z`) < now.getTime()
  }
  return activity.dueDate < localDay(now)
}

/** When it is due, by the user's clock and in the user's words: `12 Dec 2026, 10:00`. */
export function formatDue(dueDate: string | null, dueTime: string | null, locale?: string): string {
  if (!dueDate) return 'No due date'
  const local = dueInLocal(dueDate, dueTime ?? undefined)
  const [year, month, day] = local.dueDate.split('-').map(Number) as [number, number, number]
  if (local.dueTime === undefined) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(
      new Date(year, month - 1, day),
    )
  }
  const [hours, minutes] = local.dueTime.split(':').map(Number) as [number, number]
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(year, month - 1, day, hours, minutes),
  )
}

const dueKey = (a: TimelineActivity) => `${a.dueDate ?? '9999-99-99'}T${a.dueTime ?? '99:99'}`

/** Open activities first, soonest due first (no due date last); then done ones, latest first. */
export function orderedActivities(activities: readonly TimelineActivity[]): {
  open: TimelineActivity[]
  done: TimelineActivity[]
} {
  const open = activities.filter((a) => !a.done)
  const done = activities.filter((a) => a.done)
  open.sort((a, b) => dueKey(a).localeCompare(dueKey(b)) || a.id - b.id)
  done.sort((a, b) => dueKey(b).localeCompare(dueKey(a)) || b.id - a.id)
  return { open, done }
}

/** Newest first. */
export function orderedNotes(notes: readonly TimelineNote[]): TimelineNote[] {
  return [...notes].sort((a, b) => b.addTime - a.addTime || b.id - a.id)
}
