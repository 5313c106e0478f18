// The `min` metadata: about half the size of `max`, and the quick-add window's script budget
// is tight. It checks a number's length and leading digits per country, which is enough to
// tell a phone number from an amount or an order number; `max` would only add the exact
// digit ranges and the type (mobile, landline), which the line does not need. Even so it
// holds every country's numbering plan, so the window loads this module after it shows.
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min'
import type { PhoneReader } from './phone'

/** E.164 stops at 15 digits, though some countries' rules accept more. */
const longestE164 = 16

export const readPhoneNumber: PhoneReader = (text, region) => {
  const country = region !== undefined && isSupportedCountry(region) ? region : undefined
  const phone = parsePhoneNumberFromString(text, country)
  // Two numbers typed in a row are two numbers, not one too long for E.164.
  if (!phone?.isValid() || phone.number.length > longestE164) return undefined
  return { number: phone.number, international: phone.formatInternational() }
}
