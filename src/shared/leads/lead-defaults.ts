import { z } from 'zod'
import { visibleToSchema } from './lead-draft'

/**
 * What a new lead gets when the user does not say otherwise, set in Settings and used by
 * quick add and the lead form alike. Null: Pipedrive's own default (the user as owner, the
 * company's currency, no label, the user's default visibility).
 */
export const leadDefaultsSchema = z
  .object({
    ownerId: z.number().int().positive().nullable(),
    currency: z
      .string()
      .regex(/^[A-Z0-9]{3,5}$/, 'Use a currency code like EUR')
      .nullable(),
    labelId: z.uuid('A label id is a UUID').nullable(),
    visibleTo: visibleToSchema.nullable(),
  })
  .strict()
export type LeadDefaults = z.infer<typeof leadDefaultsSchema>
export { noLeadDefaults } from './no-lead-defaults'
