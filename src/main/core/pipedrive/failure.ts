/**
 * How a request to Pipedrive failed, in the terms the outbox decides by: could it have
 * been applied, may it be retried, must the user act.
 */
export type FailureKind =
  /** Never reached Pipedrive (connection refused, DNS): safe to send again. */
  | 'not_sent'
  /** Sent, outcome unknown (timeout, reset, 5xx on a write): look before sending again. */
  | 'unknown_outcome'
  /** 400: Pipedrive rejected the data. */
  | 'validation'
  /** 401: the token is wrong, revoked or expired. */
  | 'unauthorized'
  /** 403 with Pipedrive's JSON envelope: not allowed (permissions, scopes, plan limits). */
  | 'forbidden'
  /** 403 with an HTML page: Pipedrive's edge blocked the client for ignoring 429s. */
  | 'blocked'
  /** 404: the thing is not there (deleted, converted, never existed). */
  | 'not_found'
  /** 429 within the 2-second burst window. */
  | 'burst_limit'
  /** 429 because the company's daily token budget is spent. */
  | 'daily_budget'
  /** 5xx on a read, or another status Pipedrive should not send. */
  | 'server_error'
  /**
   * A 3xx: something between Leadbox and Pipedrive (a proxy, a network's sign-in page) sent
   * the request elsewhere. Not followed, since the token would go along; not applied.
   */
  | 'redirected'

export interface RateLimitHeaders {
  /** x-ratelimit-limit: requests allowed in the 2-second window. */
  limit: number | null
  /** x-ratelimit-remaining. */
  remaining: number | null
  /** x-ratelimit-reset, in seconds until the window frees. */
  resetSeconds: number | null
  /** x-daily-ratelimit-token-remaining; often absent. */
  dailyTokensRemaining: number | null
  /** x-daily-ratelimit-token-limit: the company's whole daily budget; often absent. */
  dailyTokenLimit: number | null
  /** Retry-After, in seconds, when sent. */
  retryAfterSeconds: number | null
}

export class PipedriveFailure extends Error {
  readonly kind: FailureKind
  /** HTTP status, when a response arrived. */
  readonly status: number | null
  /** Pipedrive's own `error` and `error_info`, shown to the user as they are. */
  readonly error: string | null
  readonly errorInfo: string | null
  readonly rateLimit: RateLimitHeaders | null

  constructor(
    kind: FailureKind,
    message: string,
    details: {
      status?: number | null
      error?: string | null
      errorInfo?: string | null
      rateLimit?: RateLimitHeaders | null
      cause?: unknown
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.name = 'PipedriveFailure'
    this.kind = kind
    this.status = details.status ?? null
    this.error = details.error ?? null
    this.errorInfo = details.errorInfo ?? null
    this.rateLimit = details.rateLimit ?? null
  }
}
