import { z } from 'zod'
import { Secret } from '../log/secret'

/** What /oauth/token answers, for both the code exchange and a refresh. */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().positive(),
  api_domain: z.string().min(1),
  token_type: z.string().optional(),
  scope: z.string().optional(),
})
export type TokenResponse = z.infer<typeof tokenResponseSchema>

/** An OAuth sign-in as Leadbox keeps it: one keychain item, never anywhere else. */
export interface TokenSet {
  accessToken: Secret
  refreshToken: Secret
  /** Epoch ms. Absolute, so a token read back from the keychain is not mistaken for fresh. */
  expiresAt: number
  apiDomain: string
  scope: string
}

const storedSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  expiresAt: z.number(),
  apiDomain: z.string(),
  scope: z.string(),
})

export function tokenSetFrom(response: TokenResponse, now: number): TokenSet {
  return {
    accessToken: new Secret(response.access_token),
    refreshToken: new Secret(response.refresh_token),
    expiresAt: now + response.expires_in * 1000,
    apiDomain: response.api_domain,
    scope: response.scope ?? '',
  }
}

export function serializeTokenSet(tokens: TokenSet): Secret {
  return new Secret(
    JSON.stringify({
      accessToken: tokens.accessToken.reveal(),
      refreshToken: tokens.refreshToken.reveal(),
      expiresAt: tokens.expiresAt,
      apiDomain: tokens.apiDomain,
      scope: tokens.scope,
    }),
  )
}

/** The stored token set, or null when the item is not one (damaged, from another build). */
export function parseTokenSet(stored: Secret): TokenSet | null {
  let json: unknown
  try {
    json = JSON.parse(stored.reveal())
  } catch {
    return null
  }
  const parsed = storedSchema.safeParse(json)
  if (!parsed.success) return null
  return {
    ...parsed.data,
    accessToken: new Secret(parsed.data.accessToken),
    refreshToken: new Secret(parsed.data.refreshToken),
  }
}
