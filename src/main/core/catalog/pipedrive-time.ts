/**
 * Pipedrive writes times three ways: ISO with milliseconds (v1 leads), RFC 3339 without
 * (v2), and "2026-11-02 10:00:00" in UTC (older v1 lists). Stored as one ISO form, they sort
 * as text and their maximum is where an incremental refresh picks up.
 */
export function isoTime(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null
  const spaced = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(value)
  const ms = Date.parse(spaced ? `${value.replace(' ', 'T')}Z` : value)
  return Number.isNaN(ms) ? null : new Date(ms).toISOString()
}

/**
 * An `updated_since` value: whole seconds, rounded down so the boundary is included, and
 * moved back by `overlapMs` to catch what changed while the last listing was paging.
 */
export function updatedSince(iso: string, overlapMs = 0): string {
  const ms = Date.parse(iso) - overlapMs
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`
}
