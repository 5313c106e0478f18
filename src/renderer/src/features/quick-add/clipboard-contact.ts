import type { CapturedContact } from '../../../../shared/capture/contact'
import { looksLikeContact } from '../../../../shared/capture/recognize'
import { readPastedContact } from '../capture/read-captured'

/** A contact found on the clipboard, as the chip offers it. */
export type ClipboardContact = { contact: CapturedContact; label: string }

/**
 * The contact in what the clipboard held when quick add was opened: a signature, a vCard or
 * a `mailto:` link, read by the same readers as a paste. Anything else offers nothing.
 */
export async function clipboardContact(
  text: string | null,
  region: string | undefined,
): Promise<ClipboardContact | undefined> {
  if (text === null || !looksLikeContact(text)) return undefined
  const contact = await readPastedContact(text, region)
  if (!contact || (!contact.name && contact.emails.length === 0 && contact.phones.length === 0)) {
    return undefined
  }
  return { contact, label: clipboardChipLabel(contact) }
}

/** `From clipboard: Jane Doe, jane@acme.com`: who, and how to reach them. */
export function clipboardChipLabel(contact: CapturedContact): string {
  const who = contact.name ?? contact.organization
  const reach = contact.emails[0] ?? contact.phones[0]
  return `From clipboard: ${[who, reach].filter(Boolean).join(', ')}`
}
