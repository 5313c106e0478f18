import { PipedriveFailure, type FailureKind, type RateLimitHeaders } from './failure'

/**
 * How a request that did not succeed is named for the outbox. The rule that matters most:
 * a write that may have reached Pipedrive is `unknown_outcome`, never `not_sent`, because
 * Pipedrive has no idempotency keys and a blind retry could duplicate a lead.
 *
 * Reads have no side effects, so for them every "no usable answer" (timeout, reset, 5xx)
 * is `server_error`: retry later, nothing to reconcile.
 */
export type RequestIntent = 'read' | 'write'

// Errors that mean the connection was never made, so the request never left this machine.
// Node (undici) puts the code on `cause`; Electron's net.fetch says net::ERR_… in the message.
const neverConnectedCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
])
const neverConnectedChromium =
  /ERR_(CONNECTION_REFUSED|NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|INTERNET_DISCONNECTED|ADDRESS_UNREACHABLE|NETWORK_CHANGED|PROXY_CONNECTION_FAILED|CONNECTION_TIMED_OUT)/

function errorChain(error: unknown): Array<{ code?: unknown; message?: unknown; name?: unknown }> {
  const chain: Array<{ code?: unknown; message?: unknown; name?: unknown }> = []
  let current: unknown = error
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    chain.push(current as { code?: unknown; message?: unknown; name?: unknown })
    current = (current as { cause?: unknown }).cause
  }
  return chain
}

// Electron's net.fetch rejects a redirect under `redirect: 'manual'` with this message,
// where Node's fetch hands back the 3xx answer; both mean the same and are named the same.
const redirectCancelled = /Redirect was cancelled/i

/** True when the fetch refused to follow a redirect (Electron's net.fetch). */
export function redirectRefused(error: unknown): boolean {
  return errorChain(error).some(
    (link) => typeof link.message === 'string' && redirectCancelled.test(link.message),
  )
}

/** True when the error says no connection was ever made. */
export function neverConnected(error: unknown): boolean {
  return errorChain(error).some(
    (link) =>
      (typeof link.code === 'string' && neverConnectedCodes.has(link.code)) ||
      (typeof link.message === 'string' && neverConnectedChromium.test(link.message)),
  )
}

/** A transport failure: no HTTP status arrived. */
export function failureFromError(
  error: unknown,
  intent: RequestIntent,
  details: { timedOut: boolean; timeoutMs: number },
): PipedriveFailure {
  if (redirectRefused(error)) {
    return new PipedriveFailure('redirected', defaultMessages.redirected, { cause: error })
  }
  if (details.timedOut) {
    return intent === 'write'
      ? new PipedriveFailure(
          'unknown_outcome',
          `Pipedrive did not answer within ${details.timeoutMs / 1000} s; the change may or may not have been saved.`,
          { cause: error },
        )
      : new PipedriveFailure(
          'server_error',
          `Pipedrive did not answer within ${details.timeoutMs / 1000} s.`,
          { cause: error },
        )
  }
  if (neverConnected(error)) {
    return new PipedriveFailure('not_sent', 'Leadbox could not reach Pipedrive.', { cause: error })
  }
  return intent === 'write'
    ? new PipedriveFailure(
        'unknown_outcome',
        'The connection to Pipedrive broke before its answer arrived; the change may or may not have been saved.',
        { cause: error },
      )
    : new PipedriveFailure('server_error', 'The connection to Pipedrive broke.', { cause: error })
}

export interface HttpAnswer {
  status: number
  contentType: string
  text: string
  /** The parsed body when it was JSON. */
  json: unknown
  rateLimit: RateLimitHeaders
}

function stringField(json: unknown, key: string): string | null {
  if (!json || typeof json !== 'object') return null
  const value = (json as Record<string, unknown>)[key]
  return typeof value === 'string' && value !== '' ? value : null
}

function looksLikeHtml(answer: HttpAnswer): boolean {
  return (
    answer.json === undefined &&
    (answer.contentType.includes('text/html') || /^\s*</.test(answer.text))
  )
}

function isDailyBudget(answer: HttpAnswer, error: string | null): boolean {
  // The company's budget is spent when the daily header says 0; the sandbox (and, by
  // integrators' reports, Pipedrive) also says "Daily … limit" in the error.
  return answer.rateLimit.dailyTokensRemaining === 0 || /daily/i.test(error ?? '')
}

const defaultMessages: Record<FailureKind, string> = {
  not_sent: 'Leadbox could not reach Pipedrive.',
  unknown_outcome: 'Pipedrive had a problem; the change may or may not have been saved.',
  validation: 'Pipedrive rejected the data.',
  unauthorized: 'Pipedrive did not accept the sign-in.',
  forbidden: 'Pipedrive does not allow this for your user or plan.',
  blocked:
    "Pipedrive's firewall is blocking requests from this computer for now (too many requests).",
  not_found: 'Pipedrive could not find it (deleted, converted or never there).',
  burst_limit: 'Too many requests to Pipedrive at once; waiting a moment.',
  daily_budget: "Your company's daily Pipedrive API budget is used up.",
  server_error: 'Pipedrive had a problem answering.',
  redirected:
    "The connection to Pipedrive was sent somewhere else (a redirect). Leadbox does not follow it, so your sign-in stays safe; a network's sign-in page or a proxy can cause this.",
}

export function kindForStatus(answer: HttpAnswer, intent: RequestIntent): FailureKind {
  const { status } = answer
  const error = stringField(answer.json, 'error')
  if (status >= 300 && status < 400) return 'redirected'
  if (status === 400) return 'validation'
  if (status === 401) return 'unauthorized'
  // 402: the company account is not open (trial over, unpaid): an account-level refusal.
  if (status === 402) return 'forbidden'
  if (status === 403) return looksLikeHtml(answer) ? 'blocked' : 'forbidden'
  if (status === 404 || status === 410) return 'not_found'
  if (status === 429) return isDailyBudget(answer, error) ? 'daily_budget' : 'burst_limit'
  if (status >= 500) return intent === 'write' ? 'unknown_outcome' : 'server_error'
  return 'server_error'
}

/** An HTTP answer that is not a success. */
export function failureFromAnswer(answer: HttpAnswer, intent: RequestIntent): PipedriveFailure {
  const kind = kindForStatus(answer, intent)
  // A redirect's body comes from whoever redirected, not from Pipedrive: not quoted.
  const quoted = kind !== 'redirected'
  const error = quoted ? stringField(answer.json, 'error') : null
  const errorInfo = quoted ? stringField(answer.json, 'error_info') : null
  // The status stays in the failure's details (and the log), not in words for the user.
  const message = error
    ? `${defaultMessages[kind]} Pipedrive said: ${error}${errorInfo ? ` (${errorInfo})` : ''}`
    : defaultMessages[kind]
  return new PipedriveFailure(kind, message, {
    status: answer.status,
    error,
    errorInfo,
    rateLimit: answer.rateLimit,
  })
}
