import type { CapturedContact } from './contact'
import { readMailto } from './mailto'
import { isMailto, isVCard } from './recognize'
import { readSignature } from './signature'
import { readVCard } from './vcard'

/**
 * A contact from pasted or dropped text: a vCard, a `mailto:` link, or else an email
 * signature. Throws a CaptureProblem for a damaged vCard or link.
 */
export function readContact(text: string, region: string | undefined): CapturedContact {
  if (isVCard(text)) return readVCard(text, region)
  if (isMailto(text)) return readMailto(text)
  return readSignature(text, region)
}
