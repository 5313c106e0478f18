import type { IncomingHttpHeaders } from 'node:http'
import type { App } from './app'

export interface Principal {
  kind: 'api_token' | 'oauth'
  userId: number
  /** Burst limits are per token (API token) or per user and app (OAuth). */
  limiterKey: string
  /** OAuth only: the scopes granted to the app. */
  scopes: Set<string> | null
}

/**
 * Resolves who is calling. Like the SDK, an API token wins when both kinds are present; a wrong
 * credential of either kind fails the call rather than falling through to the other.
 */
export function authenticate(
  app: App,
  headers: IncomingHttpHeaders,
  query: URLSearchParams,
): Principal | null {
  const headerToken = headers['x-api-token']
  const token = typeof headerToken === 'string' ? headerToken : query.get('api_token')
  if (token !== null && token !== undefined) {
    if (token !== app.config.apiToken) return null
    return { kind: 'api_token', userId: app.data.meId, limiterKey: `token:${token}`, scopes: null }
  }
  const authorization = headers.authorization
  if (typeof authorization !== 'string') return null
  const match = /^Bearer\s+(\S+)$/i.exec(authorization)
  if (!match?.[1]) return null
  const grant = app.oauth.accessTokenGrant(match[1])
  if (!grant) return null
  return {
    kind: 'oauth',
    userId: grant.userId,
    limiterKey: `oauth:${grant.clientId}:${grant.userId}`,
    scopes: new Set(grant.scope.split(',')),
  }
}

/** Pipedrive lists, per operation, the scopes any one of which grants access. */
export function hasScope(principal: Principal, required: string[]): boolean {
  if (!principal.scopes || required.length === 0) return true
  return required.some((scope) => principal.scopes?.has(scope))
}
