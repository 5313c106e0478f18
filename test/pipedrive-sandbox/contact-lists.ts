// v2 GET /persons and /organizations. Unlike search these read the database: a record is listed
// as soon as its write has returned, which is what an app checks before sending a create again.
// v2 times have whole seconds (`2025-01-01T10:20:00Z`), so filters and sorting use those.
import { intParam, isInteger, parseRfc3339, toSeconds } from './formats'
import type { Call, Reply } from './http'
import { isRecord, json, v2Invalid } from './http'
import type { Organization, Person } from './store'
import { organizationView, personView } from './views'

const sortFields = ['id', 'update_time', 'add_time'] as const
type SortBy = (typeof sortFields)[number]
type Direction = 'asc' | 'desc'

/**
 * The cursor marks the first item of the next page by its sort key and id (not by position), so
 * records added or removed between pages neither repeat nor go missing.
 */
interface Marker {
  by: SortBy
  dir: Direction
  key: number
  id: number
}

interface ListQuery {
  limit: number
  by: SortBy
  dir: Direction
  from: Marker | null
  ids?: Set<number>
  since?: number
  until?: number
  ownerId?: number
  orgId?: number
}

function encodeMarker(marker: Marker): string {
  return Buffer.from(JSON.stringify(marker)).toString('base64url')
}

function decodeMarker(cursor: string): Marker | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (!isRecord(parsed)) return null
    const { by, dir, key, id } = parsed
    if (!sortFields.includes(by as SortBy) || (dir !== 'asc' && dir !== 'desc')) return null
    if (!isInteger(key) || !isInteger(id)) return null
    return { by: by as SortBy, dir, key, id }
  } catch {
    return null
  }
}

function parseQuery(query: URLSearchParams, withOrg: boolean): ListQuery | Reply {
  const limit = intParam(query.get('limit'))
  if (limit === null || (limit !== undefined && (limit < 1 || limit > 500))) {
    return v2Invalid('limit', "Parameter 'limit' must be an integer between 1 and 500")
  }
  const by = query.get('sort_by') ?? 'id'
  if (!sortFields.includes(by as SortBy)) {
    return v2Invalid('sort_by', `Parameter 'sort_by' must be one of ${sortFields.join(', ')}`)
  }
  const dir = query.get('sort_direction') ?? 'asc'
  if (dir !== 'asc' && dir !== 'desc') {
    return v2Invalid('sort_direction', "Parameter 'sort_direction' must be one of asc, desc")
  }
  const list: ListQuery = { limit: limit ?? 100, by: by as SortBy, dir, from: null }
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
  const ownerId = intParam(query.get('owner_id'))
  if (ownerId === null) return v2Invalid('owner_id', "Parameter 'owner_id' must be an integer")
  list.ownerId = ownerId
  if (withOrg) {
    const orgId = intParam(query.get('org_id'))
    if (orgId === null) return v2Invalid('org_id', "Parameter 'org_id' must be an integer")
    list.orgId = orgId
  }
  return list
}

type Listed = Person | Organization

function sortKey(record: Listed, by: SortBy): number {
  return by === 'id' ? record.id : toSeconds(record[by])
}

/** Negative when a comes first in the list's order; ties on the key go by id. */
function order(a: { key: number; id: number }, b: { key: number; id: number }, dir: Direction) {
  const ascending = a.key - b.key || a.id - b.id
  return dir === 'asc' ? ascending : -ascending
}

function page<T extends Listed>(
  records: T[],
  list: ListQuery,
): { items: T[]; next: string | null } {
  const update = (r: T) => toSeconds(r.update_time)
  const keyed = records
    .filter(
      (r) =>
        !r.is_deleted &&
        (list.ids === undefined || list.ids.has(r.id)) &&
        (list.ownerId === undefined || r.owner_id === list.ownerId) &&
        (list.orgId === undefined || ('org_id' in r && r.org_id === list.orgId)) &&
        // As the spec says: update_time >= updated_since and < updated_until.
        (list.since === undefined || update(r) >= list.since) &&
        (list.until === undefined || update(r) < list.until),
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

export function listPersons(call: Call): Reply {
  const list = parseQuery(call.query, true)
  if ('status' in list) return list
  const { items, next } = page([...call.app.data.persons.values()], list)
  return json(200, {
    success: true,
    data: items.map(personView),
    additional_data: { next_cursor: next },
  })
}

export function listOrganizations(call: Call): Reply {
  const list = parseQuery(call.query, false)
  if ('status' in list) return list
  const { items, next } = page([...call.app.data.organizations.values()], list)
  return json(200, {
    success: true,
    data: items.map(organizationView),
    additional_data: { next_cursor: next },
  })
}
