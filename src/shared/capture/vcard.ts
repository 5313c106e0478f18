// ical.js (Mozilla's calendar and contact parser, RFC 6350) reads vCard 3.0 and 4.0:
// folded lines, escapes, parameters and `tel:` URIs are its business.
import ICAL from 'ical.js'
import { addOnce, type CapturedContact } from './contact'
import { phonesInText } from './phones-in-text'
import { CaptureProblem } from './capture-problem'

/**
 * The first contact of a vCard. Throws a CaptureProblem when the text is not a
 * vCard that can be read.
 */
export function readVCard(text: string, region: string | undefined): CapturedContact {
  let parsed: unknown
  try {
    parsed = ICAL.parse(text.trim())
  } catch {
    throw new CaptureProblem('This contact card could not be read: it is damaged or not a vCard.')
  }
  const first = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed) as
    unknown[] | undefined
  if (!Array.isArray(first) || first[0] !== 'vcard') {
    throw new CaptureProblem('This file holds no contact card.')
  }
  const card = new ICAL.Component(first)
  const contact: CapturedContact = { emails: [], phones: [] }

  const name =
    textOf(card.getFirstPropertyValue('fn')) ?? nameFromParts(card.getFirstPropertyValue('n'))
  if (name) contact.name = name
  const title =
    textOf(card.getFirstPropertyValue('title')) ?? textOf(card.getFirstPropertyValue('role'))
  if (title) contact.jobTitle = title
  // ORG is the company, then its units: `Acme GmbH;Sales`.
  const organization = textOf(firstOf(card.getFirstPropertyValue('org')))
  if (organization) contact.organization = organization

  for (const property of card.getAllProperties('email')) {
    const address = textOf(property.getFirstValue())?.replace(/^mailto:/i, '')
    if (address) addOnce(contact.emails, address)
  }
  for (const property of card.getAllProperties('tel')) {
    const types = [property.getParameter('type')].flat().join(',').toLowerCase()
    if (types.includes('fax')) continue
    const value = textOf(property.getFirstValue())?.replace(/^tel:/i, '')
    if (!value) continue
    for (const phone of phonesInText(value, region)) addOnce(contact.phones, phone)
  }
  return contact
}

function textOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const text = value.replace(/\s+/g, ' ').trim()
  return text === '' ? undefined : text
}

const firstOf = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value)

/** N is family;given;additional;prefix;suffix. */
function nameFromParts(value: unknown): string | undefined {
  if (!Array.isArray(value)) return textOf(value)
  const [family, given] = value.map((part) => textOf(firstOf(part)))
  return textOf([given, family].filter(Boolean).join(' '))
}
