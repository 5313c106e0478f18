import { addressParser } from 'postal-mime'
import { emailPattern } from '../quick-add/email'
import type { CapturedContact } from './contact'
import { CaptureProblem } from './capture-problem'

/**
 * The first addressee of a `mailto:` link, with the name when the link gives one
 * (`mailto:Jane%20Doe%20%3Cjane@acme.com%3E`). Throws a CaptureProblem when
 * the link names no valid address.
 */
export function readMailto(text: string): CapturedContact {
  const link = text.trim()
  const to = link.slice('mailto:'.length).split('?')[0] ?? ''
  let decoded: string
  try {
    decoded = decodeURIComponent(to)
  } catch {
    throw new CaptureProblem(
      'This mail link is damaged: it names no email address that can be read.',
    )
  }
  const first = addressParser(decoded)[0]
  const mailbox = first?.group === undefined ? first : undefined
  const address = mailbox?.address.trim() ?? ''
  if (!emailPattern.test(address)) {
    throw new CaptureProblem('This mail link names no email address.')
  }
  const name = mailbox?.name.trim()
  return { ...(name ? { name } : {}), emails: [address], phones: [] }
}
