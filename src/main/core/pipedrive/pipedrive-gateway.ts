import { z } from 'zod'
import { PipedriveFailure } from './failure'
import type { OutboxGateway, RemoteLead } from './outbox-gateway'
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
const noteSchema = z.looseObject({ id: z.number().int() })
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

/** The OutboxGateway on top of the typed client: what the sync engine calls. */
export function createOutboxGateway(
  client: PipedriveClient,
  options: { pageSize?: number } = {},
): OutboxGateway {
  const pageSize = options.pageSize ?? 500
  return {
    async addLead(body) {
      const response = await client.addLead(body)
      return lead(response.data, true)
    },
    async updateLead(id, body) {
      const response = await client.updateLead(id, body)
      return lead(response.data, true)
    },
    async deleteLead(id) {
      await client.deleteLead(id)
    },
    async getLead(id) {
      const response = await client.getLead(id)
      return lead(response.data, false)
    },
    async listLeads(query) {
      const leads = await client.listLeads(query, pageSize)
      return leads.map((item) => lead(item, false))
    },
    async addPerson(body) {
      const response = await client.addPerson(body)
      const { id, name } = parse(namedSchema, response.data, true, 'person')
      return { id, name }
    },
    async addOrganization(body) {
      const response = await client.addOrganization(body)
      const { id, name } = parse(namedSchema, response.data, true, 'organization')
      return { id, name }
    },
    async findPersons(term, field) {
      if (term.trim() === '') return []
      const items = await client.searchAll((cursor) =>
        client.searchPersons({ term, fields: field, exact_match: true, limit: 100, cursor }),
      )
      return items.flatMap(({ item }) => {
        const found = namedSchema.safeParse(item)
        return found.success ? [{ id: found.data.id, name: found.data.name }] : []
      })
    },
    async findOrganizations(term) {
      if (term.trim() === '') return []
      const items = await client.searchAll((cursor) =>
        client.searchOrganizations({
          term,
          fields: 'name',
          exact_match: true,
          limit: 100,
          cursor,
        }),
      )
      return items.flatMap(({ item }) => {
        const found = namedSchema.safeParse(item)
        return found.success ? [{ id: found.data.id, name: found.data.name }] : []
      })
    },
    async addNote(body) {
      const response = await client.addNote(body)
      const { id } = parse(noteSchema, response.data, true, 'note')
      return { id }
    },
    async convertLead(id) {
      const response = await client.convertLeadToDeal(id)
      const data = parse(conversionSchema, response.data, true, 'conversion id')
      return { conversionId: data.conversion_id }
    },
    async conversionStatus(id, conversionId) {
      const response = await client.getLeadConversionStatus(id, conversionId)
      const data = parse(conversionStatusSchema, response.data, false, 'conversion status')
      return data.deal_id === undefined
        ? { status: data.status }
        : { status: data.status, dealId: data.deal_id }
    },
  }
}
