import { z } from 'zod'

/** What the inbox needs of a Pipedrive activity: whose it is, when it is due, whether open. */
export interface LeadActivity {
  id: number
  leadId: string | null
  /**
   * 'YYYY-MM-DD' for a day, 'YYYY-MM-DDTHH:MM' with a time (UTC, as Pipedrive keeps it), so
   * one text order sorts both, a day before its hours as Pipedrive orders them; null: undated.
   */
  due: string | null
  /** Not done and not deleted: it can be a lead's next activity. */
  open: boolean
}

const activitySchema = z.looseObject({
  id: z.number().int().positive(),
  lead_id: z.string().nullish(),
  due_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullish()
    .catch(null),
  due_time: z
    .string()
    .regex(/^\d{2}:\d{2}(:\d{2})?$/)
    .nullish()
    .catch(null),
  done: z.boolean().nullish(),
  is_deleted: z.boolean().nullish(),
})

/** One activity of a v2 listing, or null when it is not one the inbox can read. */
export function parseActivity(raw: unknown): LeadActivity | null {
  const parsed = activitySchema.safeParse(raw)
  if (!parsed.success) return null
  const activity = parsed.data
  const day = activity.due_date ?? null
  const time = activity.due_time ? activity.due_time.slice(0, 5) : null
  return {
    id: activity.id,
    leadId: activity.lead_id ?? null,
    due: day === null ? null : time === null ? day : `${day}T${time}`,
    open: activity.done !== true && activity.is_deleted !== true,
  }
}
