import { randomBytes, randomUUID } from 'node:crypto'

// Pipedrive writes timestamps three ways depending on the endpoint; the sandbox copies each.

/** Leads and lead labels: `2020-10-14T11:30:36.551Z`. */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString()
}

/** v2 persons and organizations: `2021-01-01T00:00:00Z`. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** v1 users, notes and fields: `2019-11-21 08:45:56` (UTC, no zone). */
export function spaced(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ')
}

export function newUuid(): string {
  return randomUUID()
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex')
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const fieldKeyPattern = /^[0-9a-f]{40}$/

/** A real calendar day in YYYY-MM-DD form (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}

/** Parses a non-negative integer query parameter; undefined when absent, null when malformed. */
export function intParam(raw: string | null): number | undefined | null {
  if (raw === null || raw === '') return undefined
  if (!/^\d+$/.test(raw)) return null
  return Number(raw)
}

export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value)
}

/** Opaque v2 cursors: base64url of the next offset. */
export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url')
}

export function decodeCursor(cursor: string): number | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (typeof parsed === 'object' && parsed !== null && 'offset' in parsed) {
      const offset = (parsed as { offset: unknown }).offset
      if (isInteger(offset) && offset >= 0) return offset
    }
  } catch {
    // fall through
  }
  return null
}

const rfc3339Pattern = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i

/** Parses an RFC 3339 date-time (`2025-01-01T10:20:00Z`); null when it is not one. */
export function parseRfc3339(raw: string): number | null {
  const match = rfc3339Pattern.exec(raw)
  if (!match?.[1] || !isCalendarDate(match[1])) return null
  const ms = Date.parse(raw)
  return Number.isNaN(ms) ? null : ms
}

/** Whole seconds: what endpoints that print times without milliseconds store and compare. */
export function toSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000
}

/**
 * A v1 `sort` value ("field ASC, other DESC"), or null when a field is not one of `sortable`
 * or a direction is neither ASC nor DESC.
 */
export function parseV1Sort<Field extends string>(
  raw: string,
  sortable: readonly Field[],
): Array<{ field: Field; descending: boolean }> | null {
  const keys: Array<{ field: Field; descending: boolean }> = []
  for (const part of raw.split(',')) {
    const [field, mode = 'ASC', ...rest] = part.trim().split(/\s+/)
    if (!sortable.includes(field as Field) || rest.length > 0 || !/^(asc|desc)$/i.test(mode)) {
      return null
    }
    keys.push({ field: field as Field, descending: /^desc$/i.test(mode) })
  }
  return keys
}
