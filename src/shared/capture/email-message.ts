// postal-mime reads MIME mail in the browser and in Node alike (no Node streams): encodings,
// multipart bodies, encoded-word headers.
import PostalMime from 'postal-mime'
import { addOnce, type CapturedContact, type CapturedLead } from './contact'
import { readSignature } from './signature'
import { CaptureProblem } from './capture-problem'

/**
 * Reads a saved email (`.eml`): the sender is the person, the subject the title and the
 * plain-text body the note. The signature at the end of the body adds the job title, the
 * company and the phones. Throws a CaptureProblem when the file is not an email.
 */
export async function readEmailMessage(
  raw: string | ArrayBuffer | Uint8Array,
  region: string | undefined,
): Promise<CapturedLead> {
  let email: Awaited<ReturnType<typeof PostalMime.parse>>
  try {
    email = await PostalMime.parse(raw)
  } catch {
    throw new CaptureProblem('This email could not be read: the file is damaged or not an email.')
  }
  const sender = email.from && 'address' in email.from ? email.from : undefined
  if (!sender?.address) throw new CaptureProblem('This file is not an email: it names no sender.')

  const body = (email.text ?? '').trim()
  const signature = readSignature(lastLines(withoutQuotedReply(body)), region)
  const name = sender.name.trim() || signature.name
  const contact: CapturedContact = {
    ...(name ? { name } : {}),
    ...(signature.jobTitle ? { jobTitle: signature.jobTitle } : {}),
    ...(signature.organization ? { organization: signature.organization } : {}),
    emails: [sender.address],
    phones: signature.phones,
  }
  for (const address of signature.emails) addOnce(contact.emails, address)
  const subject = email.subject?.trim()
  return {
    contact,
    ...(subject ? { subject } : {}),
    ...(body ? { note: body } : {}),
  }
}

/** The body above a quoted earlier message (`On … wrote:`, `> …`, `-----Original Message-----`). */
function withoutQuotedReply(body: string): string {
  const cut = body.search(
    /^(?:>|-{2,}\s*Original Message|On .+ wrote:|Am .+ schrieb|Le .+ a écrit)/im,
  )
  return cut > 0 ? body.slice(0, cut) : body
}

/** A signature sits in a body's last lines; the prose above would only mislead the reader. */
function lastLines(body: string, count = 12): string {
  const lines = body.split(/\r?\n/)
  return lines.slice(Math.max(0, lines.length - count)).join('\n')
}
