// Shared by the sandbox's own tests: a small fetch wrapper and the contract validator.
import { readFileSync } from 'node:fs'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { expect } from 'vitest'
import type { Sandbox } from './sandbox'

export interface Answer {
  status: number
  headers: Headers
  text: string
  // Tests poke into bodies freely; the contract tests pin the shapes down.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
}

export type Auth = 'token' | 'none' | { bearer: string } | { header: Record<string, string> }

export async function call(
  sandbox: Sandbox,
  method: string,
  path: string,
  body?: unknown,
  auth: Auth = 'token',
): Promise<Answer> {
  const headers: Record<string, string> = {}
  if (auth === 'token') headers['x-api-token'] = sandbox.apiToken
  else if (auth !== 'none' && 'bearer' in auth) headers.authorization = `Bearer ${auth.bearer}`
  else if (auth !== 'none') Object.assign(headers, auth.header)
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'manual',
  })
  const text = await response.text()
  let parsed: unknown = undefined
  try {
    parsed = text ? JSON.parse(text) : undefined
  } catch {
    // HTML pages stay text
  }
  return { status: response.status, headers: response.headers, text, body: parsed }
}

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`
}

export async function oauthForm(
  sandbox: Sandbox,
  path: string,
  form: Record<string, string>,
  authorization: string | null = basic(sandbox.oauth.clientId, sandbox.oauth.clientSecret),
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' }
  if (authorization) headers.authorization = authorization
  const response = await fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(form),
  })
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text ? (JSON.parse(text) as unknown) : undefined,
  }
}

/** A clock tests can move: pass `clock.now` as the sandbox's `now` option. */
export function testClock(start = Date.parse('2026-11-27T09:00:00.000Z')) {
  let current = start
  return {
    now: () => current,
    advance: (ms: number) => {
      current += ms
    },
  }
}

// --- contract validation against the extracted official schemas ---

type SpecName = 'v1' | 'v2'

interface Extract {
  operations: Record<
    string,
    {
      requestBody?: { schema: { $ref?: string } }
      responses: Record<string, { schema: { $ref?: string } }>
    }
  >
  $defs: Record<string, unknown>
}

function load(name: SpecName): Extract {
  const url = new URL(`./spec/pipedrive-${name}.schemas.json`, import.meta.url)
  return JSON.parse(readFileSync(url, 'utf8')) as Extract
}

const specs: Record<SpecName, Extract> = { v1: load('v1'), v2: load('v2') }

const ajv = new Ajv({ allErrors: true, strict: true })
addFormats(ajv)
// Pipedrive's own v1 examples write users', notes' and fields' times as `2019-11-21 08:45:56`
// under `format: date-time`; accept that alongside RFC 3339 so the check matches the API.
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
const spacedUtc = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/
ajv.addFormat('date-time', (value: string) => rfc3339.test(value) || spacedUtc.test(value))
for (const name of ['v1', 'v2'] as const) {
  ajv.addSchema({ $id: `pipedrive-${name}`, $defs: specs[name].$defs })
}

function refFor(name: SpecName, operation: string, status?: string): string {
  const op = specs[name].operations[operation]
  if (!op) throw new Error(`${operation} is not in the ${name} extract`)
  const schema = status === undefined ? op.requestBody?.schema : op.responses[status]?.schema
  if (!schema?.$ref) throw new Error(`${operation} ${status ?? 'request'} has no schema`)
  return `pipedrive-${name}${schema.$ref}`
}

function check(ref: string, value: unknown): void {
  const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref })
  const valid = validate(value)
  expect(validate.errors ?? [], `${ref}\n${JSON.stringify(value, null, 1).slice(0, 2000)}`).toEqual(
    [],
  )
  expect(valid).toBe(true)
}

/** Asserts a response body matches the official schema for that operation and status. */
export function expectResponse(
  name: SpecName,
  operation: string,
  status: number,
  body: unknown,
): void {
  check(refFor(name, operation, String(status)), body)
}

/** Asserts a request body we send is one the official schema describes. */
export function expectRequest(name: SpecName, operation: string, body: unknown): void {
  check(refFor(name, operation), body)
}

/**
 * The schemas mark almost nothing required, so they would accept `{}`. The SDK types treat every
 * declared field as present; this checks an object carries all of a definition's properties.
 * `definition` may descend into properties: `UpsertPersonResponseData.data`.
 */
export function expectAllProperties(
  name: SpecName,
  definition: string,
  value: Record<string, unknown>,
  except: string[] = [],
): void {
  const [root = '', ...path] = definition.split('.')
  const resolve = (schema: unknown): Record<string, unknown>[] => {
    if (!schema || typeof schema !== 'object') return []
    const s = schema as Record<string, unknown>
    const parts = [s]
    if (typeof s.$ref === 'string') {
      parts.push(...resolve(specs[name].$defs[s.$ref.replace('#/$defs/', '')]))
    }
    if (Array.isArray(s.allOf)) parts.push(...s.allOf.flatMap(resolve))
    return parts
  }
  const propertiesOf = (schema: unknown) =>
    resolve(schema).flatMap((s) =>
      s.properties && typeof s.properties === 'object'
        ? Object.entries(s.properties as Record<string, unknown>)
        : [],
    )
  let schema: unknown = specs[name].$defs[root]
  for (const segment of path) schema = propertiesOf(schema).find(([key]) => key === segment)?.[1]
  const properties = new Set(propertiesOf(schema).map(([key]) => key))
  expect(properties.size, `${definition} has properties`).toBeGreaterThan(0)
  const missing = [...properties].filter((p) => !except.includes(p) && !(p in value))
  expect(missing, `${definition} fields missing`).toEqual([])
}
