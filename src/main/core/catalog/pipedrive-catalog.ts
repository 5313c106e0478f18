// What the catalog keeps of Pipedrive's answers. Each item is checked on its own: one odd
// record is skipped (and counted), it does not cost the user the whole refresh.
import { z } from 'zod'
import type {
  CatalogActivityType,
  CatalogCurrency,
  CatalogField,
  CatalogLabel,
  CatalogOrganization,
  CatalogPerson,
  CatalogUser,
} from './catalog'
import { isoTime } from './pipedrive-time'

/** Custom field keys are 40 hex digits; leads carry their values under these keys. */
export const customFieldKey = /^[0-9a-f]{40}$/

const userSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  email: z.string().nullish(),
  active_flag: z.boolean().optional(),
  default_currency: z.string().nullish(),
})

const labelSchema = z.looseObject({ id: z.string(), name: z.string(), color: z.string() })

const currencySchema = z.looseObject({
  code: z.string(),
  name: z.string(),
  symbol: z.string().nullish(),
  decimal_points: z.number().int().nullish(),
  active_flag: z.boolean().optional(),
})

const fieldSchema = z.looseObject({
  key: z.string(),
  name: z.string(),
  field_type: z.string(),
  order_nr: z.number().int().nullish(),
  options: z
    .array(z.looseObject({ id: z.union([z.number(), z.string()]), label: z.string() }))
    .nullish(),
})

const activityTypeSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  key_string: z.string().min(1),
  active_flag: z.boolean().optional(),
  order_nr: z.number().int().nullish(),
})

const personSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  org_id: z.number().int().nullish(),
  emails: z.array(z.looseObject({ value: z.string(), primary: z.boolean().optional() })).nullish(),
  update_time: z.string().nullish(),
  is_deleted: z.boolean().optional(),
})

const organizationSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  update_time: z.string().nullish(),
  is_deleted: z.boolean().optional(),
})

/** Items that passed, and how many did not. */
export interface Parsed<T> {
  items: T[]
  skipped: number
}

function parseEach<S extends z.ZodType, T>(
  schema: S,
  raw: unknown,
  toItem: (item: z.output<S>) => T | null,
): Parsed<T> {
  const list = Array.isArray(raw) ? raw : []
  const items: T[] = []
  let skipped = 0
  for (const entry of list) {
    const parsed = schema.safeParse(entry)
    const item = parsed.success ? toItem(parsed.data) : null
    if (item === null) skipped += 1
    else items.push(item)
  }
  return { items, skipped }
}

export function parseUsers(raw: unknown, meId: number): Parsed<CatalogUser> {
  return parseEach(userSchema, raw, (u) => ({
    id: u.id,
    name: u.name,
    email: u.email ?? '',
    active: u.active_flag !== false,
    isYou: u.id === meId,
    defaultCurrency: u.default_currency ?? null,
  }))
}

export function parseLabels(raw: unknown): Parsed<CatalogLabel> {
  return parseEach(labelSchema, raw, (l) => ({ id: l.id, name: l.name, color: l.color }))
}

export function parseCurrencies(raw: unknown): Parsed<CatalogCurrency> {
  return parseEach(currencySchema, raw, (c) => ({
    code: c.code,
    name: c.name,
    symbol: c.symbol ?? c.code,
    decimalPoints: c.decimal_points ?? 2,
    active: c.active_flag !== false,
  }))
}

export function parseActivityTypes(raw: unknown): Parsed<CatalogActivityType> {
  return parseEach(activityTypeSchema, raw, (t) => ({
    id: t.id,
    key: t.key_string,
    name: t.name,
    active: t.active_flag !== false,
    orderNr: t.order_nr ?? 0,
  }))
}

/** Only custom fields: the inbox shows their values by name; system fields it knows. */
export function parseCustomFields(raw: unknown): Parsed<CatalogField> {
  const all = parseEach(fieldSchema, raw, (f) => f)
  const items = all.items
    .filter((f) => customFieldKey.test(f.key))
    .map((f) => ({
      key: f.key,
      name: f.name,
      fieldType: f.field_type,
      options: f.options ? f.options.map((o) => ({ id: o.id, label: o.label })) : null,
      orderNr: f.order_nr ?? 0,
    }))
  return { items, skipped: all.skipped }
}

/** Deleted records come back only from some lists; they are removed, not stored. */
export interface ContactPage<T> extends Parsed<T> {
  deleted: number[]
}

export function parsePersons(raw: unknown): ContactPage<CatalogPerson> {
  const deleted: number[] = []
  const parsed = parseEach(personSchema, raw, (p) => {
    if (p.is_deleted) {
      deleted.push(p.id)
      return undefined
    }
    const emails = p.emails ?? []
    const email = (emails.find((e) => e.primary) ?? emails[0])?.value ?? null
    return {
      id: p.id,
      name: p.name,
      email: email === '' ? null : email,
      organizationId: p.org_id ?? null,
      updateTime: isoTime(p.update_time),
    }
  })
  return withDeleted(parsed, deleted)
}

export function parseOrganizations(raw: unknown): ContactPage<CatalogOrganization> {
  const deleted: number[] = []
  const parsed = parseEach(organizationSchema, raw, (o) => {
    if (o.is_deleted) {
      deleted.push(o.id)
      return undefined
    }
    return { id: o.id, name: o.name, updateTime: isoTime(o.update_time) }
  })
  return withDeleted(parsed, deleted)
}

function withDeleted<T>(parsed: Parsed<T | undefined>, deleted: number[]): ContactPage<T> {
  const items = parsed.items.filter((item): item is T => item !== undefined)
  return { items, skipped: parsed.skipped, deleted }
}
