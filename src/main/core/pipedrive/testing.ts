// For tests: a client signed with a fixed credential against the Pipedrive sandbox.
import { Secret } from '../log/secret'
import type { PipedriveAuth } from './pipedrive-http'
import { PipedriveHttp } from './pipedrive-http'
import { PipedriveClient } from './pipedrive-client'
import { RateLimiter, type RateLimiterOptions } from './rate-limiter'

export function fixedAuth(
  baseUrl: string,
  credential: { apiToken: string } | { bearer: string },
): PipedriveAuth {
  const value =
    'apiToken' in credential
      ? { header: 'x-api-token' as const, value: new Secret(credential.apiToken) }
      : { header: 'authorization' as const, value: new Secret(`Bearer ${credential.bearer}`) }
  return { credentials: async () => ({ baseUrl, ...value }) }
}

export function testClient(
  auth: PipedriveAuth,
  options: {
    timeoutMs?: number
    limiter?: Partial<RateLimiterOptions> | RateLimiter
    fetch?: typeof fetch
    /** The app's clock, when a test moves it: the limiter and the server-clock reading use it. */
    now?: () => number
  } = {},
): { client: PipedriveClient; limiter: RateLimiter; http: PipedriveHttp } {
  const limiter =
    options.limiter instanceof RateLimiter
      ? options.limiter
      : new RateLimiter({
          burstLimit: 20,
          ...(options.now ? { now: options.now } : {}),
          ...options.limiter,
        })
  const http = new PipedriveHttp({
    fetch: options.fetch ?? fetch,
    auth,
    limiter,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.now ? { now: options.now } : {}),
  })
  return { client: new PipedriveClient(http), limiter, http }
}
