import { z } from 'zod'

/**
 * Why Leadbox asked Pipedrive something: sending what was captured, looking up whether a
 * request whose answer was lost landed, keeping the inbox fresh, keeping names and labels
 * (the catalog) current, or the sign-in itself.
 */
export const apiPurposes = ['capture', 'lookups', 'inbox', 'catalog', 'account'] as const
export type ApiPurpose = (typeof apiPurposes)[number]

/** What is left of the company's daily token budget, as Pipedrive last said. */
export const apiBudgetSchema = z.object({
  /** Tokens left today, for every integration of the company together. */
  left: z.number().int().nonnegative(),
  /** The whole day's budget, when Pipedrive said it. */
  limit: z.number().int().positive().nullable(),
  /** Epoch ms of the answer that said so. */
  seenAt: z.number(),
})
export type ApiBudget = z.infer<typeof apiBudgetSchema>

/** Leadbox's own use of Pipedrive's API today (UTC), for the signed-in account. */
export const apiUsageSchema = z.object({
  /** YYYY-MM-DD, UTC. */
  day: z.string(),
  requests: z.number().int().nonnegative(),
  tokens: z.number().int().nonnegative(),
  /** Every purpose, in the order of apiPurposes, zeros included. */
  byPurpose: z.array(
    z.object({
      purpose: z.enum(apiPurposes),
      requests: z.number().int().nonnegative(),
      tokens: z.number().int().nonnegative(),
    }),
  ),
  /** Null when Pipedrive has not said today: its daily headers are optional. */
  budget: apiBudgetSchema.nullable(),
})
export type ApiUsage = z.infer<typeof apiUsageSchema>

/** Below this share of the day's budget, syncing warns that it may soon stop. */
export const lowBudgetShare = 0.1
/**
 * Without the day's whole budget, a tenth of the smallest one (30,000 tokens for one seat
 * on the cheapest plan) stands in for it.
 */
export const lowBudgetTokens = 3000

export function isBudgetLow(budget: Pick<ApiBudget, 'left' | 'limit'> | null): boolean {
  if (!budget) return false
  const threshold = budget.limit === null ? lowBudgetTokens : budget.limit * lowBudgetShare
  return budget.left < threshold
}
