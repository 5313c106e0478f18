// GET /v1/notes: the consistent listing an app checks before posting a note again after an
// answer was lost (search does not cover notes, and lags anyway). Offset pagination with
// additional_data.pagination, as in the spec's example.
import {
  intParam,
  isCalendarDate,
  parseRfc3339,
  parseV1Sort,
  toSeconds,
  uuidPattern,
} from './formats'
import type { Call, Reply } from './http'
import { checkDocs, failure, json } from './http'
import type { Note } from './store'
import { noteView } from './views'

const sortable = [
  'id',
  'user_id',
  'deal_id',
  'person_id',
  'org_id',
  'content',
  'add_time',
  'update_time',
] as const
type SortField = (typeof sortable)[number]

const pinFlags = ['lead', 'deal', 'organization', 'person', 'project', 'task'] as const

// Pipedrive documents no error texts for this endpoint; these are plausible, do not match on them.
function invalid(message: string): Reply {
  return failure(400, message, checkDocs)
}

interface Filters {
  ints: Record<string, number | undefined>
  leadId?: string
  pinned: Partial<Record<(typeof pinFlags)[number], boolean>>
  /** UTC days of add_time, inclusive. */
  startDate?: string
  endDate?: string
  updatedSince?: number
  sort: Array<{ field: SortField; descending: boolean }>
}

function parse(query: URLSearchParams): Filters | Reply {
  const ints: Record<string, number | undefined> = {}
  const names = ['user_id', 'deal_id', 'person_id', 'org_id', 'project_id', 'task_id']
  for (const name of [...names, 'start', 'limit']) {
    const value = intParam(query.get(name))
    if (value === null) return invalid(`${name} must be an integer`)
    ints[name] = value
  }
  const filters: Filters = { ints, pinned: {}, sort: [] }
  const leadId = query.get('lead_id')
  if (leadId) {
    if (!uuidPattern.test(leadId)) return invalid('lead_id must be a valid UUID')
    filters.leadId = leadId
  }
  for (const flag of pinFlags) {
    const raw = query.get(`pinned_to_${flag}_flag`)
    if (raw === null || raw === '') continue
    if (raw !== '0' && raw !== '1') return invalid(`pinned_to_${flag}_flag must be 0 or 1`)
    filters.pinned[flag] = raw === '1'
  }
  for (const key of ['start_date', 'end_date'] as const) {
    const raw = query.get(key)
    if (!raw) continue
    if (!isCalendarDate(raw)) return invalid(`${key} must be a date in YYYY-MM-DD format`)
    if (key === 'start_date') filters.startDate = raw
    else filters.endDate = raw
  }
  const since = query.get('updated_since')
  if (since) {
    const parsed = parseRfc3339(since)
    if (parsed === null) return invalid('updated_since must be a date-time in RFC3339 format')
    filters.updatedSince = parsed
  }
  const sort = query.get('sort')
  if (sort) {
    const keys = parseV1Sort(sort, sortable)
    if (!keys) return invalid(`sort must use ${sortable.join(', ')} with ASC or DESC`)
    filters.sort = keys
  }
  return filters
}

function pinnedTo(note: Note, flag: (typeof pinFlags)[number]): boolean {
  // Only lead pinning can be set through the sandbox; the other flags are always false.
  return flag === 'lead' ? note.pinned_to_lead_flag : false
}

function keep(note: Note, f: Filters): boolean {
  const { ints } = f
  const day = new Date(note.add_time).toISOString().slice(0, 10)
  return (
    (ints.user_id === undefined || note.user_id === ints.user_id) &&
    (ints.deal_id === undefined || note.deal_id === ints.deal_id) &&
    (ints.person_id === undefined || note.person_id === ints.person_id) &&
    (ints.org_id === undefined || note.org_id === ints.org_id) &&
    // Notes here never belong to a project or task.
    ints.project_id === undefined &&
    ints.task_id === undefined &&
    (f.leadId === undefined || note.lead_id === f.leadId) &&
    pinFlags.every(
      (flag) => f.pinned[flag] === undefined || pinnedTo(note, flag) === f.pinned[flag],
    ) &&
    (f.startDate === undefined || day >= f.startDate) &&
    (f.endDate === undefined || day <= f.endDate) &&
    // Notes carry whole seconds (`2019-12-09 14:26:11`), so the filter compares those.
    (f.updatedSince === undefined || toSeconds(note.update_time) >= f.updatedSince)
  )
}

function compare(a: Note, b: Note, field: SortField): number {
  const x = field === 'add_time' || field === 'update_time' ? toSeconds(a[field]) : a[field]
  const y = field === 'add_time' || field === 'update_time' ? toSeconds(b[field]) : b[field]
  if (x === y) return 0
  if (x === null) return 1
  if (y === null) return -1
  if (typeof x === 'string' && typeof y === 'string') return x.localeCompare(y)
  return Number(x) - Number(y)
}

export function listNotes(call: Call): Reply {
  const filters = parse(call.query)
  if ('status' in filters) return filters
  const { data } = call.app
  // Without sort: oldest first, the order notes were added (a sandbox choice).
  const notes = [...data.notes.values()]
    .filter((note) => keep(note, filters))
    .sort((a, b) => {
      for (const { field, descending } of filters.sort) {
        const order = compare(a, b, field)
        if (order !== 0) return descending ? -order : order
      }
      return a.id - b.id
    })
  const start = filters.ints.start ?? 0
  const limit = Math.min(Math.max(filters.ints.limit ?? 100, 1), 500)
  const more = start + limit < notes.length
  return json(200, {
    success: true,
    data: notes.slice(start, start + limit).map((note) => noteView(note, data)),
    additional_data: {
      pagination: {
        start,
        limit,
        more_items_in_collection: more,
        ...(more ? { next_start: start + limit } : {}),
      },
    },
  })
}
