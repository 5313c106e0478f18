import type { LeadCreatePayload } from '../../outbox/outbox'
import type { QueuedRow } from '../../outbox/outbox-queue'
import type { AddLeadBody, RemoteLead } from '../../pipedrive/outbox-gateway'
import type { LookedUpKind } from './row-kind'

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

/** A lead carries the row's client id as `origin_id`: whatever has it is ours, and only that. */
export const leadCreate: LookedUpKind = {
  async lookup(row, { gateway }, window) {
    const body = leadBody(row)
    const owner =
      body.person_id !== undefined
        ? { person_id: body.person_id }
        : { organization_id: body.organization_id! }
    const ours = (leads: RemoteLead[]) =>
      leads.filter((lead) => lead.origin_id === row.clientId).map((lead) => lead.id)
    const active = ours(await gateway.listLeads({ ...owner, updated_since: window.updatedSince() }))
    if (active.length > 0) return { found: active }
    // Archived meanwhile by someone else, it is still ours: sending again would make a second.
    return { found: ours(await gateway.listArchivedLeads(owner)) }
  },
  async send(row, { gateway }) {
    const lead = await gateway.addLead(leadBody(row))
    return { to: 'sent', remoteId: lead.id, lead }
  },
}
