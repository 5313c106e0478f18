import { z } from 'zod'
import { localDay, localTime } from '../local-day'
import { isoDateSchema } from './iso-date'

/**
 * The next thing to do about a lead, as quick add reads it from `call fri 10am`: one of the
 * company's activity types (by its key), a due day and maybe a time. Pipedrive makes it an
 * activity on the lead, with the lead's person as its participant.
 */
export const nextActivitySchema = z
  .object({
    /** The activity type's key_string, e.g. `call`. */
    type: z.string().trim().min(1, 'Choose an activity type').max(100),
    /** Left out: the type's name and the lead's title. */
    subject: z.string().trim().min(1).max(255).optional(),
    dueDate: isoDateSchema,
    /** 24-hour `HH:MM`, in the user's time zone as Pipedrive's web app shows it. */
    dueTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 14:30')
      .optional(),
  })
  .strict()
export type NextActivity = z.infer<typeof nextActivitySchema>

/** The subject an activity gets when the user gave none: `Call – ACME fleet`. */
export function defaultActivitySubject(typeName: string, leadTitle: string): string {
  return `${typeName} – ${leadTitle}`.slice(0, 255)
}

/**
 * Pipedrive keeps an activity's due time in UTC (its v1 spec says so; v2 shares the
 * records), while the user says it in local time. A day without a time stays that day.
 */
export function dueInUtc(
  dueDate: string,
  dueTime: string | undefined,
): { dueDate: string; dueTime?: string } {
  if (dueTime === undefined) return { dueDate }
  const [year, month, day] = dueDate.split('-').map(Number) as [number, number, number]
  const [hours, minutes] = dueTime.split(':').map(Number) as [number, number]
  const utc = new Date(year, month - 1, day, hours, minutes).toISOString()
  return { dueDate: utc.slice(0, 10), dueTime: utc.slice(11, 16) }
}

/** The other way: a due day and UTC time from Pipedrive, as the user's clock shows them. */
export function dueInLocal(
  dueDate: string,
  dueTime: string | undefined,
): { dueDate: string; dueTime?: string } {
  if (dueTime === undefined) return { dueDate }
  const local = new Date(`${dueDate}T${dueTime.slice(0, 5)}:00Z`)
  return { dueDate: localDay(local), dueTime: localTime(local) }
}
