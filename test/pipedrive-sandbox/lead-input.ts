// Validation of POST /v1/leads and PATCH /v1/leads/{id} bodies. The lead service is stricter
// than the deal endpoints: it rejects null on create, wants visible_to as a string and value as
// an object, and reports problems Joi-style ("\"owner_id\" must be a number").
import { fieldKeyPattern, isCalendarDate, isInteger, uuidPattern } from './formats'
import type { Reply } from './http'
import { invalidDataset, isRecord } from './http'
import type { Data, DealField, Lead, Money } from './store'

export type LeadChanges = Partial<Omit<Lead, 'custom'>> & {
  /** Custom values to set; null unsets. */
  custom?: Record<string, unknown>
}

type Result = { ok: true; changes: LeadChanges } | { ok: false; reply: Reply }

const createKeys = [
  'title',
  'owner_id',
  'label_ids',
  'person_id',
  'organization_id',
  'value',
  'expected_close_date',
  'visible_to',
  'was_seen',
  'origin_id',
  'channel',
  'channel_id',
]
// The update schema adds is_archived and has no origin_id (it is set once, on create).
const updateKeys = [...createKeys.filter((k) => k !== 'origin_id'), 'is_archived']

// Which fields the update schema marks nullable; on create none of these may be null.
const nullableOnUpdate = new Set([
  'title',
  'person_id',
  'organization_id',
  'value',
  'expected_close_date',
  'channel',
  'channel_id',
])
const nullableOnCreate = new Set(['value', 'origin_id', 'channel', 'channel_id'])

const visibilities = ['1', '3', '5', '7']

class Invalid extends Error {}

function fail(info: string): never {
  throw new Invalid(info)
}

function q(key: string): string {
  return `"${key}"`
}

export function readLeadInput(
  body: unknown,
  mode: 'create' | 'update',
  data: Data,
  existing?: Lead,
): Result {
  try {
    return { ok: true, changes: parse(body, mode, data, existing) }
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, reply: invalidDataset(error.message) }
    throw error
  }
}

function parse(body: unknown, mode: 'create' | 'update', data: Data, existing?: Lead): LeadChanges {
  if (!isRecord(body)) fail(`${q('value')} must be of type object`)
  const allowed = mode === 'create' ? createKeys : updateKeys
  const nullable = mode === 'create' ? nullableOnCreate : nullableOnUpdate
  const customFields = new Map(data.dealFields.filter((f) => f.custom).map((f) => [f.key, f]))
  const changes: LeadChanges = {}
  const custom: Record<string, unknown> = {}

  for (const key of Object.keys(body)) {
    if (allowed.includes(key)) continue
    const base = key.endsWith('_currency') ? key.slice(0, -'_currency'.length) : key
    if (fieldKeyPattern.test(base) && customFields.has(base)) {
      if (base !== key && customFields.get(base)?.field_type !== 'monetary')
        fail(`${q(key)} is not allowed`)
      continue
    }
    fail(`${q(key)} is not allowed`)
  }

  if (mode === 'create' && !('title' in body)) fail(`${q('title')} is required`)

  for (const key of allowed) {
    if (!(key in body)) continue
    const value = body[key]
    if (value === null) {
      // The update schema marks title nullable, but a lead cannot live without one; refusing
      // keeps an app from relying on it.
      if (key === 'title' || !nullable.has(key)) fail(nullMessage(key))
      ;(changes as Record<string, unknown>)[key] = null
      continue
    }
    ;(changes as Record<string, unknown>)[key] = field(key, value, data)
  }

  for (const [key, fieldDef] of customFields) {
    if (key in body) custom[key] = customValue(fieldDef, body[key], data)
    const currencyKey = `${key}_currency`
    if (currencyKey in body)
      custom[currencyKey] = currencyValue(currencyKey, body[currencyKey], data)
  }
  if (Object.keys(custom).length > 0) changes.custom = custom

  const personId = 'person_id' in changes ? changes.person_id : (existing?.person_id ?? null)
  const orgId =
    'organization_id' in changes ? changes.organization_id : (existing?.organization_id ?? null)
  if (personId === null && orgId === null) {
    fail(`${q('value')} must contain at least one of [person_id, organization_id]`)
  }
  return changes
}

function nullMessage(key: string): string {
  const kinds: Record<string, string> = {
    title: 'a string',
    owner_id: 'a number',
    person_id: 'a number',
    organization_id: 'a number',
    label_ids: 'an array',
    expected_close_date: 'a string',
    visible_to: 'a string',
    was_seen: 'a boolean',
    is_archived: 'a boolean',
  }
  return `${q(key)} must be ${kinds[key] ?? 'a string'}`
}

function integerField(key: string, value: unknown): number {
  if (typeof value !== 'number') fail(`${q(key)} must be a number`)
  if (!Number.isInteger(value)) fail(`${q(key)} must be an integer`)
  return value
}

function field(key: string, value: unknown, data: Data): unknown {
  switch (key) {
    case 'title':
      if (typeof value !== 'string') fail(`${q(key)} must be a string`)
      if (value.trim() === '') fail(`${q(key)} is not allowed to be empty`)
      return value
    case 'owner_id': {
      const id = integerField(key, value)
      const user = data.users.find((u) => u.id === id)
      if (!user || !user.active_flag) fail(`User with ID ${id} does not exist or is not active`)
      return id
    }
    case 'person_id': {
      const id = integerField(key, value)
      if (!data.persons.get(id) || data.persons.get(id)?.is_deleted) {
        fail(`Person with ID ${id} does not exist`)
      }
      return id
    }
    case 'organization_id': {
      const id = integerField(key, value)
      if (!data.organizations.get(id) || data.organizations.get(id)?.is_deleted) {
        fail(`Organization with ID ${id} does not exist`)
      }
      return id
    }
    case 'label_ids':
      if (!Array.isArray(value)) fail(`${q(key)} must be an array`)
      value.forEach((id: unknown, i) => {
        if (typeof id !== 'string' || !uuidPattern.test(id))
          fail(`${q(`label_ids[${i}]`)} must be a valid GUID`)
        if (!data.leadLabels.has(id)) fail(`Lead label with ID ${id} does not exist`)
      })
      return [...new Set(value as string[])]
    case 'value':
      return money(value, data)
    case 'expected_close_date':
      if (typeof value !== 'string') fail(`${q(key)} must be a string`)
      if (!isCalendarDate(value)) fail(`${q(key)} must be in YYYY-MM-DD format`)
      return value
    case 'visible_to':
      if (typeof value !== 'string') fail(`${q(key)} must be a string`)
      if (!visibilities.includes(value)) fail(`${q(key)} must be one of [1, 3, 5, 7]`)
      return value
    case 'was_seen':
    case 'is_archived':
      if (typeof value !== 'boolean') fail(`${q(key)} must be a boolean`)
      return value
    case 'origin_id':
    case 'channel_id':
      if (typeof value !== 'string') fail(`${q(key)} must be a string`)
      return value
    case 'channel': {
      const id = integerField(key, value)
      const channels = data.dealFields.find((f) => f.key === 'channel')?.options ?? []
      if (!channels.some((o) => o.id === id))
        fail(`${q(key)} must be one of the company's channels`)
      return id
    }
    default:
      return fail(`${q(key)} is not allowed`)
  }
}

function money(value: unknown, data: Data): Money {
  if (!isRecord(value)) fail(`${q('value')} must be of type object`)
  for (const key of Object.keys(value)) {
    if (key !== 'amount' && key !== 'currency') fail(`${q(`value.${key}`)} is not allowed`)
  }
  if (!('amount' in value)) fail(`${q('value.amount')} is required`)
  if (typeof value.amount !== 'number' || !Number.isFinite(value.amount)) {
    fail(`${q('value.amount')} must be a number`)
  }
  if (!('currency' in value)) fail(`${q('value.currency')} is required`)
  return {
    amount: value.amount,
    currency: currencyValue('value.currency', value.currency, data) as string,
  }
}

function currencyValue(key: string, value: unknown, data: Data): string | null {
  if (value === null && key !== 'value.currency') return null
  if (typeof value !== 'string') fail(`${q(key)} must be a string`)
  if (!data.currencies.some((c) => c.active_flag && c.code === value)) {
    fail(`${q(key)} must be a valid currency code`)
  }
  return value
}

function optionIds(fieldDef: DealField, value: unknown): number[] {
  const raw = typeof value === 'string' ? value.split(',').filter((s) => s.trim() !== '') : value
  const list = Array.isArray(raw) ? raw : [raw]
  return list.map((item) => {
    const id = typeof item === 'string' && /^\s*\d+\s*$/.test(item) ? Number(item) : item
    if (!isInteger(id) || !fieldDef.options?.some((o) => o.id === id)) {
      fail(`${q(fieldDef.key)} must be one of the field's option ids`)
    }
    return id
  })
}

function customValue(fieldDef: DealField, value: unknown, data: Data): unknown {
  if (value === null) return null
  const key = fieldDef.key
  switch (fieldDef.field_type) {
    case 'varchar':
    case 'varchar_auto':
    case 'phone':
    case 'address':
    case 'text':
    case 'time':
    case 'timerange':
    case 'daterange':
      if (typeof value !== 'string') fail(`${q(key)} must be a string`)
      if (fieldDef.field_type === 'varchar' && value.length > 255) {
        fail(`${q(key)} length must be less than or equal to 255 characters long`)
      }
      return value
    case 'double':
    case 'monetary':
      if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${q(key)} must be a number`)
      return value
    case 'date':
      if (typeof value !== 'string' || !isCalendarDate(value)) {
        fail(`${q(key)} must be in YYYY-MM-DD format`)
      }
      return value
    case 'enum': {
      const ids = optionIds(fieldDef, value)
      if (ids.length !== 1) fail(`${q(key)} must be a single option id`)
      return ids[0]
    }
    case 'set': {
      const ids = optionIds(fieldDef, value)
      return ids.length === 0 ? null : [...new Set(ids)].join(',')
    }
    case 'user':
      if (!data.users.some((u) => u.id === value)) fail(`${q(key)} must be a user id`)
      return value
    case 'org':
      if (!isInteger(value) || !data.organizations.has(value)) {
        fail(`${q(key)} must be an organization id`)
      }
      return value
    case 'people':
      if (!isInteger(value) || !data.persons.has(value)) fail(`${q(key)} must be a person id`)
      return value
    case 'visible_to':
      // Only the system visibility field has this type; no custom field does.
      return value
  }
}

/** Applies validated custom values: null unsets, monetary amounts default their currency. */
export function applyCustom(
  lead: Lead,
  custom: Record<string, unknown>,
  fields: DealField[],
  defaultCurrency: string,
): void {
  for (const [key, value] of Object.entries(custom)) {
    if (value === null) {
      delete lead.custom[key]
      if (!key.endsWith('_currency')) delete lead.custom[`${key}_currency`]
    } else {
      lead.custom[key] = value
    }
  }
  for (const field of fields) {
    if (field.field_type !== 'monetary' || !(field.key in lead.custom)) continue
    lead.custom[`${field.key}_currency`] ??= defaultCurrency
  }
}
