import { z } from 'zod'
import { isoTime } from '../catalog/pipedrive-time'
import { PipedriveFailure } from './failure'
import type {
  OutboxGateway,
  RemoteActivity,
  RemoteContact,
  RemoteLead,
  RemoteNote,
} from './outbox-gateway'
import type { PipedriveClient } from './pipedrive-client'

// What the outbox relies on in a lead, checked: the spec marks nothing required, and a lead
// without an id is no proof of anything.
const remoteLeadSchema = z.looseObject({
  id: z.string().min(1),
  title: z.string(),
  owner_id: z.number(),
  creator_id: z.number(),
  label_ids: z.array(z.string()),
  person_id: z.number().nullable(),
  organization_id: z.number().nullable(),
  origin_id: z.string().nullable(),
  is_archived: z.boolean(),
  was_seen: z.boolean(),
  value: z.object({ amount: z.number(), currency: z.string() }).nullable(),
  expected_close_date: z.string().nullable(),
  visible_to: z.string(),
  add_time: z.string(),
  update_time: z.string(),
})
const namedSchema = z.looseObject({ id: z.number().int(), name: z.string() })
// A note's or an activity's answer: only its id matters.
const noteSchema = z.looseObject({ id: z.number().int() })
const time = z.string().transform((value, context) => {
  const iso = isoTime(value)
  if (iso === null) {
    context.addIssue({ code: 'custom', message: 'not a time' })
    return z.NEVER
  }
  return Date.parse(iso)
})
const details = z
  .array(z.looseObject({ value: z.string() }))
  .nullish()
  .transform((list) => (list ?? []).map((item) => item.value))
const contactSchema = z
  .looseObject({
    id: z.number().int(),
    name: z.string(),
    add_time: time,
    emails: details,
    phones: details,
  })
  .transform((c): RemoteContact => ({
    id: c.id,
    name: c.name,
    emails: c.emails,
    phones: c.phones,
    addTime: c.add_time,
  }))
export const listedNoteSchema = z
  .looseObject({
    id: z.number().int(),
    content: z.string(),
    lead_id: z.string().nullish(),
    add_time: time,
  })
  .transform((n): RemoteNote => ({
    id: n.id,
    content: n.content,
    leadId: n.lead_id ?? null,
    addTime: n.add_time,
  }))
export const listedActivitySchema = z
  .looseObject({
    id: z.number().int(),
    subject: z.string(),
    type: z.string(),
    lead_id: z.string().nullish(),
    due_date: z.string().nullish(),
    due_time: z.string().nullish(),
    done: z.boolean().optional(),
    add_time: time,
  })
  .transform((a): RemoteActivity => ({
    id: a.id,
    subject: a.subject,
    type: a.type,
    leadId: a.lead_id ?? null,
    dueDate: a.due_date ?? null,
    dueTime: a.due_time ? a.due_time.slice(0, 5) : null,
    done: a.done === true,
    addTime: a.add_time,
  }))
const conversionSchema = z.looseObject({ conversion_id: z.string().min(1) })
const conversionStatusSchema = z.looseObject({
  status: z.enum(['not_started', 'running', 'completed', 'failed', 'rejected']),
  deal_id: z.number().int().optional(),
})

/**
 * An answer that arrived (2xx) but lacks what the outbox needs. After a write that means
 * "probably applied, unknown how": the outbox reconciles before sending again.
 */
function unreadable(write: boolean, what: string): PipedriveFailure {
  return new PipedriveFailure(
    write ? 'unknown_outcome' : 'server_error',
    `Pipedrive's answer did not contain a usable ${what}.`,
  )
}

function parse<T>(schema: z.ZodType<T>, value: unknown, write: boolean, what: string): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw unreadable(write, what)
  return parsed.data
}

const lead = (value: unknown, write: boolean) =>
  parse(remoteLeadSchema, value, write, 'lead') as RemoteLead

/** Items of a listing the outbox can read; one it cannot is no proof, so it is left out. */
export function readable<T>(schema: z.ZodType<T>, items: readonly unknown[]): T[] {
  return items.flatMap((item) => {
    const parsed = schema.safeParse(item)
    return parsed.success ? [parsed.data] : []
  })
}

/**
 * The OutboxGateway on top of the typed client: what the sync engine calls. Sending a row
 * counts as capture in the token ledger; the listings that find out whether a request whose
 * answer was lost landed count as lookups.
 */
export function createOutboxGateway(
  account: PipedriveClient,
  options: { pageSize?: number; signal?: AbortSignal } = {},
): OutboxGateway {
  const client = account.for('capture')
  const lookups = account.for('lookups')
  const pageSize = options.pageSize ?? 500
  const request = options.signal ? { signal: options.signal } : undefined
  return {
    async addLead(body) {
      const response = await client.addLead(body, request)
      return lead(response.data, true)
    },
    async updateLead(id, body) {
      const response = await client.updateLead(id, body, request)
      return lead(response.data, true)
    },
    async deleteLead(id) {
      await client.deleteLead(id, request)
    },
    async getLead(id) {
      const response = await client.getLead(id, request)
      return lead(response.data, false)
    },
    async listLeads(query) {
      const leads = await lookups.listLeads(query, pageSize, request)
      return leads.map((item) => lead(item, false))
    },
    async listArchivedLeads(query) {
      const leads = await lookups.listArchivedLeads(query, pageSize, request)
      return leads.map((item) => lead(item, false))
    },
    async addPerson(body) {
      const response = await client.addPerson(body, request)
      const { id, name } = parse(namedSchema, response.data, true, 'person')
      return { id, name }
    },
    async addOrganization(body) {
      const response = await client.addOrganization(body, request)
      const { id, name } = parse(namedSchema, response.data, true, 'organization')
      return { id, name }
    },
    async listPersons(query) {
      return readable(contactSchema, await lookups.listPersons(query, pageSize, request))
    },
    async listOrganizations(query) {
      return readable(contactSchema, await lookups.listOrganizations(query, pageSize, request))
    },
    async listNotes(query) {
      return readable(listedNoteSchema, await lookups.listNotes(query, pageSize, request))
    },
    async addNote(body) {
      const response = await client.addNote(body, request)
      const { id } = parse(noteSchema, response.data, true, 'note')
      return { id }
    },
    async listActivities(query) {
      return readable(listedActivitySchema, await lookups.listActivities(query, pageSize, request))
    },
    async addActivity(body) {
      const response = await client.addActivity(body, request)
      const { id } = parse(noteSchema, response.data, true, 'activity')
      return { id }
    },
    async markActivityDone(id) {
      await client.updateActivity(id, { done: true }, request)
    },
    async convertLead(id) {
      const response = await client.convertLeadToDeal(id, {}, request)
      const data = parse(conversionSchema, response.data, true, 'conversion id')
      return { conversionId: data.conversion_id }
    },
    async conversionStatus(id, conversionId) {
      const response = await client.getLeadConversionStatus(id, conversionId, request)
      const data = parse(conversionStatusSchema, response.data, false, 'conversion status')
      return data.deal_id === undefined
        ? { status: data.status }
        : { status: data.status, dealId: data.deal_id }
    },
    bound: (signal) => createOutboxGateway(account, { ...options, signal }),
    serverClockOffsetMs: () => client.http.serverClockOffsetMs,
  }
}
