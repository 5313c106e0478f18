import type { AuthType } from '../../../shared/ipc/contract'
import type { Logger } from '../log/logger'
import { PipedriveFailure } from '../pipedrive/failure'
import type { OutboxGateway } from '../pipedrive/outbox-gateway'
import { PipedriveClient } from '../pipedrive/pipedrive-client'
import { createOutboxGateway } from '../pipedrive/pipedrive-gateway'
import { PipedriveHttp, type PipedriveAuth, type SentRequest } from '../pipedrive/pipedrive-http'
import { RateLimiter } from '../pipedrive/rate-limiter'

/** The signed-in account, for the sync engine, the catalog and the inbox. */
export interface AccountSession {
  /** `${companyId}:${userId}`: the same Pipedrive user is the same account either way it signs in. */
  account: string
  authType: AuthType
  /** Every endpoint, signed with this account's credentials; OAuth refreshes itself. */
  client: PipedriveClient
  /** What the outbox sends through: 401 → one refresh → one retry is built in for OAuth. */
  gateway: OutboxGateway
  /** The one limiter every request of this account goes through. */
  limiter: RateLimiter
  /** A cheap request (GET /v1/users/me): false when Pipedrive cannot be reached. */
  confirmReachable(): Promise<boolean>
}

/** What every request of an account needs, whoever signs it. */
export interface HttpOptions {
  fetch: typeof fetch
  log: Logger
  now: () => number
  /** Per request. */
  timeoutMs?: number
}

// Pipedrive's lowest plan until its headers say more (API-NOTES §4).
const startingBurst: Record<AuthType, number> = { api_token: 20, oauth: 80 }

/**
 * The one way requests reach Pipedrive: signed by `auth`, paced by a limiter of its own,
 * and each told to `onSent`, so the ledger sees every request, sign-in included.
 */
export function httpStack(
  options: HttpOptions,
  auth: PipedriveAuth,
  authType: AuthType,
  onSent: (request: SentRequest) => void,
): { limiter: RateLimiter; client: PipedriveClient } {
  const limiter = new RateLimiter({ burstLimit: startingBurst[authType], now: options.now })
  const http = new PipedriveHttp({
    fetch: options.fetch,
    auth,
    limiter,
    now: options.now,
    log: options.log,
    onSent,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  })
  return { limiter, client: new PipedriveClient(http) }
}

/** An account's session over its signed requests. */
export function createAccountSession(
  options: HttpOptions,
  account: { id: string; authType: AuthType },
  auth: PipedriveAuth,
  onSent: (request: SentRequest) => void,
): AccountSession {
  const { limiter, client } = httpStack(options, auth, account.authType, onSent)
  return {
    account: account.id,
    authType: account.authType,
    client,
    gateway: createOutboxGateway(client),
    limiter,
    async confirmReachable() {
      try {
        await client.getCurrentUser({ timeoutMs: 10_000 })
        return true
      } catch (error) {
        if (!(error instanceof PipedriveFailure)) throw error
        // Any HTTP answer means Pipedrive is there; no answer means it is not, and neither
        // does a redirect, which comes from something in between.
        if (error.kind === 'redirected') return false
        return error.status !== null || error.kind === 'daily_budget'
      }
    },
  }
}
