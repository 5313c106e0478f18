// Search endpoints: v2 persons, organizations and leads, plus the (not deprecated) v1 lead
// search. All share the 10-per-2-seconds search burst limit, and all read the search index,
// which lags behind writes (search-index.ts).
import { cursorPage, nextCursor } from './contacts'
import { intParam } from './formats'
import type { Call, Reply } from './http'
import { checkDocs, failure, json, v2Invalid } from './http'
import type { Router } from './router'
import { indexedBefore } from './search-index'
import type { Data, Lead, Note, Organization, Person } from './store'
import { searchableTypes } from './views'

export function registerSearch(router: Router): void {
  router.add('GET', 'v2', '/persons/search', searchPersons, { search: true })
  router.add('GET', 'v2', '/organizations/search', searchOrganizations, { search: true })
  router.add('GET', 'v2', '/leads/search', (call) => searchLeads(call, 'v2'), { search: true })
  router.add('GET', 'v1', '/leads/search', (call) => searchLeads(call, 'v1'), { search: true })
}

interface Terms {
  term: string
  fields: Set<string>
  exact: boolean
}

function parseTerms(call: Call, allowed: string[], api: 'v1' | 'v2'): Terms | Reply {
  const bad = (field: string, message: string) =>
    api === 'v2' ? v2Invalid(field, message) : failure(400, message, checkDocs)
  const term = (call.query.get('term') ?? '').trim()
  const exactRaw = call.query.get('exact_match')
  // v2 takes only true/false; v1 also reads 1/0.
  const exactValues = api === 'v2' ? ['true', 'false'] : ['true', 'false', '1', '0']
  if (exactRaw !== null && !exactValues.includes(exactRaw)) {
    return bad('exact_match', "Parameter 'exact_match' must be a boolean")
  }
  const exact = exactRaw === 'true' || exactRaw === '1'
  if (!call.query.has('term')) return bad('term', "Parameter 'term' is required")
  if (term.length < (exact ? 1 : 2)) {
    return bad('term', `Parameter 'term' must be at least ${exact ? 1 : 2} characters long`)
  }
  const fieldsRaw = call.query.get('fields')
  const fields = new Set(fieldsRaw ? fieldsRaw.split(',').map((f) => f.trim()) : allowed)
  for (const field of fields) {
    if (!allowed.includes(field)) {
      return bad(
        'fields',
        `Parameter 'fields' must be a comma-separated subset of ${allowed.join(', ')}`,
      )
    }
  }
  return { term, fields, exact }
}

/** 0 for no match; otherwise a rough relevance in (0, 1] like Pipedrive's result_score. */
function score(value: unknown, terms: Terms): number {
  if (value === null || value === undefined) return 0
  const text = String(value).toLowerCase()
  const term = terms.term.toLowerCase()
  if (text === term) return 1
  if (terms.exact) return 0
  if (!text.includes(term)) return 0
  const base = text.startsWith(term) ? 0.5 : 0.25
  return Math.round((base + (0.4 * term.length) / text.length) * 10_000) / 10_000
}

interface Hit<T> {
  record: T
  score: number
  customFields: string[]
  notes: string[]
}

function best(...scores: number[]): number {
  return Math.max(0, ...scores)
}

/** Records and notes as the search index has them now. */
function indexView(call: Call) {
  const { searchIndex } = call.app.data
  const asOf = indexedBefore(call.app)
  return {
    leads: () => searchIndex.leads.asOf(asOf),
    persons: () => searchIndex.persons.asOf(asOf),
    organizations: () => searchIndex.organizations.asOf(asOf),
    notes: searchIndex.notes.asOf(asOf),
  }
}

function customMatches(custom: Record<string, unknown>, data: Data, terms: Terms): string[] {
  const searchable = new Set(
    data.dealFields.filter((f) => f.custom && searchableTypes.has(f.field_type)).map((f) => f.key),
  )
  return Object.entries(custom)
    .filter(([key, value]) => searchable.has(key) && score(value, terms) > 0)
    .map(([, value]) => String(value))
}

function ranked<T extends { id: number | string }>(hits: Array<Hit<T>>): Array<Hit<T>> {
  return hits
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score || String(a.record.id).localeCompare(String(b.record.id)))
}

function searchPersons(call: Call): Reply {
  const terms = parseTerms(call, ['custom_fields', 'email', 'notes', 'phone', 'name'], 'v2')
  if ('status' in terms) return terms
  const page = cursorPage(call.query)
  if ('status' in page) return page
  const orgFilter = intParam(call.query.get('organization_id'))
  if (orgFilter === null) {
    return v2Invalid('organization_id', "Parameter 'organization_id' must be an integer")
  }
  const { data } = call.app
  const index = indexView(call)
  const f = terms.fields
  const hits: Array<Hit<Person>> = index
    .persons()
    .filter((p) => !p.is_deleted)
    .filter((p) => orgFilter === undefined || p.org_id === orgFilter)
    .map((p) => {
      const notes = f.has('notes') ? notesAbout(index.notes, { person_id: p.id }, terms) : []
      const customFields = f.has('custom_fields') ? customValues(p.custom_fields, terms) : []
      return {
        record: p,
        customFields,
        notes,
        score: best(
          f.has('name') ? score(p.name, terms) : 0,
          ...(f.has('email') ? p.emails.map((e) => score(e.value, terms)) : []),
          ...(f.has('phone') ? p.phones.map((x) => score(x.value, terms)) : []),
          notes.length > 0 ? 0.2 : 0,
          customFields.length > 0 ? 0.2 : 0,
        ),
      }
    })
  const all = ranked(hits)
  const withPicture = call.query.get('include_fields') === 'person.picture'
  const items = all.slice(page.offset, page.offset + page.limit).map((hit) => {
    const p = hit.record
    const org = p.org_id === null ? undefined : data.organizations.get(p.org_id)
    return {
      result_score: hit.score,
      item: {
        id: p.id,
        type: 'person',
        name: p.name,
        phones: p.phones.map((x) => x.value),
        emails: p.emails.map((x) => x.value),
        visible_to: p.visible_to,
        owner: { id: p.owner_id },
        organization: org
          ? { id: org.id, name: org.name, address: org.address?.value ?? null }
          : null,
        custom_fields: hit.customFields,
        notes: hit.notes,
        ...(withPicture ? { picture: null } : {}),
      },
    }
  })
  return json(200, {
    success: true,
    data: { items },
    additional_data: { next_cursor: nextCursor(page.offset, page.limit, all.length) },
  })
}

function customValues(custom: Record<string, unknown>, terms: Terms): string[] {
  return Object.values(custom)
    .filter((v) => (typeof v === 'string' || typeof v === 'number') && score(v, terms) > 0)
    .map(String)
}

function notesAbout(
  notes: Note[],
  link: { person_id?: number; org_id?: number; lead_id?: string },
  terms: Terms,
): string[] {
  return notes
    .filter(
      (n) =>
        (link.person_id !== undefined && n.person_id === link.person_id) ||
        (link.org_id !== undefined && n.org_id === link.org_id) ||
        (link.lead_id !== undefined && n.lead_id === link.lead_id),
    )
    .filter((n) => score(n.content, terms) > 0)
    .map((n) => n.content)
}

function searchOrganizations(call: Call): Reply {
  const terms = parseTerms(call, ['address', 'custom_fields', 'notes', 'name'], 'v2')
  if ('status' in terms) return terms
  const page = cursorPage(call.query)
  if ('status' in page) return page
  const index = indexView(call)
  const f = terms.fields
  const hits: Array<Hit<Organization>> = index
    .organizations()
    .filter((o) => !o.is_deleted)
    .map((o) => {
      const notes = f.has('notes') ? notesAbout(index.notes, { org_id: o.id }, terms) : []
      const customFields = f.has('custom_fields') ? customValues(o.custom_fields, terms) : []
      return {
        record: o,
        notes,
        customFields,
        score: best(
          f.has('name') ? score(o.name, terms) : 0,
          f.has('address') ? score(o.address?.value, terms) : 0,
          notes.length > 0 ? 0.2 : 0,
          customFields.length > 0 ? 0.2 : 0,
        ),
      }
    })
  const all = ranked(hits)
  const items = all.slice(page.offset, page.offset + page.limit).map((hit) => ({
    result_score: hit.score,
    item: {
      id: hit.record.id,
      type: 'organization',
      name: hit.record.name,
      address: hit.record.address?.value ?? null,
      visible_to: hit.record.visible_to,
      owner: { id: hit.record.owner_id },
      custom_fields: hit.customFields,
      notes: hit.notes,
    },
  }))
  return json(200, {
    success: true,
    data: { items },
    additional_data: { next_cursor: nextCursor(page.offset, page.limit, all.length) },
  })
}

function searchLeads(call: Call, api: 'v1' | 'v2'): Reply {
  const terms = parseTerms(call, ['custom_fields', 'notes', 'title'], api)
  if ('status' in terms) return terms
  let offset: number
  let limit: number
  if (api === 'v2') {
    const page = cursorPage(call.query)
    if ('status' in page) return page
    ;({ offset, limit } = page)
  } else {
    const start = intParam(call.query.get('start'))
    const size = intParam(call.query.get('limit'))
    if (start === null || size === null) {
      return failure(400, 'start and limit must be integers', checkDocs)
    }
    offset = start ?? 0
    limit = Math.min(Math.max(size ?? 100, 1), 500)
  }
  const personId = intParam(call.query.get('person_id'))
  const orgId = intParam(call.query.get('organization_id'))
  if (personId === null || orgId === null) {
    const field = personId === null ? 'person_id' : 'organization_id'
    return api === 'v2'
      ? v2Invalid(field, `Parameter '${field}' must be an integer`)
      : failure(400, `${field} must be an integer`, checkDocs)
  }
  const { data } = call.app
  const index = indexView(call)
  const f = terms.fields
  const hits: Array<Hit<Lead>> = index
    .leads()
    .filter((l) => personId === undefined || l.person_id === personId)
    .filter((l) => orgId === undefined || l.organization_id === orgId)
    .map((l) => {
      const notes = f.has('notes') ? notesAbout(index.notes, { lead_id: l.id }, terms) : []
      const customFields = f.has('custom_fields') ? customMatches(l.custom, data, terms) : []
      return {
        record: l,
        notes,
        customFields,
        score: best(
          f.has('title') ? score(l.title, terms) : 0,
          notes.length > 0 ? 0.2 : 0,
          customFields.length > 0 ? (terms.exact ? 1 : 0.3) : 0,
        ),
      }
    })
  const all = ranked(hits)
  const withSeen = call.query.get('include_fields') === 'lead.was_seen'
  const items = all.slice(offset, offset + limit).map((hit) => {
    const l = hit.record
    const person = l.person_id === null ? undefined : data.persons.get(l.person_id)
    const org = l.organization_id === null ? undefined : data.organizations.get(l.organization_id)
    return {
      result_score: hit.score,
      item: {
        id: l.id,
        type: 'lead',
        title: l.title,
        owner: { id: l.owner_id },
        person: person ? { id: person.id, name: person.name } : null,
        organization: org ? { id: org.id, name: org.name } : null,
        phones: person ? person.phones.map((p) => p.value) : [],
        emails: person ? person.emails.map((e) => e.value) : [],
        custom_fields: hit.customFields,
        notes: hit.notes,
        value: l.value?.amount ?? null,
        currency: l.value?.currency ?? null,
        // An integer here, unlike the string visible_to of the lead itself.
        visible_to: Number(l.visible_to),
        is_archived: l.is_archived,
        ...(withSeen ? { was_seen: l.was_seen } : {}),
      },
    }
  })
  const more = offset + limit < all.length
  const additional =
    api === 'v2'
      ? { next_cursor: nextCursor(offset, limit, all.length) }
      : {
          pagination: {
            start: offset,
            limit,
            more_items_in_collection: more,
            ...(more ? { next_start: offset + limit } : {}),
          },
        }
  return json(200, { success: true, data: { items }, additional_data: additional })
}
