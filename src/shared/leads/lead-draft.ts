import { z } from 'zod'
import { isoDateSchema } from './iso-date'
import { nextActivitySchema } from './next-activity'

/**
 * A lead as the user describes it, before Pipedrive has it. The one schema the forms, the
 * quick-add window and main's enqueue all check, with the rules Pipedrive's add-lead applies
 * (see `addLeadRequest` in Pipedrive's API v1), so a draft that passes here is one Pipedrive
 * accepts, save for facts only it knows (a deleted person, a removed label).
 */

export { isoDateSchema }

/** Pipedrive's visibility values; what each means depends on the company's plan. */
export const visibilityValues = ['1', '3', '5', '7'] as const
export const visibleToSchema = z.enum(visibilityValues, {
  error: 'Visibility is one of "1", "3", "5" or "7"',
})

const name = z.string().trim().min(1, 'A name is needed').max(255)

export const personRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('existing'), id: z.number().int().positive() }),
  z.object({
    kind: z.literal('new'),
    name,
    email: z.email('This is not an email address').optional(),
    phone: z.string().trim().min(3).max(64).optional(),
    /**
     * The outbox row of this same person, queued by an earlier lead and chosen by the user:
     * the lead waits for that row instead of making the person twice.
     */
    queuedAs: z.number().int().positive().optional(),
  }),
])
export type PersonRef = z.infer<typeof personRefSchema>

export const organizationRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('existing'), id: z.number().int().positive() }),
  z.object({ kind: z.literal('new'), name }),
])
export type OrganizationRef = z.infer<typeof organizationRefSchema>

export const leadValueSchema = z.object({
  amount: z.number({ error: 'An amount is needed' }).finite().nonnegative(),
  currency: z
    .string({ error: 'A currency is needed' })
    .regex(/^[A-Z0-9]{3,5}$/, 'Use a currency code like EUR'),
})
export type LeadValue = z.infer<typeof leadValueSchema>

/** Deal custom fields, which leads share: 40-character hash keys, `<key>_currency` for money. */
export const customFieldKeySchema = z.string().regex(/^[0-9a-f]{40}(_currency)?$/)
export const customFieldValueSchema = z.union([
  z.string().max(65_535),
  z.number().finite(),
  z.array(z.number().int()),
  z.null(),
])

const leadDraftFields = z
  .object({
    title: z.string().trim().min(1, 'Give the lead a title').max(255),
    person: personRefSchema.optional(),
    organization: organizationRefSchema.optional(),
    value: leadValueSchema.optional(),
    ownerId: z.number().int().positive().optional(),
    labelIds: z.array(z.uuid('A label id is a UUID')).max(100).optional(),
    expectedCloseDate: isoDateSchema.optional(),
    visibleTo: visibleToSchema.optional(),
    wasSeen: z.boolean().optional(),
    customFields: z.record(customFieldKeySchema, customFieldValueSchema).optional(),
    /** Sent as a note on the lead once Pipedrive has it. */
    note: z.string().trim().min(1).max(100_000).optional(),
    /** Made an activity on the lead once Pipedrive has it (and its person). */
    activity: nextActivitySchema.optional(),
  })
  .strict()

export const leadDraftSchema = leadDraftFields.refine(
  (draft) => draft.person !== undefined || draft.organization !== undefined,
  {
    message: 'Link the lead to a person or an organization',
    path: ['person'],
  },
)
export type LeadDraft = z.infer<typeof leadDraftSchema>

/**
 * A lead not yet complete: what quick add hands to the full form (Cmd/Ctrl+Enter), where the
 * user finishes it. Each part that is there is checked as in a draft.
 */
export const leadSeedSchema = leadDraftFields.partial().extend({ title: z.string().max(255) })
export type LeadSeed = z.infer<typeof leadSeedSchema>
