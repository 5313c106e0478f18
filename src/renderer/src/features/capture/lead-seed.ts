import type { CapturedLead } from '../../../../shared/capture/contact'
import type { LeadSeed } from '../../../../shared/leads/lead-draft'

/**
 * The full form's start for a dropped contact card or email: the person (new, with the first
 * email and phone), the organization (new), the email's subject as the title and its body as
 * the note (a card's job title when there is no body). The user checks it and saves.
 */
export function seedFromCapture({ contact, subject, note }: CapturedLead): LeadSeed {
  const seed: LeadSeed = { title: subject ?? '' }
  if (contact.name || contact.emails[0] || contact.phones[0]) {
    seed.person = {
      kind: 'new',
      name: contact.name ?? '',
      ...(contact.emails[0] ? { email: contact.emails[0] } : {}),
      ...(contact.phones[0] ? { phone: contact.phones[0] } : {}),
    }
  }
  if (contact.organization) seed.organization = { kind: 'new', name: contact.organization }
  // Pipedrive takes a person's job title only from companies with contact sync (it refuses
  // the field otherwise), so a card's title is kept in the note instead of being lost.
  if (note) seed.note = note
  else if (contact.jobTitle) seed.note = `Job title: ${contact.jobTitle}`
  return seed
}
