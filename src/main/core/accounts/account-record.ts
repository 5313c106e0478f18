import { z } from 'zod'

/**
 * What Leadbox remembers about the signed-in Pipedrive account, in the settings table.
 * Nothing secret: the token lives in the keychain under this account's name.
 */
export const accountRecordSchema = z.object({
  /** `${companyId}:${userId}`; names the keychain items and owns outbox rows. */
  id: z.string().regex(/^\d+:\d+$/),
  authType: z.enum(['api_token', 'oauth']),
  userId: z.number().int(),
  userName: z.string(),
  userEmail: z.string(),
  companyId: z.number().int(),
  companyName: z.string(),
  companyDomain: z.string(),
  connectedAt: z.number(),
})
export type AccountRecord = z.infer<typeof accountRecordSchema>

/** The Pipedrive app entered in Settings; its client secret is in the keychain. */
export const oauthClientRecordSchema = z.object({ clientId: z.string().min(1).max(200) })
