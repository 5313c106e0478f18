// v2 GET /persons and /organizations (the shared filters and cursor are in v2-list.ts).
import { toSeconds } from './formats'
import type { Call, Reply } from './http'
import { json } from './http'
import type { Organization, Person } from './store'
import type { ListQuery } from './v2-list'
import { intFilter, page, parseList } from './v2-list'
import { organizationView, personView } from './views'

const sortFields = ['id', 'update_time', 'add_time'] as const
type SortBy = (typeof sortFields)[number]

function sortKey(record: Person | Organization, by: SortBy): number {
  return by === 'id' ? record.id : toSeconds(record[by])
}

export function listPersons(call: Call): Reply {
  const list: ListQuery<SortBy> | Reply = parseList(call.query, sortFields)
  if ('status' in list) return list
  const orgId = intFilter(call.query, 'org_id')
  if (typeof orgId === 'object') return orgId
  const { items, next } = page([...call.app.data.persons.values()], list, sortKey, (p) =>
    orgId === undefined ? true : p.org_id === orgId,
  )
  return json(200, {
    success: true,
    data: items.map(personView),
    additional_data: { next_cursor: next },
  })
}

export function listOrganizations(call: Call): Reply {
  const list = parseList(call.query, sortFields)
  if ('status' in list) return list
  const { items, next } = page([...call.app.data.organizations.values()], list, sortKey)
  return json(200, {
    success: true,
    data: items.map(organizationView),
    additional_data: { next_cursor: next },
  })
}
