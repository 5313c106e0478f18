// What the v2 lists (persons, organizations, activities) share: limit, sort_by, sort_direction,
// updated_since/updated_until, ids, owner_id and a keyset cursor. They read the database, so a
// record is listed as soon as its write has returned, which is what an app checks before sending
// a create again. v2 times have whole seconds (`2025-01-01T10:20:00Z`), so filters and sorting
// use those.
import { intParam, isInteger, parseRfc3339, toSeconds } from './formats'
import type { Reply } from './http'
import { isRecord, v2Invalid } from './http'

type Direction = 'asc' | 'desc'

/**
 * The cursor marks the first item of the next page by its sort key and id (not by position), so
 * records added or removed between pages neither repeat nor go missing.
 */
interface Marker {
  by: string
  dir: Direction
  key: number
  id: number
}

export interface V2Record {
  id: number
  owner_id: number
  is_deleted: boolean
  add_time: number
  update_time: number
}

export interface ListQuery<By extends string> {
  limit: number
  by: By
  dir: Direction
  from: Marker | null
  ids?: Set<number>
  since?: number
  until?: number
  ownerId?: number
}

function encodeMarker(marker: Marker): string {
  return Buffer.from(JSON.stringify(marker)).toString('base64url')
}

function decodeMarker(cursor: string): Marker | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (!isRecord(parsed)) return null
    const { by, dir, key, id } = parsed
    if (typeof by !== 'string' || (dir !== 'asc' && dir !== 'desc')) return null
    if (!isInteger(key) || !isInteger(id)) return null
    return { by, dir, key, id }
  } catch {
    return null
  }
}

/** An optional integer query parameter; a Reply when it is malformed. */
export function intFilter(query: URLSearchParams, name: string): number | undefined | Reply {
  const value = intParam(query.get(name))
  if (value === null) return v2Invalid(name, `Parameter '${name}' must be an integer`)
  return value
}

export function parseList<By extends string>(
  query: URLSearchParams,
  sortFields: readonly By[],
): ListQuery<By> | Reply {
  const limit = intParam(query.get('limit'))
  if (limit === null || (limit !== undefined && (limit < 1 || limit > 500))) {
    return v2Invalid('limit', "Parameter 'limit' must be an integer between 1 and 500")
  }
  const by = query.get('sort_by') ?? 'id'
  if (!sortFields.includes(by as By)) {
    return v2Invalid('sort_by', `Parameter 'sort_by' must be one of ${sortFields.join(', ')}`)
  }
  const dir = query.get('sort_direction') ?? 'asc'
  if (dir !== 'asc' && dir !== 'desc') {
    return v2Invalid('sort_direction', "Parameter 'sort_direction' must be one of asc, desc")
  }
  const list: ListQuery<By> = { limit: limit ?? 100, by: by as By, dir, from: null }
  const cursor = query.get('cursor')
  if (cursor) {
    const marker = decodeMarker(cursor)
    // A cursor belongs to the order it was made for.
    if (!marker || marker.by !== list.by || marker.dir !== list.dir) {
      return v2Invalid('cursor', "Parameter 'cursor' is invalid")
    }
    list.from = marker
  }
  for (const name of ['updated_since', 'updated_until'] as const) {
    const raw = query.get(name)
    if (raw === null || raw === '') continue
    const time = parseRfc3339(raw)
    if (time === null) {
      return v2Invalid(name, `Parameter '${name}' must be a date-time in RFC3339 format`)
    }
    if (name === 'updated_since') list.since = time
    else list.until = time
  }
  const idsRaw = query.get('ids')
  if (idsRaw) {
    const ids = idsRaw.split(',').map((part) => intParam(part.trim()))
    if (ids.length > 100 || ids.some((id) => id === null || id === undefined)) {
      return v2Invalid(
        'ids',
        "Parameter 'ids' must be a comma-separated list of up to 100 integers",
      )
    }
    list.ids = new Set(ids as number[])
  }
  const ownerId = intFilter(query, 'owner_id')
  if (typeof ownerId === 'object') return ownerId
  list.ownerId = ownerId
  return list
}

/** Negative when a comes first in the list's order; ties on the key go by id. */
function order(a: { key: number; id: number }, b: { key: number; id: number }, dir: Direction) {
  const ascending = a.key - b.key || a.id - b.id
  return dir === 'asc' ? ascending : -ascending
}

/**
 * One page of `records` kept by the shared filters and `keep`, sorted by `sortKey` (an integer;
 * times in whole seconds).
 */
export function page<T extends V2Record, By extends string>(
  records: T[],
  list: ListQuery<By>,
  sortKey: (record: T, by: By) => number,
  keep: (record: T) => boolean = () => true,
): { items: T[]; next: string | null } {
  const update = (r: T) => toSeconds(r.update_time)
  const keyed = records
    .filter(
      (r) =>
        !r.is_deleted &&
        (list.ids === undefined || list.ids.has(r.id)) &&
        (list.ownerId === undefined || r.owner_id === list.ownerId) &&
        // As the spec says: update_time >= updated_since and < updated_until.
        (list.since === undefined || update(r) >= list.since) &&
        (list.until === undefined || update(r) < list.until) &&
        keep(r),
    )
    .map((record) => ({ record, key: sortKey(record, list.by), id: record.id }))
    .sort((a, b) => order(a, b, list.dir))
  const from = list.from
  const rest = from ? keyed.filter((item) => order(item, from, list.dir) >= 0) : keyed
  const items = rest.slice(0, list.limit)
  const following = rest[list.limit]
  const next = following
    ? encodeMarker({ by: list.by, dir: list.dir, key: following.key, id: following.id })
    : null
  return { items: items.map((item) => item.record), next }
}
