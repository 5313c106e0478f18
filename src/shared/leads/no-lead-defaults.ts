import type { LeadDefaults } from './lead-defaults'

/**
 * No defaults: Pipedrive's own for every field. Apart from the schema, so the quick-add window
 * can use it without loading zod.
 */
export const noLeadDefaults: LeadDefaults = {
  ownerId: null,
  currency: null,
  labelId: null,
  visibleTo: null,
}
