import { z } from 'zod'
import { isoTime } from '../catalog/pipedrive-time'

/** A Pipedrive lead as the inbox cache keeps it. */
export interface CachedLead {
  id: string
  title: string
  ownerId: number | null
  personId: number | null
  organizationId: number | null
  value: { amount: number; currency: string } | null
  expectedCloseDate: string | null
  /** Pipedrive's visibility value ('1', '3', '5', '7'). */
  visibleTo: string | null
  wasSeen: boolean
  isArchived: boolean
  /** ISO 8601 with milliseconds, so they sort as text. */
  addTime: string
  updateTime: string
  labelIds: string[]
  customFields: Record<string, unknown>
  /** Pipedrive's next activity of the lead (its earliest open one); its due date is not here. */
  nextActivityId: number | null
}

// v1 leads carry custom field values as top-level keys named by the field's 40-digit hash;
// monetary and address fields add `<key>_currency`, `<key>_locality` and the like.
const customKey = /^[0-9a-f]{40}(_[a-z_]+)?$/

const leadSchema = z.looseObject({
  id: z.string().min(1),
  title: z.string(),
  owner_id: z.number().int().nullish(),
  person_id: z.number().int().nullish(),
  organization_id: z.number().int().nullish(),
  label_ids: z.array(z.string()).nullish(),
  value: z.looseObject({ amount: z.number(), currency: z.string() }).nullish(),
  expected_close_date: z.string().nullish(),
  visible_to: z.string().nullish(),
  was_seen: z.boolean().nullish(),
  is_archived: z.boolean().nullish(),
  add_time: z.string(),
  update_time: z.string(),
  next_activity_id: z.number().int().positive().nullish(),
})

/** One lead of a Pipedrive list, or null when it is not one the inbox can show. */
export function parseLead(raw: unknown, archivedList: boolean): CachedLead | null {
  const parsed = leadSchema.safeParse(raw)
  if (!parsed.success) return null
  const lead = parsed.data
  const addTime = isoTime(lead.add_time)
  const updateTime = isoTime(lead.update_time)
  if (!addTime || !updateTime) return null
  const customFields: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(lead)) {
    if (customKey.test(key)) customFields[key] = value
  }
  return {
    id: lead.id,
    title: lead.title,
    ownerId: lead.owner_id ?? null,
    personId: lead.person_id ?? null,
    organizationId: lead.organization_id ?? null,
    value: lead.value ? { amount: lead.value.amount, currency: lead.value.currency } : null,
    expectedCloseDate: lead.expected_close_date ?? null,
    visibleTo: lead.visible_to ?? null,
    wasSeen: lead.was_seen === true,
    // The list it came from decides: /leads holds only live leads, /leads/archived the rest.
    isArchived: archivedList || lead.is_archived === true,
    addTime,
    updateTime,
    labelIds: lead.label_ids ?? [],
    customFields,
    nextActivityId: lead.next_activity_id ?? null,
  }
}
