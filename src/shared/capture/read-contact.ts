import type { CapturedContact } from './contact'
import { isMailto, readMailto } from './mailto'
import { readSignature } from './signature'
import { isVCard, readVCard } from './vcard'

/**
 * A contact from pasted or dropped text: a vCard, a `mailto:` link, or else an email
 * signature. Throws an Error with a plain message for a damaged vCard or link.
 */
export function readContact(text: string, region: string | undefined): CapturedContact {
  if (isVCard(text)) return readVCard(text, region)
  if (isMailto(text)) return readMailto(text)
  return readSignature(text, region)
}

/**
 * Whether pasted text is worth reading as a contact rather than typed into the line as it is:
 * several lines, a vCard or a `mailto:` link.
 */
export function looksLikeContact(text: string): boolean {
  return isVCard(text) || isMailto(text) || /\S[^\S\n]*\r?\n\s*\S/.test(text)
}
