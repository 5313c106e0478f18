import type { QueuedRow } from '../../outbox/outbox-queue'
import type { RemoteContact } from '../../pipedrive/outbox-gateway'
import type { Attempt, LookedUpKind, Lookup, LostWindow } from './row-kind'

/** What a person row stores (an organization row has the name only). */
interface ContactPayload {
  name: string
  email?: string
  phone?: string
  /** An organization Pipedrive already has, named with the person. */
  orgId?: number
}

const sameName = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ') === b.trim().replace(/\s+/g, ' ')
const digits = (phone: string) => phone.replace(/[^\d+]/g, '')

/** Exactly what the request sent: a record with other details is someone else's. */
function sameDetails(sent: string | undefined, found: string[], key: (v: string) => string) {
  return sent === undefined
    ? found.length === 0
    : found.length === 1 && key(found[0]!) === key(sent)
}

/** Records our lost request could have made: made since it began, with what it sent. */
function madeBy(payload: ContactPayload, window: LostWindow) {
  return (contact: RemoteContact) =>
    window.covers(contact.addTime) &&
    sameName(contact.name, payload.name) &&
    sameDetails(payload.email, contact.emails, (v) => v.trim().toLowerCase()) &&
    sameDetails(payload.phone, contact.phones, digits)
}

const found = (contacts: RemoteContact[]): Lookup => ({
  found: contacts.sort((a, b) => a.id - b.id).map((contact) => String(contact.id)),
})

export const personCreate: LookedUpKind = {
  async lookup(row: QueuedRow, { gateway }: Attempt, window: LostWindow) {
    const payload = row.payload as ContactPayload
    const listed = await gateway.listPersons({ updated_since: window.updatedSince() })
    return found(listed.filter(madeBy(payload, window)))
  },
  async send(row, { gateway }) {
    const person = row.payload as ContactPayload
    // Made in its organization: one queued with it (whose id the sent row gave) or one
    // Pipedrive already has.
    const organization = row.parents.organization ?? person.orgId
    const created = await gateway.addPerson({
      name: person.name,
      ...(organization ? { org_id: Number(organization) } : {}),
      ...(person.email ? { emails: [{ value: person.email, primary: true, label: 'work' }] } : {}),
      ...(person.phone ? { phones: [{ value: person.phone, primary: true, label: 'work' }] } : {}),
    })
    return { to: 'sent', remoteId: String(created.id) }
  },
}

export const organizationCreate: LookedUpKind = {
  async lookup(row, { gateway }, window) {
    const { name } = row.payload as ContactPayload
    const listed = await gateway.listOrganizations({ updated_since: window.updatedSince() })
    return found(listed.filter(madeBy({ name }, window)))
  },
  async send(row, { gateway }) {
    const { name } = row.payload as ContactPayload
    const created = await gateway.addOrganization({ name })
    return { to: 'sent', remoteId: String(created.id) }
  },
}
