import type { ApiPurpose } from '../../../shared/api-usage'
import type { Secret } from '../log/secret'
import type { Logger } from '../log/logger'
import {
  failureFromAnswer,
  failureFromError,
  type HttpAnswer,
  type RequestIntent,
} from './classify'
import { PipedriveFailure, type FailureKind, type RateLimitHeaders } from './failure'
import type { RateLimiter } from './rate-limiter'
import { readRateLimitHeaders } from './rate-limit-headers'

/** How one account's requests are addressed and signed. */
export interface AuthCredentials {
  /** The API's origin: https://acme.pipedrive.com, or the sandbox in development. */
  baseUrl: string
  /** `x-api-token` for an API token, `authorization` (Bearer …) for OAuth. */
  header: 'x-api-token' | 'authorization'
  value: Secret
}

export interface PipedriveAuth {
  /** Read before every request: a token may have been refreshed meanwhile. */
  credentials(): Promise<AuthCredentials>
  /**
   * After a 401 with `stale`: credentials worth exactly one more try (a refreshed OAuth
   * token), or null when there is nothing better (an API token).
   */
  renew?(stale: AuthCredentials): Promise<AuthCredentials | null>
  /** Pipedrive refused the credentials, after renew if there was one. */
  rejected?(failure: PipedriveFailure): void
  /** Pipedrive accepted a request. */
  accepted?(): void
}

export interface PipedriveHttpOptions {
  /** Electron's net.fetch in the app, Node's fetch in tests. */
  fetch: typeof fetch
  auth: PipedriveAuth
  limiter: RateLimiter
  /** Per request, from the moment it leaves (waiting for the limiter is not counted). */
  timeoutMs?: number
  now?: () => number
  log?: Logger
  /** Told of every request that left, answered or not: the token ledger listens here. */
  onSent?(request: SentRequest): void
}

/** One request that left for Pipedrive, as the token ledger counts it. */
export interface SentRequest {
  method: RequestSpec['method']
  path: string
  purpose: ApiPurpose
  /** The answer's HTTP status; null when no answer came (timeout, reset). */
  status: number | null
  /** How it failed, when it did. */
  failure: FailureKind | null
  /** The answer's rate-limit headers; null when no answer came. */
  rateLimit: RateLimitHeaders | null
}

export type QueryValue = string | number | boolean | null | undefined

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** From the origin: /api/v1/leads, /api/v2/persons/search. */
  path: string
  query?: Record<string, QueryValue>
  body?: unknown
  /** Counts against the search cap as well as the burst window. */
  search?: boolean
  /** Why it is asked, for the token ledger; 'account' when not said. */
  purpose?: ApiPurpose
  signal?: AbortSignal
  timeoutMs?: number
}

/** A successful answer, with everything Pipedrive said besides the data. */
export interface PipedriveResponse<T> {
  status: number
  data: T
  additionalData: unknown
  rateLimit: RateLimitHeaders
  /** Always null on success; present so every result has the same shape. */
  error: string | null
  errorInfo: string | null
}

export const defaultTimeoutMs = 30_000

function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue
    params.set(key, String(value))
  }
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}

function parseJson(text: string, contentType: string): unknown {
  if (text === '' || !(contentType.includes('json') || /^\s*[[{]/.test(text))) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** Sends requests for one account: paced by its limiter, signed, timed out, classified. */
export class PipedriveHttp {
  private readonly options: PipedriveHttpOptions
  private readonly timeoutMs: number
  private readonly now: () => number
  private clockOffsetMs: number | null = null

  constructor(options: PipedriveHttpOptions) {
    this.options = options
    this.timeoutMs = options.timeoutMs ?? defaultTimeoutMs
    this.now = options.now ?? Date.now
  }

  get limiter(): RateLimiter {
    return this.options.limiter
  }

  /** Pipedrive's clock minus ours, from the Date of its latest answer; null before one. */
  get serverClockOffsetMs(): number | null {
    return this.clockOffsetMs
  }

  /** Throws a PipedriveFailure for every failure Pipedrive or the network causes. */
  async request<T>(spec: RequestSpec): Promise<PipedriveResponse<T>> {
    const { auth } = this.options
    const credentials = await auth.credentials()
    try {
      return await this.send<T>(spec, credentials)
    } catch (error) {
      if (!(error instanceof PipedriveFailure) || error.kind !== 'unauthorized') throw error
      // A 401 is answered before anything is applied, so one retry is safe even for writes.
      const renewed = auth.renew ? await auth.renew(credentials) : null
      if (!renewed) {
        auth.rejected?.(error)
        throw error
      }
      try {
        return await this.send<T>(spec, renewed)
      } catch (again) {
        if (again instanceof PipedriveFailure && again.kind === 'unauthorized') {
          auth.rejected?.(again)
        }
        throw again
      }
    }
  }

  private async send<T>(
    spec: RequestSpec,
    credentials: AuthCredentials,
  ): Promise<PipedriveResponse<T>> {
    const intent: RequestIntent = spec.method === 'GET' ? 'read' : 'write'
    let permit
    try {
      permit = await this.options.limiter.acquire({
        search: spec.search ?? false,
        ...(spec.signal ? { signal: spec.signal } : {}),
      })
    } catch (error) {
      // Given up while waiting for its turn: the request never left.
      if (spec.signal?.aborted) {
        throw new PipedriveFailure('not_sent', 'Leadbox stopped waiting to send this.', {
          cause: error,
        })
      }
      throw error
    }
    const timeoutMs = spec.timeoutMs ?? this.timeoutMs
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = spec.signal ? AbortSignal.any([timeout, spec.signal]) : timeout
    const headers: Record<string, string> = {
      accept: 'application/json',
      [credentials.header]: credentials.value.reveal(),
    }
    if (spec.body !== undefined) headers['content-type'] = 'application/json'
    const url = `${credentials.baseUrl}${spec.path}${queryString(spec.query)}`
    const started = this.now()

    let answer: HttpAnswer
    try {
      const response = await this.options.fetch(url, {
        method: spec.method,
        headers,
        ...(spec.body !== undefined ? { body: JSON.stringify(spec.body) } : {}),
        signal,
        // A redirect could carry the token to another host; Pipedrive's API never sends one.
        redirect: 'manual',
      })
      const text = await response.text()
      this.readServerClock(response.headers.get('date'), started)
      const contentType = response.headers.get('content-type') ?? ''
      answer = {
        status: response.status,
        contentType,
        text,
        json: parseJson(text, contentType),
        rateLimit: readRateLimitHeaders(response.headers, this.now()),
      }
    } catch (error) {
      permit.settle({ status: null, rateLimit: null })
      const failure = failureFromError(error, intent, { timedOut: timeout.aborted, timeoutMs })
      if (failure.kind !== 'not_sent') this.sent(spec, null, failure.kind, null)
      this.options.log?.debug(
        { method: spec.method, path: spec.path, failure: failure.kind, ms: this.now() - started },
        'pipedrive request failed',
      )
      throw failure
    }

    const ok = answer.status >= 200 && answer.status < 300
    if (!ok) {
      const failure = failureFromAnswer(answer, intent)
      this.sent(spec, answer.status, failure.kind, answer.rateLimit)
      permit.settle({
        status: answer.status,
        rateLimit: answer.rateLimit,
        dailyBudgetSpent: failure.kind === 'daily_budget',
      })
      this.options.log?.debug(
        { method: spec.method, path: spec.path, status: answer.status, failure: failure.kind },
        'pipedrive request refused',
      )
      throw failure
    }
    permit.settle({ status: answer.status, rateLimit: answer.rateLimit })
    this.sent(spec, answer.status, null, answer.rateLimit)
    this.options.auth.accepted?.()
    const body = answer.json
    if (!body || typeof body !== 'object' || !('data' in body)) {
      throw new PipedriveFailure(
        intent === 'write' ? 'unknown_outcome' : 'server_error',
        "Pipedrive's answer could not be read.",
        { status: answer.status, rateLimit: answer.rateLimit },
      )
    }
    const envelope = body as { data: T; additional_data?: unknown }
    return {
      status: answer.status,
      data: envelope.data,
      additionalData: envelope.additional_data ?? null,
      rateLimit: answer.rateLimit,
      error: null,
      errorInfo: null,
    }
  }

  private sent(
    spec: RequestSpec,
    status: number | null,
    failure: FailureKind | null,
    rateLimit: RateLimitHeaders | null,
  ): void {
    this.options.onSent?.({
      method: spec.method,
      path: spec.path,
      purpose: spec.purpose ?? 'account',
      status,
      failure,
      rateLimit,
    })
  }

  /** The server stamped its Date while answering: somewhere between our send and now. */
  private readServerClock(date: string | null, sentAt: number): void {
    const server = date ? Date.parse(date) : NaN
    if (Number.isNaN(server)) return
    this.clockOffsetMs = server - (sentAt + this.now()) / 2
  }
}
