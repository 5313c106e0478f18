import type { IncomingHttpHeaders } from 'node:http'
import type { App } from './app'
import type { Principal } from './auth'

/** What a handler hands back; the server decides how (or whether) it reaches the client. */
export interface Reply {
  status: number
  headers: Record<string, string>
  body: string
}

/** One API call as the handlers see it. */
export interface Call {
  app: App
  method: string
  path: string
  query: URLSearchParams
  params: Record<string, string>
  headers: IncomingHttpHeaders
  rawBody: Buffer
  principal: Principal | null
}

export type Handler = (call: Call) => Reply | Promise<Reply>

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  }
}

export function html(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body }
}

export function redirect(location: string): Reply {
  return { status: 302, headers: { location }, body: '' }
}

/** Pipedrive's documented error envelope. */
export function failure(status: number, error: string, errorInfo: string, extra = {}): Reply {
  return json(status, {
    success: false,
    error,
    error_info: errorInfo,
    data: null,
    additional_data: null,
    ...extra,
  })
}

export const checkDocs = 'Please check developers.pipedrive.com'

/** How the lead service (Joi underneath) reports a rejected body or query. */
export function invalidDataset(errorInfo: string): Reply {
  return failure(400, 'provided dataset is not valid', errorInfo)
}

/** How v2 endpoints report a schema violation. */
export function v2Invalid(field: string, message: string): Reply {
  return failure(400, `Validation failed: ${field}: ${message}`, checkDocs, {
    code: 'ERR_SCHEMA_VALIDATION_FAILED',
  })
}

export function unauthorized(): Reply {
  return json(401, { success: false, error: 'unauthorized access', errorCode: 401 })
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reply: Reply }

/** Parses a JSON request body; an empty body reads as an empty object. */
export function readJson(call: Call, onError: (message: string) => Reply): Parsed<unknown> {
  if (call.rawBody.length === 0) return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(call.rawBody.toString('utf8')) as unknown }
  } catch {
    return { ok: false, reply: onError('Request body is not valid JSON') }
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}
