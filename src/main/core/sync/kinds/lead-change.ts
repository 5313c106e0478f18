import { pipedriveLeadField, type LeadFields } from '../../../../shared/leads/lead-change'
import type { Conflict, LeadUpdatePayload } from '../../outbox/lead-changes'
import type { QueuedRow, Settlement } from '../../outbox/outbox-queue'
import { PipedriveFailure } from '../../pipedrive/failure'
import type { OutboxGateway, RemoteLead, UpdateLeadBody } from '../../pipedrive/outbox-gateway'
import type { RepeatableKind } from './row-kind'

const customFieldKey = /^[0-9a-f]{40}(_currency)?$/

/** A lead from Pipedrive in the product's field names, to compare with an edit. */
export function leadFieldsOf(lead: RemoteLead): Required<LeadFields> {
  return {
    title: lead.title,
    personId: lead.person_id,
    organizationId: lead.organization_id,
    value: lead.value,
    ownerId: lead.owner_id,
    labelIds: lead.label_ids,
    expectedCloseDate: lead.expected_close_date,
    visibleTo: lead.visible_to as Required<LeadFields>['visibleTo'],
    wasSeen: lead.was_seen,
    customFields: Object.fromEntries(
      Object.entries(lead).filter(([key]) => customFieldKey.test(key)),
    ) as Required<LeadFields>['customFields'],
  }
}

function pick(values: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, values[key] ?? null]))
}

/** Order-insensitive for object keys, so `{amount, currency}` equals `{currency, amount}`. */
function same(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .sort(([x], [y]) => x.localeCompare(y))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : (value ?? null)
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

export const goneMessage =
  'This lead is no longer in Pipedrive: it was deleted there, or converted to a deal. The change cannot be applied; discard it.'

export async function fetchLead(id: string, gateway: OutboxGateway): Promise<RemoteLead | 'gone'> {
  try {
    return await gateway.getLead(id)
  } catch (error) {
    if (error instanceof PipedriveFailure && error.kind === 'not_found') return 'gone'
    throw error
  }
}

/**
 * Sends only the fields the user changed. A field changed in Pipedrive too since the edit
 * began is not overwritten: the row waits with both values for the user to pick; fields
 * changed only in Pipedrive are never touched.
 */
async function sendUpdate(id: string, row: QueuedRow, gateway: OutboxGateway): Promise<Settlement> {
  const change = row.payload as LeadUpdatePayload
  const remote = await fetchLead(id, gateway)
  if (remote === 'gone') return { to: 'needs_attention', error: goneMessage, status: 404 }
  if (remote.is_archived) {
    return {
      to: 'needs_attention',
      error:
        'This lead is archived in Pipedrive, where archived leads cannot be edited. Unarchive it first, then retry.',
    }
  }
  const theirs = leadFieldsOf(remote)
  const movedOn =
    change.baseUpdateTime !== undefined && remote.update_time !== change.baseUpdateTime
  const conflict: Conflict = { fields: {}, remoteUpdateTime: remote.update_time }
  const body: UpdateLeadBody = {}
  for (const [field, mine] of Object.entries(change.after) as Array<[keyof LeadFields, unknown]>) {
    // Custom fields are one field here but many in Pipedrive: only the ones the user changed
    // are compared, so an unrelated field changed in Pipedrive is no conflict.
    const current =
      field === 'customFields'
        ? pick(theirs.customFields, Object.keys(mine as object))
        : theirs[field]
    if (same(current, mine)) continue
    if (movedOn && !same(current, change.before[field])) {
      conflict.fields[field] = { mine, theirs: current }
      continue
    }
    if (field === 'customFields') Object.assign(body, mine)
    else body[pipedriveLeadField[field] as keyof UpdateLeadBody] = mine as never
  }
  const conflicting = Object.keys(conflict.fields)
  if (conflicting.length > 0) {
    return {
      to: 'needs_attention',
      error: `Changed in Pipedrive too since you edited it: ${conflicting.join(', ')}. Pick which value to keep.`,
      conflict,
    }
  }
  const lead = Object.keys(body).length > 0 ? await gateway.updateLead(id, body) : remote
  return { to: 'sent', remoteId: id, lead }
}

/** The Pipedrive id of the lead a change is about: given, or its create row's once sent. */
export function leadIdOf(row: QueuedRow): string | null {
  return (row.payload as { remoteId?: string }).remoteId ?? row.parents.lead ?? null
}

/** A change with no Pipedrive id to name its lead by. */
export const neverReached: Settlement = {
  to: 'needs_attention',
  error: 'The lead of this change never reached Pipedrive.',
}

/**
 * Changes of a lead already in Pipedrive. Each may be sent twice: an edit sends the values
 * the user chose (and skips those Pipedrive already has), archive and unarchive set a flag,
 * and deleting what is gone is what a delete wants.
 */
function leadChange(
  apply: (id: string, row: QueuedRow, gateway: OutboxGateway) => Promise<Settlement>,
): RepeatableKind {
  return {
    send(row, { gateway }) {
      const id = leadIdOf(row)
      return id ? apply(id, row, gateway) : Promise.resolve(neverReached)
    },
  }
}

async function setArchived(
  id: string,
  archived: boolean,
  gateway: OutboxGateway,
): Promise<Settlement> {
  try {
    const lead = await gateway.updateLead(id, { is_archived: archived })
    return { to: 'sent', remoteId: id, lead }
  } catch (error) {
    if (error instanceof PipedriveFailure && error.kind === 'not_found') {
      return { to: 'needs_attention', error: goneMessage, status: 404 }
    }
    throw error
  }
}

export const leadUpdate = leadChange(sendUpdate)
export const leadArchive = leadChange((id, _row, gateway) => setArchived(id, true, gateway))
export const leadUnarchive = leadChange((id, _row, gateway) => setArchived(id, false, gateway))
export const leadDelete = leadChange(async (id, _row, gateway) => {
  try {
    await gateway.deleteLead(id)
  } catch (error) {
    // Already gone is what a delete wants.
    if (!(error instanceof PipedriveFailure && error.kind === 'not_found')) throw error
  }
  return { to: 'sent', remoteId: id }
})
