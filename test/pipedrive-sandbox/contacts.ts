// v2 persons and organizations (their v1 endpoints are out of support since 2026-08-01).
// v2 validates strictly: no numeric strings for numbers, only true/false for booleans.
import { listOrganizations, listPersons } from './contact-lists'
import { decodeCursor, encodeCursor, intParam, isInteger } from './formats'
import type { Call, Reply } from './http'
import { checkDocs, failure, isRecord, json, readJson, v2Invalid } from './http'
import type { Router } from './router'
import { reindex } from './search-index'
import type { Address, ContactDetail, Data, Organization, Person } from './store'
import { organizationView, personView } from './views'

export function registerContacts(router: Router): void {
  router.add('GET', 'v2', '/persons', listPersons)
  router.add('POST', 'v2', '/persons', addPerson)
  router.add('GET', 'v2', '/persons/{id}', getPerson)
  router.add('GET', 'v2', '/organizations', listOrganizations)
  router.add('POST', 'v2', '/organizations', addOrganization)
  router.add('GET', 'v2', '/organizations/{id}', getOrganization)
}

class Invalid extends Error {
  constructor(readonly reply: Reply) {
    super('invalid')
  }
}

export function reject(field: string, message: string): never {
  throw new Invalid(v2Invalid(field, message))
}

export function guarded(run: () => Reply): Reply {
  try {
    return run()
  } catch (error) {
    if (error instanceof Invalid) return error.reply
    throw error
  }
}

export function onlyKeys(body: Record<string, unknown>, allowed: string[]): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) reject(key, `Parameter '${key}' is not allowed for this request`)
  }
}

export function integer(body: Record<string, unknown>, key: string): number | undefined {
  if (!(key in body)) return undefined
  const value = body[key]
  if (!isInteger(value)) reject(key, `Parameter '${key}' must be an integer`)
  return value
}

function nullableInteger(body: Record<string, unknown>, key: string): number | null {
  if (body[key] === null || body[key] === undefined) return null
  return integer(body, key) ?? null
}

export function nullableString(body: Record<string, unknown>, key: string): string | null {
  const value = body[key]
  if (value === null || value === undefined) return null
  if (typeof value !== 'string') reject(key, `Parameter '${key}' must be a string`)
  return value
}

export function owner(body: Record<string, unknown>, data: Data, fallback: number): number {
  const id = integer(body, 'owner_id')
  if (id === undefined) return fallback
  if (!data.users.some((u) => u.id === id && u.active_flag)) {
    reject('owner_id', `User with id ${id} was not found`)
  }
  return id
}

function visibleTo(body: Record<string, unknown>): number {
  const value = integer(body, 'visible_to')
  if (value === undefined) return 3
  if (![1, 3, 5, 7].includes(value))
    reject('visible_to', "Parameter 'visible_to' must be one of 1, 3, 5, 7")
  return value
}

function labelIds(body: Record<string, unknown>): number[] {
  const value = body.label_ids
  if (value === undefined) return []
  if (!Array.isArray(value) || !value.every(isInteger)) {
    reject('label_ids', "Parameter 'label_ids' must be an array of integers")
  }
  return value
}

function details(body: Record<string, unknown>, key: 'emails' | 'phones'): ContactDetail[] {
  const value = body[key]
  if (value === undefined) return []
  if (!Array.isArray(value)) reject(key, `Parameter '${key}' must be an array`)
  const list = value.map((item: unknown, i) => {
    if (!isRecord(item) || typeof item.value !== 'string') {
      reject(`${key}[${i}].value`, `Parameter '${key}[${i}].value' must be a string`)
    }
    if (item.primary !== undefined && typeof item.primary !== 'boolean') {
      reject(`${key}[${i}].primary`, `Parameter '${key}[${i}].primary' must be a boolean`)
    }
    if (item.label !== undefined && typeof item.label !== 'string') {
      reject(`${key}[${i}].label`, `Parameter '${key}[${i}].label' must be a string`)
    }
    return {
      value: item.value,
      primary: item.primary === true,
      label: (item.label as string) ?? 'work',
    }
  })
  const first = list[0]
  if (first && !list.some((d) => d.primary)) first.primary = true
  return list
}

function customFields(body: Record<string, unknown>): Record<string, unknown> {
  const value = body.custom_fields
  if (value === undefined) return {}
  if (!isRecord(value)) reject('custom_fields', "Parameter 'custom_fields' must be an object")
  return structuredClone(value)
}

export function body(call: Call): Record<string, unknown> {
  const parsed = readJson(call, (message) => failure(400, message, checkDocs))
  if (!parsed.ok) throw new Invalid(parsed.reply)
  if (!isRecord(parsed.value)) reject('body', 'Request body must be an object')
  return parsed.value
}

const personKeys = [
  'name',
  'owner_id',
  'org_id',
  'add_time',
  'emails',
  'phones',
  'visible_to',
  'label_ids',
  'postal_address',
  'notes',
  'im',
  'birthday',
  'job_title',
  'marketing_status',
  'custom_fields',
]

function addPerson(call: Call): Reply {
  return guarded(() => {
    const input = body(call)
    onlyKeys(input, personKeys)
    const { data } = call.app
    // The v2 schema marks nothing required, but Pipedrive still refuses a nameless person.
    if (typeof input.name !== 'string' || input.name.trim() === '') {
      if (input.name !== undefined && typeof input.name !== 'string') {
        reject('name', "Parameter 'name' must be a string")
      }
      return failure(400, 'Name must be given.', checkDocs)
    }
    const orgId = integer(input, 'org_id')
    if (orgId !== undefined && !data.organizations.has(orgId)) {
      reject('org_id', `Organization with id ${orgId} was not found`)
    }
    const marketing = input.marketing_status
    if (
      marketing !== undefined &&
      !['no_consent', 'unsubscribed', 'subscribed', 'archived'].includes(marketing as string)
    ) {
      reject(
        'marketing_status',
        "Parameter 'marketing_status' must be one of no_consent, unsubscribed, subscribed, archived",
      )
    }
    const now = call.app.now()
    const name = input.name.trim()
    const [first = name, ...rest] = name.split(/\s+/)
    const person: Person = {
      id: data.nextId.person++,
      name,
      first_name: first,
      last_name: rest.join(' '),
      owner_id: owner(input, data, call.principal?.userId ?? data.meId),
      org_id: orgId ?? null,
      emails: details(input, 'emails'),
      phones: details(input, 'phones'),
      visible_to: visibleTo(input),
      label_ids: labelIds(input),
      picture_id: null,
      custom_fields: customFields(input),
      add_time: now,
      update_time: now,
      is_deleted: false,
    }
    const jobTitle = nullableString(input, 'job_title')
    if (jobTitle !== null) person.job_title = jobTitle
    const notes = nullableString(input, 'notes')
    if (notes !== null) person.notes = notes
    if (typeof marketing === 'string') person.marketing_status = marketing
    data.persons.set(person.id, person)
    reindex(call.app, 'persons', person.id, person)
    return json(200, { success: true, data: personView(person), additional_data: null })
  })
}

const organizationKeys = [
  'name',
  'owner_id',
  'add_time',
  'visible_to',
  'label_ids',
  'address',
  'website',
  'linkedin',
  'industry',
  'annual_revenue',
  'employee_count',
  'custom_fields',
]

function address(input: Record<string, unknown>): Address | null {
  const value = input.address
  if (value === undefined || value === null) return null
  if (!isRecord(value)) reject('address', "Parameter 'address' must be an object")
  if (typeof value.value !== 'string')
    reject('address.value', "Parameter 'address.value' must be a string")
  return structuredClone(value) as unknown as Address
}

function addOrganization(call: Call): Reply {
  return guarded(() => {
    const input = body(call)
    onlyKeys(input, organizationKeys)
    if (!('name' in input)) reject('name', "Parameter 'name' is required")
    if (typeof input.name !== 'string') reject('name', "Parameter 'name' must be a string")
    if (input.name.trim() === '') return failure(400, 'Name must be given.', checkDocs)
    const { data } = call.app
    const now = call.app.now()
    const org: Organization = {
      id: data.nextId.organization++,
      name: input.name.trim(),
      owner_id: owner(input, data, call.principal?.userId ?? data.meId),
      visible_to: visibleTo(input),
      label_ids: labelIds(input),
      address: address(input),
      website: nullableString(input, 'website'),
      linkedin: nullableString(input, 'linkedin'),
      industry: nullableInteger(input, 'industry'),
      annual_revenue: nullableInteger(input, 'annual_revenue'),
      employee_count: nullableInteger(input, 'employee_count'),
      custom_fields: customFields(input),
      add_time: now,
      update_time: now,
      is_deleted: false,
    }
    data.organizations.set(org.id, org)
    reindex(call.app, 'organizations', org.id, org)
    return json(200, { success: true, data: organizationView(org), additional_data: null })
  })
}

function idParam(call: Call): number | Reply {
  const id = intParam(call.params.id ?? null)
  if (id === null || id === undefined || id < 1) {
    return v2Invalid('id', "Parameter 'id' must be a positive integer")
  }
  return id
}

function getPerson(call: Call): Reply {
  const id = idParam(call)
  if (typeof id !== 'number') return id
  const person = call.app.data.persons.get(id)
  if (!person || person.is_deleted) return failure(404, 'Person not found', checkDocs)
  return json(200, { success: true, data: personView(person), additional_data: null })
}

function getOrganization(call: Call): Reply {
  const id = idParam(call)
  if (typeof id !== 'number') return id
  const org = call.app.data.organizations.get(id)
  if (!org || org.is_deleted) return failure(404, 'Organization not found', checkDocs)
  return json(200, { success: true, data: organizationView(org), additional_data: null })
}

/** limit (at most 500) and offset cursor of the v2 searches (ranked, so offsets are fine). */
export function cursorPage(query: URLSearchParams): { offset: number; limit: number } | Reply {
  const limit = intParam(query.get('limit'))
  if (limit === null || (limit !== undefined && (limit < 1 || limit > 500))) {
    return v2Invalid('limit', "Parameter 'limit' must be an integer between 1 and 500")
  }
  const cursor = query.get('cursor')
  const offset = cursor ? decodeCursor(cursor) : 0
  if (offset === null) return v2Invalid('cursor', "Parameter 'cursor' is invalid")
  return { offset, limit: limit ?? 100 }
}

export function nextCursor(offset: number, limit: number, total: number): string | null {
  return offset + limit < total ? encodeCursor(offset + limit) : null
}
