import { z } from 'zod'
import {
  customFieldKeySchema,
  customFieldValueSchema,
  isoDateSchema,
  leadValueSchema,
  visibleToSchema,
} from './lead-draft'

/**
 * The fields of a lead a change can set, in the product's words. `null` unsets, where
 * Pipedrive's update allows it (value, person, organization, close date).
 */
export const leadFieldsSchema = z
  .object({
    title: z.string().trim().min(1, 'Give the lead a title').max(255),
    personId: z.number().int().positive().nullable(),
    organizationId: z.number().int().positive().nullable(),
    value: leadValueSchema.nullable(),
    ownerId: z.number().int().positive(),
    labelIds: z.array(z.uuid('A label id is a UUID')).max(100),
    expectedCloseDate: isoDateSchema.nullable(),
    visibleTo: visibleToSchema,
    wasSeen: z.boolean(),
    customFields: z.record(customFieldKeySchema, customFieldValueSchema),
  })
  .partial()
  .strict()
export type LeadFields = z.infer<typeof leadFieldsSchema>
export type LeadField = keyof LeadFields

/** A lead already in Pipedrive, or one still in the outbox (its create row). */
export const leadRefSchema = z.union([
  z.object({ remoteId: z.string().min(1).max(64) }).strict(),
  z.object({ outboxId: z.number().int().positive() }).strict(),
])
export type LeadRef = z.infer<typeof leadRefSchema>

export const leadChangeSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('update'),
      lead: leadRefSchema,
      /** Only what the user changed. */
      after: leadFieldsSchema,
      /** The same fields as they were when the user started editing. */
      before: leadFieldsSchema,
      /** The lead's update_time the edit was based on (absent for a lead not yet sent). */
      baseUpdateTime: z.string().max(64).optional(),
    })
    .strict()
    .refine((change) => Object.keys(change.after).length > 0, {
      message: 'Nothing was changed',
      path: ['after'],
    }),
  z.object({ kind: z.literal('archive'), lead: leadRefSchema }).strict(),
  z.object({ kind: z.literal('unarchive'), lead: leadRefSchema }).strict(),
  z.object({ kind: z.literal('delete'), lead: leadRefSchema }).strict(),
  // Into the company's default pipeline: Pipedrive picks it when no stage is given.
  z.object({ kind: z.literal('convert'), lead: leadRefSchema }).strict(),
])
export type LeadChange = z.infer<typeof leadChangeSchema>

/** Pipedrive's names for the fields of a lead. */
export const pipedriveLeadField: Record<Exclude<LeadField, 'customFields'>, string> = {
  title: 'title',
  personId: 'person_id',
  organizationId: 'organization_id',
  value: 'value',
  ownerId: 'owner_id',
  labelIds: 'label_ids',
  expectedCloseDate: 'expected_close_date',
  visibleTo: 'visible_to',
  wasSeen: 'was_seen',
}
