// v1 activity types and v2 activities: the app reads the company's types into its catalog, adds
// a lead's next activity, lists a lead's activities (also to find one whose answer was lost) and
// marks one done.
import { body, guarded, integer, nullableString, onlyKeys, owner, reject } from './contacts'
import { isCalendarDate, isInteger, toSeconds, uuidPattern } from './formats'
import type { Call, Reply } from './http'
import { checkDocs, failure, isRecord, json, v2Invalid } from './http'
import type { Router } from './router'
import type { Activity, Data, Participant } from './store'
import { intFilter, page, parseList } from './v2-list'
import { activityTypeView, activityView } from './views'

export function registerActivities(router: Router): void {
  router.add('GET', 'v1', '/activityTypes', listActivityTypes)
  router.add('GET', 'v2', '/activities', listActivities)
  router.add('POST', 'v2', '/activities', addActivity)
  router.add('PATCH', 'v2', '/activities/{id}', updateActivity)
}

function listActivityTypes(call: Call): Reply {
  const types = [...call.app.data.activityTypes].sort((a, b) => a.order_nr - b.order_nr)
  return json(200, { success: true, data: types.map(activityTypeView) })
}

// The body keys of addActivityRequest (also the PATCH body) that the sandbox stores; the rest
// of the schema's keys (location, attendees, project_id) are accepted and not kept.
const activityKeys = [
  'subject',
  'type',
  'owner_id',
  'deal_id',
  'lead_id',
  'person_id',
  'org_id',
  'project_id',
  'due_date',
  'due_time',
  'duration',
  'busy',
  'done',
  'location',
  'participants',
  'attendees',
  'public_description',
  'priority',
  'note',
]

/** HH:MM or HH:MM:SS, printed as HH:MM:SS (the spec's example). */
function clock(input: Record<string, unknown>, key: 'due_time' | 'duration'): string | null {
  const value = nullableString(input, key)
  if (value === null) return null
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value)
  const [hours, minutes, seconds = '00'] = match ? match.slice(1) : []
  const valid = match && Number(hours) < (key === 'due_time' ? 24 : 100) && Number(minutes) < 60
  if (!valid || Number(seconds) >= 60) {
    reject(key, `Parameter '${key}' must be a time in HH:MM format`)
  }
  return `${hours}:${minutes}:${seconds}`
}

function flag(input: Record<string, unknown>, key: 'busy' | 'done'): boolean | undefined {
  const value = input[key]
  if (value === undefined) return undefined
  if (typeof value !== 'boolean') reject(key, `Parameter '${key}' must be a boolean`)
  return value
}

function typeKey(input: Record<string, unknown>, data: Data): string | undefined {
  const value = input.type
  if (value === undefined) return undefined
  if (typeof value !== 'string') reject('type', "Parameter 'type' must be a string")
  if (!data.activityTypes.some((t) => t.key_string === value && t.active_flag)) {
    reject('type', `Activity type '${value}' was not found`)
  }
  return value
}

function participants(input: Record<string, unknown>, data: Data): Participant[] | undefined {
  const value = input.participants
  if (value === undefined) return undefined
  if (!Array.isArray(value)) reject('participants', "Parameter 'participants' must be an array")
  const list = value.map((item: unknown, i): Participant => {
    if (!isRecord(item) || !isInteger(item.person_id)) {
      reject(
        `participants[${i}].person_id`,
        `Parameter 'participants[${i}].person_id' must be an integer`,
      )
    }
    if (item.primary !== undefined && typeof item.primary !== 'boolean') {
      reject(
        `participants[${i}].primary`,
        `Parameter 'participants[${i}].primary' must be a boolean`,
      )
    }
    const person = data.persons.get(item.person_id)
    if (!person || person.is_deleted) {
      reject(`participants[${i}].person_id`, `Person with id ${item.person_id} was not found`)
    }
    return { person_id: item.person_id, primary: item.primary === true }
  })
  const first = list[0]
  if (first && !list.some((p) => p.primary)) first.primary = true
  return list
}

/** Reads the links and fields a body sets, checking each against the company's records. */
function applyBody(activity: Activity, input: Record<string, unknown>, data: Data): void {
  onlyKeys(input, activityKeys)
  const subject = nullableString(input, 'subject')
  if (subject !== null) activity.subject = subject
  const type = typeKey(input, data)
  if (type !== undefined) activity.type = type
  if ('owner_id' in input) activity.owner_id = owner(input, data, activity.owner_id)
  if ('lead_id' in input) {
    const leadId = nullableString(input, 'lead_id')
    if (leadId !== null && (!uuidPattern.test(leadId) || !data.leads.has(leadId))) {
      reject('lead_id', `Lead with id ${leadId} was not found`)
    }
    activity.lead_id = leadId
  }
  if ('deal_id' in input) {
    const dealId = integer(input, 'deal_id') ?? null
    const known = [...data.conversions.values()].some((c) => c.deal_id === dealId)
    if (dealId !== null && !known) reject('deal_id', `Deal with id ${dealId} was not found`)
    activity.deal_id = dealId
  }
  if ('org_id' in input) {
    const orgId = integer(input, 'org_id') ?? null
    if (orgId !== null && !data.organizations.get(orgId)) {
      reject('org_id', `Organization with id ${orgId} was not found`)
    }
    activity.org_id = orgId
  }
  const listed = participants(input, data)
  if (listed !== undefined) activity.participants = listed
  else if ('person_id' in input) {
    // A person_id alone makes that person the primary participant.
    const personId = integer(input, 'person_id')
    if (personId !== undefined && !data.persons.get(personId)) {
      reject('person_id', `Person with id ${personId} was not found`)
    }
    const others = activity.participants.filter((p) => p.person_id !== personId && !p.primary)
    activity.participants =
      personId === undefined ? others : [{ person_id: personId, primary: true }, ...others]
  }
  if ('due_date' in input) {
    const due = nullableString(input, 'due_date')
    if (due !== null && !isCalendarDate(due)) {
      reject('due_date', "Parameter 'due_date' must be a date in YYYY-MM-DD format")
    }
    activity.due_date = due
  }
  if ('due_time' in input) activity.due_time = clock(input, 'due_time')
  if ('duration' in input) activity.duration = clock(input, 'duration')
  activity.busy = flag(input, 'busy') ?? activity.busy
  if ('public_description' in input) {
    activity.public_description = nullableString(input, 'public_description')
  }
  if ('note' in input) activity.note = nullableString(input, 'note')
  if ('priority' in input) activity.priority = integer(input, 'priority') ?? null
}

function applyDone(activity: Activity, input: Record<string, unknown>, now: number): void {
  const done = flag(input, 'done')
  if (done === undefined || done === activity.done) return
  activity.done = done
  activity.marked_as_done_time = done ? now : null
}

/** A lead's next activity: its earliest open one (by due date and time), as Pipedrive keeps it. */
function refreshNextActivity(data: Data, leadId: string | null): void {
  const lead = leadId === null ? undefined : data.leads.get(leadId)
  if (!lead) return
  const open = [...data.activities.values()]
    .filter((a) => a.lead_id === leadId && !a.done && !a.is_deleted)
    .sort((a, b) => dueKey(a) - dueKey(b) || a.id - b.id)
  lead.next_activity_id = open[0]?.id ?? null
}

/** Due date and time as a sortable number; no due date sorts last. */
function dueKey(activity: Activity): number {
  if (activity.due_date === null) return Number.MAX_SAFE_INTEGER
  return Date.parse(`${activity.due_date}T${activity.due_time ?? '00:00:00'}Z`)
}

function addActivity(call: Call): Reply {
  return guarded(() => {
    const input = body(call)
    const { data } = call.app
    const now = call.app.now()
    const me = call.principal?.userId ?? data.meId
    const firstType = [...data.activityTypes]
      .filter((t) => t.active_flag)
      .sort((a, b) => a.order_nr - b.order_nr)[0]
    const activity: Activity = {
      id: data.nextId.activity,
      subject: '',
      type: firstType?.key_string ?? 'call',
      owner_id: me,
      creator_user_id: me,
      is_deleted: false,
      add_time: now,
      update_time: now,
      deal_id: null,
      lead_id: null,
      org_id: null,
      due_date: null,
      due_time: null,
      duration: null,
      busy: false,
      done: false,
      marked_as_done_time: null,
      participants: [],
      public_description: null,
      priority: null,
      note: null,
    }
    applyBody(activity, input, data)
    applyDone(activity, input, now)
    // Pipedrive names an activity without a subject after its type.
    if (activity.subject.trim() === '') {
      activity.subject = data.activityTypes.find((t) => t.key_string === activity.type)?.name ?? ''
    }
    data.nextId.activity += 1
    data.activities.set(activity.id, activity)
    refreshNextActivity(data, activity.lead_id)
    return json(200, { success: true, data: activityView(activity) })
  })
}

function updateActivity(call: Call): Reply {
  return guarded(() => {
    const id = Number(call.params.id)
    if (!isInteger(id) || id < 1) reject('id', "Parameter 'id' must be a positive integer")
    const { data } = call.app
    const stored = data.activities.get(id)
    if (!stored || stored.is_deleted) return failure(404, 'Activity not found', checkDocs)
    const input = body(call)
    const now = call.app.now()
    // Validate the whole body on a copy, so a rejected request changes nothing.
    const updated = structuredClone(stored)
    applyBody(updated, input, data)
    applyDone(updated, input, now)
    updated.update_time = Math.max(now, stored.update_time + 1)
    data.activities.set(id, updated)
    refreshNextActivity(data, stored.lead_id)
    if (updated.lead_id !== stored.lead_id) refreshNextActivity(data, updated.lead_id)
    return json(200, { success: true, data: activityView(updated) })
  })
}

const sortFields = ['id', 'update_time', 'add_time', 'due_date'] as const
type SortBy = (typeof sortFields)[number]

function sortKey(activity: Activity, by: SortBy): number {
  if (by === 'id') return activity.id
  if (by === 'due_date') {
    return activity.due_date === null ? Number.MAX_SAFE_INTEGER : Date.parse(activity.due_date)
  }
  return toSeconds(activity[by])
}

function listActivities(call: Call): Reply {
  const { query } = call
  const list = parseList(query, sortFields)
  if ('status' in list) return list
  const ints: Record<string, number | undefined> = {}
  for (const name of ['deal_id', 'person_id', 'org_id']) {
    const value = intFilter(query, name)
    if (typeof value === 'object') return value
    ints[name] = value
  }
  const leadId = query.get('lead_id') || undefined
  const doneRaw = query.get('done')
  if (doneRaw !== null && doneRaw !== 'true' && doneRaw !== 'false') {
    return v2Invalid('done', "Parameter 'done' must be a boolean")
  }
  const { items, next } = page(
    [...call.app.data.activities.values()],
    list,
    sortKey,
    (a) =>
      (ints.deal_id === undefined || a.deal_id === ints.deal_id) &&
      (ints.org_id === undefined || a.org_id === ints.org_id) &&
      (ints.person_id === undefined ||
        a.participants.some((p) => p.primary && p.person_id === ints.person_id)) &&
      (leadId === undefined || a.lead_id === leadId) &&
      (doneRaw === null || a.done === (doneRaw === 'true')),
  )
  return json(200, {
    success: true,
    data: items.map(activityView),
    additional_data: { next_cursor: next },
  })
}
