import { emailPattern } from '../quick-add/email'
import { addOnce, type CapturedContact } from './contact'
import { phonesInText } from './phones-in-text'
import {
  addressWords,
  closings,
  emailLabel,
  greetingWords,
  legalForms,
  noiseWords,
  titleCompanyJoins,
  titleEndings,
  titleWords,
} from './signature-words'

/**
 * Reads a person from an email signature: the name, job title and company on the first
 * lines, then every email address and phone number (fax left out), whatever the layout (one
 * item a line, or several joined by `|`, `·`, `•`, `–` or commas). Addresses, websites,
 * legal notes and closings (`Best regards,`) are passed over. Numbers written without a
 * country code are read in `region`.
 *
 * A line is a company when it ends with a legal form (`GmbH`, `Inc.`, `S.A.`, `B.V.`), a job
 * title when it holds a word of one (`Head`, `Geschäftsführer`, `Directrice`), and a name
 * when it is two to five capitalised words. A plain line right after the name or title, before
 * any phone or address, is taken as the company.
 */
export function readSignature(text: string, region: string | undefined): CapturedContact {
  const reading: Reading = {
    contact: { emails: [], phones: [] },
    pastHeader: false,
    organizationGuessed: false,
  }
  const { contact } = reading
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/^[>\s]+/, '').trim()
    if (line === '' || line === '--' || isClosing(line) || isNoise(line)) continue
    // Prose (a disclaimer, the email's last sentence) is longer than any signature line.
    if (line.length > 120) continue
    // Most lines hold no number; the phone finder is the costly part of a line's reading.
    if (/\d(?:\D*\d){5}/.test(line)) {
      for (const phone of phonesInText(line, region)) addOnce(contact.phones, phone)
    }
    for (const segment of segmentsOf(line)) {
      const emails = emailsIn(segment)
      for (const email of emails) addOnce(contact.emails, email)
      if (emails.length > 0) {
        // `Jane Doe <jane@acme.com>`: the name beside the address.
        const rest = segment
          .replace(/<?(?:mailto:)?\S+@\S+>?/g, ' ')
          .replace(emailLabel, '')
          .trim()
        if (contact.name === undefined && isName(rest)) contact.name = rest
        reading.pastHeader = true
      } else if (isContactDetail(segment)) {
        reading.pastHeader = true
      } else {
        readHeaderPart(segment, reading)
      }
    }
  }
  return contact
}

type Reading = {
  contact: CapturedContact
  /** Once a phone, an email or an address is read, a plain line is no longer the company. */
  pastHeader: boolean
  /**
   * The company is a plain line's guess: a department line (`Sales EMEA`) can stand where
   * the company would, so a line with a legal form after it replaces it.
   */
  organizationGuessed: boolean
}

/** Files one piece of the name, title and company block. */
function readHeaderPart(segment: string, reading: Reading): void {
  const { contact } = reading
  const parts = segment.split(/,\s+/)
  if (parts.length > 1 && parts.some((part) => isOrganization(part) || isJobTitle(part))) {
    for (const part of parts) readHeaderPart(part, reading)
    return
  }
  if (isWebsite(segment) || isAddress(segment)) {
    reading.pastHeader = true
    return
  }
  const joined = titleAtCompany(segment)
  if (joined && contact.jobTitle === undefined) {
    contact.jobTitle = joined.title
    contact.organization ??= joined.organization
  } else if (isOrganization(segment)) {
    if (contact.organization === undefined || reading.organizationGuessed) {
      contact.organization = segment
      reading.organizationGuessed = false
    }
  } else if (isJobTitle(segment)) {
    contact.jobTitle ??= segment
  } else if (contact.name === undefined && isName(withoutAfterName(segment))) {
    contact.name = withoutAfterName(segment)
  } else if (
    contact.name !== undefined &&
    contact.organization === undefined &&
    !reading.pastHeader &&
    isPlainCompanyName(segment)
  ) {
    contact.organization = segment
    reading.organizationGuessed = true
  }
}

/**
 * The name without what people write after it: pronouns in brackets (`Alex Morgan
 * (they/them)`) and degrees (`Margaret Ellis, PhD`, `Jan Kowalski MBA`).
 */
const withoutAfterName = (segment: string) =>
  segment
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(
      /(?:,?\s+(?:Ph\.?D\.?|MBA|M\.?Sc\.?|B\.?Sc\.?|M\.?A\.?|CPA|CFA|PMP|Esq\.?|Jr\.?|Sr\.?))+$/,
      '',
    )

/** A line cut where signatures join items: `Jane Doe | CEO | Acme`. */
function segmentsOf(line: string): string[] {
  return line
    .split(/\s*[|·•]\s*|\t+|\s{3,}|\s+[–—-]\s+/)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '')
}

const comparable = (text: string) =>
  text
    .toLowerCase()
    .replace(/[.,;:!]+$/, '')
    .trim()
const closingSet = new Set(closings)

function isClosing(line: string): boolean {
  return (
    closingSet.has(comparable(line)) ||
    (line.split(/\s+/).length <= 4 && greetingPattern.test(line))
  )
}

const wordsPattern = (words: readonly string[]) =>
  new RegExp(
    `(?:^|[\\s,(/])(?:${words.map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(?=$|[\\s,.:;)/])`,
    'iu',
  )

const noisePattern = wordsPattern(noiseWords)
const greetingPattern = wordsPattern(greetingWords)
const titlePattern = wordsPattern(titleWords)
const titleEndingPattern = new RegExp(`\\p{L}(?:${titleEndings.join('|')})(?=$|[\\s,.:;)/])`, 'iu')
const addressPattern = wordsPattern(addressWords)

function isNoise(line: string): boolean {
  return noisePattern.test(line)
}

function emailsIn(segment: string): string[] {
  const found: string[] = []
  for (const word of segment.split(/[\s<>;,]+/)) {
    const address = word
      .replace(/^mailto:/i, '')
      .replace(emailLabel, '')
      .replace(/[.)\]]+$/, '')
    if (address.includes('@') && emailPattern.test(address)) found.push(address)
  }
  return found
}

/** A phone, fax or other numbered detail: `Tel. +49 30 123`, `F: 030 123`, `+1 415 555`. */
function isContactDetail(segment: string): boolean {
  const digits = segment.replace(/\D/g, '').length
  return digits >= 5 && digits >= segment.replace(/\s/g, '').length / 3
}

function isWebsite(segment: string): boolean {
  return /^(?:https?:\/\/|www\.)|^[\w-]+(?:\.[\w-]+)+(?:\/\S*)?$/i.test(segment)
}

const countries = new Set([
  'germany',
  'deutschland',
  'france',
  'spain',
  'españa',
  'netherlands',
  'the netherlands',
  'nederland',
  'portugal',
  'brasil',
  'brazil',
  'sweden',
  'sverige',
  'norway',
  'norge',
  'denmark',
  'danmark',
  'finland',
  'suomi',
  'united kingdom',
  'uk',
  'england',
  'scotland',
  'usa',
  'united states',
  'us',
  'switzerland',
  'schweiz',
  'suisse',
  'austria',
  'österreich',
  'belgium',
  'belgique',
  'belgië',
  'italy',
  'italia',
  'ireland',
  'mexico',
  'méxico',
  'canada',
])

function isAddress(segment: string): boolean {
  if (countries.has(comparable(segment))) return true
  const hasDigit = /\d/.test(segment)
  if (hasDigit && addressPattern.test(segment)) return true
  // A postal code beside a town: `10115 Berlin`, `75008 Paris`, `1012 AB Amsterdam`, `SW1A 1AA`.
  return (
    /(?:^|\s)\d{4,5}(?:\s+[A-Z]{2})?\s+\p{Lu}/u.test(segment) ||
    /\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b/.test(segment) ||
    /\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b/.test(segment) ||
    /\b\d{4}-\d{3}\b/.test(segment)
  )
}

const legalFormSet = new Set(legalForms)
const squeezed = (word: string) => word.toLowerCase().replace(/[.,\s]/g, '')

/** Ends with a legal form (`Acme GmbH`, `Iberia Soluciones S.L.`, `Grupo Norte`). */
function isOrganization(segment: string): boolean {
  const words = segment.split(/\s+/)
  if (words.length < 2 || /\d{3}/.test(segment)) return false
  const last = squeezed(words[words.length - 1]!)
  const lastTwo = squeezed(words.slice(-2).join(''))
  const first = squeezed(words[0]!)
  return (
    legalFormSet.has(last) ||
    // `S. A.`, `B. V.`, `Sp. z o.o.`
    (words.length > 2 && legalFormSet.has(lastTwo)) ||
    ['grupo', 'groupe', 'gruppo'].includes(first)
  )
}

function isJobTitle(segment: string): boolean {
  return (
    (titlePattern.test(segment) || titleEndingPattern.test(segment)) &&
    !/\d/.test(segment) &&
    segment.split(/\s+/).length <= 8
  )
}

/** `Head of Sales at Acme`, `Vertriebsleiter bei Muster AG`, `Directrice chez Lumière`. */
function titleAtCompany(segment: string): { title: string; organization: string } | undefined {
  const words = segment.split(/\s+/)
  for (let at = 1; at < words.length - 1; at += 1) {
    if (!titleCompanyJoins.includes(words[at]!.toLowerCase())) continue
    const title = words.slice(0, at).join(' ')
    const organization = words.slice(at + 1).join(' ')
    if (isJobTitle(title) && /^\p{Lu}|^\d/u.test(organization)) return { title, organization }
  }
  return undefined
}

const particles = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'das',
  'do',
  'dos',
  'del',
  'della',
  'di',
  'la',
  'le',
  'du',
  'af',
  'zu',
  'ter',
  'ten',
  'y',
  'e',
  'het',
  "d'",
])

/** Two to five capitalised words of letters: `Anna Müller`, `Jan van der Berg`, `Dr. A. Roy`. */
function isName(segment: string): boolean {
  const words = segment.split(/\s+/)
  if (words.length < 2 || words.length > 5) return false
  return words.every((word) =>
    particles.has(word.toLowerCase()) && word === word.toLowerCase()
      ? true
      : /^\p{Lu}[\p{L}'’.-]*$/u.test(word),
  )
}

/** A company named without a legal form: letters, digits and `&`, no sentence. */
function isPlainCompanyName(segment: string): boolean {
  const words = segment.split(/\s+/)
  return words.length <= 5 && /^[\p{Lu}\d]/u.test(segment) && !/[:!?]/.test(segment)
}
