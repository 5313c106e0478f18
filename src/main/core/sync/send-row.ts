import type { LeadCreatePayload } from '../outbox/outbox'
import type { QueuedRow, Settlement } from '../outbox/outbox-queue'
import type { AddLeadBody, OutboxGateway } from '../pipedrive/outbox-gateway'
import { PipedriveFailure } from '../pipedrive/failure'
import { sendLeadChange } from './send-lead-change'

interface PersonPayload {
  name: string
  email?: string
  phone?: string
}

/** How far back to look for a lead an uncertain create may have made: clocks drift. */
const clockSkewMs = 5 * 60_000

function leadBody(row: QueuedRow): AddLeadBody {
  const { personId, organizationId, customFields, ...draft } = row.payload as LeadCreatePayload
  const person = personId ?? (row.parents.person ? Number(row.parents.person) : undefined)
  const organization =
    organizationId ?? (row.parents.organization ? Number(row.parents.organization) : undefined)
  // Unset keys are left out, never sent as null: leads reject null where deals accept it.
  const body: AddLeadBody = { title: draft.title, origin_id: row.clientId, ...customFields }
  if (person !== undefined) body.person_id = person
  if (organization !== undefined) body.organization_id = organization
  if (draft.ownerId !== undefined) body.owner_id = draft.ownerId
  if (draft.labelIds !== undefined) body.label_ids = draft.labelIds
  if (draft.value !== undefined) body.value = draft.value
  if (draft.expectedCloseDate !== undefined) body.expected_close_date = draft.expectedCloseDate
  if (draft.visibleTo !== undefined) body.visible_to = draft.visibleTo
  if (draft.wasSeen !== undefined) body.was_seen = draft.wasSeen
  return body
}

/** Looks for the lead an earlier, unanswered POST may have created, by its origin_id. */
async function findSentLead(row: QueuedRow, body: AddLeadBody, gateway: OutboxGateway) {
  const since = new Date((row.lastAttemptAt ?? 0) - clockSkewMs)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
  const query =
    body.person_id !== undefined
      ? { person_id: body.person_id, updated_since: since }
      : { organization_id: body.organization_id!, updated_since: since }
  const leads = await gateway.listLeads(query)
  return leads.find((lead) => lead.origin_id === row.clientId)
}

/**
 * Sends one claimed row and says what became of it. A create whose earlier attempt has
 * an unknown outcome is looked up first, so Pipedrive never gets it twice.
 */
export async function sendRow(
  row: QueuedRow,
  gateway: OutboxGateway,
  now: () => number = Date.now,
): Promise<Settlement> {
  const uncertain = row.previousState === 'uncertain'
  switch (row.kind) {
    case 'person.create': {
      const person = row.payload as PersonPayload
      if (uncertain) {
        const found = person.email
          ? await gateway.findPersons(person.email, 'email')
          : await gateway.findPersons(person.name, 'name')
        const match = found.find((candidate) => candidate.name === person.name)
        if (match) return { to: 'sent', remoteId: String(match.id) }
      }
      const created = await gateway.addPerson({
        name: person.name,
        ...(person.email
          ? { emails: [{ value: person.email, primary: true, label: 'work' }] }
          : {}),
        ...(person.phone
          ? { phones: [{ value: person.phone, primary: true, label: 'work' }] }
          : {}),
      })
      return { to: 'sent', remoteId: String(created.id) }
    }
    case 'organization.create': {
      const { name } = row.payload as { name: string }
      if (uncertain) {
        const match = (await gateway.findOrganizations(name)).find((org) => org.name === name)
        if (match) return { to: 'sent', remoteId: String(match.id) }
      }
      const created = await gateway.addOrganization({ name })
      return { to: 'sent', remoteId: String(created.id) }
    }
    case 'lead.create': {
      const body = leadBody(row)
      if (uncertain) {
        const found = await findSentLead(row, body, gateway)
        if (found) return { to: 'sent', remoteId: found.id }
      }
      const lead = await gateway.addLead(body)
      return { to: 'sent', remoteId: lead.id }
    }
    case 'note.create': {
      const leadId = row.parents.lead
      if (!leadId)
        throw new PipedriveFailure('not_found', 'The lead of this note is not in Pipedrive.')
      const { content } = row.payload as { content: string }
      const note = await gateway.addNote({ content, lead_id: leadId })
      return { to: 'sent', remoteId: String(note.id) }
    }
    default:
      return sendLeadChange(row, gateway, now)
  }
}
