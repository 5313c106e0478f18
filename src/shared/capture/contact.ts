/**
 * A person as read from something on screen: a signature, a vCard, a `mailto:` link or an
 * email's sender. Only what the text says: a part it does not give stays out.
 */
export type CapturedContact = {
  name?: string
  jobTitle?: string
  organization?: string
  /** As written, first one first. */
  emails: string[]
  /** E.164 (`+4930123456`), first one first; fax numbers are left out. */
  phones: string[]
}

/** What a dropped file says about a lead: who, what about (an email's subject), and a note. */
export type CapturedLead = {
  contact: CapturedContact
  subject?: string
  /** An email's plain-text body, trimmed. */
  note?: string
}

/** Whether anything at all was read. */
export function hasContact(contact: CapturedContact): boolean {
  return (
    contact.name !== undefined ||
    contact.organization !== undefined ||
    contact.emails.length > 0 ||
    contact.phones.length > 0
  )
}

export function addOnce(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value)
}
