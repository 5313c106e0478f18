import type { FaultTable } from './faults'
import type { OAuthServer } from './oauth'
import type { RateLimiter } from './rate-limit'
import type { RequestLog } from './request-log'
import type { Data } from './store'

export type Plan = 'essential' | 'advanced' | 'professional' | 'power' | 'enterprise'

export interface SandboxOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number
  /** Clock for code expiry, rate windows, daily budget and timestamps. Defaults to Date.now. */
  now?: () => number
  /** The signed-in user's API token (x-api-token header or legacy api_token query). */
  apiToken?: string
  oauth?: {
    clientId?: string
    clientSecret?: string
    /** The registered callback URL; default http://localhost:53682/oauth/callback. */
    redirectUri?: string
    /** Extra registered callback URLs. */
    redirectUris?: string[]
    /** Comma-separated scopes granted to the app. */
    scope?: string
    accessTokenTtlSeconds?: number
    codeTtlSeconds?: number
  }
  limits?: {
    /** false turns every rate limit and the rate-limit headers off (benchmarks). */
    enabled?: boolean
    plan?: Plan
    seats?: number
    windowMs?: number
    /** Search endpoints' burst limit per window. */
    searchLimit?: number
    /** Overrides 30,000 × plan multiplier × seats. */
    dailyTokens?: number
    /** 429s an API-token client may collect in a row before Cloudflare blocks it (403). */
    blockAfter?: number
    blockMs?: number
    /** Send Retry-After on ordinary 429s (Pipedrive's current docs do not mention it). */
    retryAfter?: boolean
    /**
     * Send x-daily-ratelimit-token-limit and -remaining (default true). Pipedrive does not
     * document them and sometimes leaves them out; the budget is charged either way.
     */
    dailyHeaders?: boolean
  }
  /** A lead conversion completes after this many status polls or this much clock time. */
  conversion?: { polls?: number; ms?: number }
  /** Entries kept in the request log (counts are kept for every request regardless). */
  logLimit?: number
  /**
   * How long a write takes to reach the search index (default 1000 ms; 0 turns the lag off).
   * Lists and GET by id are consistent at once; only the search endpoints lag. Seed data is
   * indexed from the start. `faults.searchIndexLag(ms)` changes it until `faults.clear()`.
   */
  searchIndexLagMs?: number
  /** The company it starts with and a reset puts back (default: the small seed in seed.ts). */
  company?: (start: number) => Data
}

export interface Config {
  apiToken: string
  oauth: {
    clientId: string
    clientSecret: string
    redirectUris: string[]
    scope: string
    accessTokenTtlSeconds: number
    codeTtlSeconds: number
  }
  limits: {
    enabled: boolean
    plan: Plan
    seats: number
    windowMs: number
    searchLimit: number
    dailyTokens: number
    blockAfter: number
    blockMs: number
    retryAfter: boolean
    dailyHeaders: boolean
  }
  conversion: { polls: number; ms: number }
  logLimit: number
  searchIndexLagMs: number
}

/** Everything a handler may touch. */
export interface App {
  config: Config
  now: () => number
  /** The sandbox's own origin, e.g. http://127.0.0.1:8787 (OAuth api_domain). */
  url: string
  data: Data
  oauth: OAuthServer
  limiter: RateLimiter
  faults: FaultTable
  log: RequestLog
}

export const planMultiplier: Record<Plan, number> = {
  essential: 1,
  advanced: 2,
  professional: 3,
  power: 5,
  enterprise: 7,
}

export const apiTokenBurst: Record<Plan, number> = {
  essential: 20,
  advanced: 40,
  professional: 80,
  power: 100,
  enterprise: 120,
}

export const defaultSearchIndexLagMs = 1000
export const defaultApiToken = '3f9a2c7d1e8b4a6f0c5d9e2b7a1f4c8d6e0b3a5f'
export const defaultClientId = 'c4e1b7a93d2f6e08'
export const defaultClientSecret = '9b1f3e7c5a2d8f4e6c0a1b3d5f7e9c2a4b6d8f0e'
export const defaultRedirectUri = 'http://localhost:53682/oauth/callback'
export const defaultScope =
  'base,deals:read,leads:full,contacts:full,activities:full,search:read,users:read,deal-fields:full'

export function resolveConfig(options: SandboxOptions): Config {
  const plan = options.limits?.plan ?? 'advanced'
  const seats = options.limits?.seats ?? 3
  const redirectUris = [
    options.oauth?.redirectUri ?? defaultRedirectUri,
    ...(options.oauth?.redirectUris ?? []),
  ]
  return {
    apiToken: options.apiToken ?? defaultApiToken,
    oauth: {
      clientId: options.oauth?.clientId ?? defaultClientId,
      clientSecret: options.oauth?.clientSecret ?? defaultClientSecret,
      redirectUris,
      scope: options.oauth?.scope ?? defaultScope,
      accessTokenTtlSeconds: options.oauth?.accessTokenTtlSeconds ?? 3599,
      codeTtlSeconds: options.oauth?.codeTtlSeconds ?? 300,
    },
    limits: {
      enabled: options.limits?.enabled ?? true,
      plan,
      seats,
      windowMs: options.limits?.windowMs ?? 2000,
      searchLimit: options.limits?.searchLimit ?? 10,
      dailyTokens: options.limits?.dailyTokens ?? 30_000 * planMultiplier[plan] * seats,
      blockAfter: options.limits?.blockAfter ?? 20,
      blockMs: options.limits?.blockMs ?? 60_000,
      retryAfter: options.limits?.retryAfter ?? false,
      dailyHeaders: options.limits?.dailyHeaders ?? true,
    },
    conversion: { polls: options.conversion?.polls ?? 2, ms: options.conversion?.ms ?? 1500 },
    logLimit: options.logLimit ?? 5000,
    // Pipedrive's search runs on an index fed asynchronously; tests see that unless they opt out.
    searchIndexLagMs: options.searchIndexLagMs ?? defaultSearchIndexLagMs,
  }
}
