// v1 leads: the only API that creates, reads, updates, archives and deletes leads.
import { intParam, newUuid, parseV1Sort, uuidPattern } from './formats'
import type { Call, Reply } from './http'
import { checkDocs, failure, invalidDataset, isRecord, json, readJson } from './http'
import { applyCustom, readLeadInput } from './lead-input'
import type { Router } from './router'
import { reindex } from './search-index'
import type { Data, Lead } from './store'
import { leadView } from './views'

const sortable = [
  'id',
  'title',
  'owner_id',
  'creator_id',
  'was_seen',
  'expected_close_date',
  'next_activity_id',
  'add_time',
  'update_time',
] as const
type SortField = (typeof sortable)[number]

export function leadNotFound(): Reply {
  return failure(404, 'requested lead not found', 'Object was not found.')
}

export function registerLeads(router: Router): void {
  router.add('GET', 'v1', '/leads', (call) => listLeads(call, false))
  router.add('GET', 'v1', '/leads/archived', (call) => listLeads(call, true))
  router.add('GET', 'v1', '/leads/{id}', getLead)
  router.add('POST', 'v1', '/leads', addLead)
  router.add('PATCH', 'v1', '/leads/{id}', updateLead)
  router.add('DELETE', 'v1', '/leads/{id}', deleteLead)
}

interface ListOptions {
  start: number
  limit: number
  ownerId?: number
  personId?: number
  organizationId?: number
  updatedSince?: number
  sort: Array<{ field: SortField; descending: boolean }>
}

function parseList(query: URLSearchParams, archived: boolean): ListOptions | Reply {
  const ints: Record<string, number | undefined> = {}
  for (const name of ['start', 'limit', 'owner_id', 'person_id', 'organization_id', 'filter_id']) {
    const value = intParam(query.get(name))
    if (value === null) return invalidDataset(`"${name}" must be a number`)
    ints[name] = value
  }
  const options: ListOptions = {
    start: ints.start ?? 0,
    // The docs give 500 as the ceiling for offset pagination.
    limit: Math.min(Math.max(ints.limit ?? 100, 1), 500),
    ownerId: ints.owner_id,
    personId: ints.person_id,
    organizationId: ints.organization_id,
    sort: [],
  }
  const since = query.get('updated_since')
  // Archived leads do not take updated_since; Pipedrive ignores unknown query parameters.
  if (since && !archived) {
    const parsed = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(since)
      ? Date.parse(since)
      : NaN
    if (Number.isNaN(parsed))
      return invalidDataset('"updated_since" must be in ISO 8601 date format')
    options.updatedSince = parsed
  }
  const sort = query.get('sort')
  if (sort) {
    const keys = parseV1Sort(sort, sortable)
    if (!keys)
      return invalidDataset(`"sort" must be one of [${sortable.join(', ')}] with ASC or DESC`)
    options.sort = keys
  }
  return options
}

function compare(a: Lead, b: Lead, field: SortField): number {
  const x = a[field]
  const y = b[field]
  if (x === y) return 0
  if (x === null) return 1
  if (y === null) return -1
  if (typeof x === 'string' && typeof y === 'string') return x.localeCompare(y)
  return Number(x) - Number(y)
}

function listLeads(call: Call, archived: boolean): Reply {
  const options = parseList(call.query, archived)
  if ('status' in options) return options
  let leads = [...call.app.data.leads.values()].filter(
    (lead) =>
      lead.is_archived === archived &&
      (options.ownerId === undefined || lead.owner_id === options.ownerId) &&
      (options.personId === undefined || lead.person_id === options.personId) &&
      (options.organizationId === undefined || lead.organization_id === options.organizationId) &&
      (options.updatedSince === undefined || lead.update_time >= options.updatedSince),
  )
  // Default order is creation time, oldest first; the Map keeps insertion order.
  if (options.sort.length > 0) {
    leads = leads.sort((a, b) => {
      for (const { field, descending } of options.sort) {
        const order = compare(a, b, field)
        if (order !== 0) return descending ? -order : order
      }
      return 0
    })
  }
  const page = leads.slice(options.start, options.start + options.limit)
  return json(200, {
    success: true,
    data: page.map(leadView),
    // The lead lists use the flat shape, unlike most v1 lists (API-NOTES §1.5).
    additional_data: {
      start: options.start,
      limit: options.limit,
      more_items_in_collection: options.start + options.limit < leads.length,
    },
  })
}

function findLead(call: Call): Lead | Reply {
  const id = call.params.id ?? ''
  if (!uuidPattern.test(id)) return invalidDataset('"id" must be a valid GUID')
  return call.app.data.leads.get(id) ?? leadNotFound()
}

function getLead(call: Call): Reply {
  const lead = findLead(call)
  if ('status' in lead) return lead
  return json(200, { success: true, data: leadView(lead) })
}

function ccEmail(data: Data): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
  let suffix = ''
  for (let i = 0; i < 22; i++) suffix += alphabet[Math.floor(Math.random() * alphabet.length)]
  return `${data.company.domain}+${data.company.id}+lead${suffix}@pipedrivemail.com`
}

function defaultCurrency(call: Call): string {
  const user = call.app.data.users.find((u) => u.id === call.principal?.userId)
  return user?.default_currency ?? 'EUR'
}

function addLead(call: Call): Reply {
  const body = readJson(call, invalidDataset)
  if (!body.ok) return body.reply
  const input = readLeadInput(body.value, 'create', call.app.data)
  if (!input.ok) return input.reply
  const { changes } = input
  const data = call.app.data
  const now = call.app.now()
  const userId = call.principal?.userId ?? data.meId
  const lead: Lead = {
    id: newUuid(),
    title: changes.title as string,
    owner_id: changes.owner_id ?? userId,
    creator_id: userId,
    label_ids: changes.label_ids ?? [],
    person_id: changes.person_id ?? null,
    organization_id: changes.organization_id ?? null,
    // Everything created through the API is sourced and originated as API.
    source_name: 'API',
    origin: 'API',
    origin_id: changes.origin_id ?? null,
    channel: changes.channel ?? null,
    channel_id: changes.channel_id ?? null,
    source_deal_id: null,
    is_archived: false,
    was_seen: changes.was_seen ?? false,
    value: changes.value ?? null,
    expected_close_date: changes.expected_close_date ?? null,
    next_activity_id: null,
    add_time: now,
    update_time: now,
    visible_to: changes.visible_to ?? '3',
    cc_email: ccEmail(data),
    custom: {},
  }
  if (changes.custom) applyCustom(lead, changes.custom, data.dealFields, defaultCurrency(call))
  data.leads.set(lead.id, lead)
  reindex(call.app, 'leads', lead.id, lead)
  return json(201, { success: true, data: leadView(lead) })
}

function updateLead(call: Call): Reply {
  const lead = findLead(call)
  if ('status' in lead) return lead
  const body = readJson(call, invalidDataset)
  if (!body.ok) return body.reply
  // Since 2025-07 archived leads are read-only through the API; only un-archiving is let through.
  if (lead.is_archived) {
    const keys = isRecord(body.value) ? Object.keys(body.value) : []
    if (keys.length !== 1 || keys[0] !== 'is_archived') {
      return failure(400, 'Archived leads cannot be edited', checkDocs)
    }
  }
  const input = readLeadInput(body.value, 'update', call.app.data, lead)
  if (!input.ok) return input.reply
  const { custom, ...changes } = input.changes
  Object.assign(lead, changes)
  if (custom) applyCustom(lead, custom, call.app.data.dealFields, defaultCurrency(call))
  lead.update_time = Math.max(call.app.now(), lead.update_time + 1)
  reindex(call.app, 'leads', lead.id, lead)
  return json(200, { success: true, data: leadView(lead) })
}

function deleteLead(call: Call): Reply {
  const lead = findLead(call)
  if ('status' in lead) return lead
  call.app.data.leads.delete(lead.id)
  call.app.data.removedLeads.set(lead.id, { ...lead, removed: 'deleted' })
  reindex(call.app, 'leads', lead.id, null)
  return json(200, { success: true, data: { id: lead.id } })
}
