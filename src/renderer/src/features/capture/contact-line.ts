import type { CapturedContact, CapturedLead } from '../../../../shared/capture/contact'

/**
 * A contact written the way quick add reads it, so it shows as chips: `@"Jane Doe"` the new
 * person, `+"Acme Ltd"` the new organization, then the first email and phone (a lead's person
 * takes one of each). The job title has no place on the line.
 */
export function contactLine(contact: CapturedContact): string {
  const words: string[] = []
  if (contact.name) words.push(`@"${withoutQuotes(contact.name)}"`)
  if (contact.organization) words.push(`+"${withoutQuotes(contact.organization)}"`)
  if (contact.emails[0]) words.push(contact.emails[0])
  if (contact.phones[0]) words.push(contact.phones[0])
  return words.join(' ')
}

// A quote inside the name would end the name early.
const withoutQuotes = (text: string) => text.replace(/"/g, '').trim()

/**
 * The line with `inserted` put where the text was selected (or the caret stood), a space
 * kept on either side, and the caret after it.
 */
export function insertIntoLine(
  text: string,
  selection: { start: number; end: number },
  inserted: string,
): { text: string; caret: number } {
  const before = text.slice(0, selection.start)
  const after = text.slice(selection.end)
  const lead = before === '' || /\s$/.test(before) ? '' : ' '
  const trail = after === '' || /^\s/.test(after) ? '' : ' '
  const head = `${before}${lead}${inserted}${trail}`
  return { text: `${head}${after}`, caret: head.length }
}

/**
 * A dropped card or email as quick-add words: an email's subject, taken literally, starts
 * the title; the sender follows as chips.
 */
export function capturedLine({ contact, subject }: CapturedLead): string {
  const title = subject ? `"${withoutQuotes(subject)}"` : ''
  return [title, contactLine(contact)].filter((words) => words !== '').join(' ')
}
