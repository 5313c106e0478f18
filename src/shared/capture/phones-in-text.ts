// The `min` metadata, as the quick-add line uses: it tells a phone number from an amount or a
// postal code by each country's lengths and leading digits, which is all a signature needs.
import { findPhoneNumbersInText, isSupportedCountry } from 'libphonenumber-js/min'
import type { CountryCode } from 'libphonenumber-js/min'
import { looksLikePhone } from '../quick-add/phone'

/** Words that say the number after them is a fax, in the languages signatures come in. */
const faxLabel = /\b(?:tele)?fax\b|t[ée]l[ée]copie|\bf\s*[:.]\s*$|\bf\s*$/i

/**
 * Every phone number in `text`, in E.164, in order and once each. A number written without
 * its country code is read in `region`. Fax numbers (`Fax:`, `F:`) are left out, and so are
 * bare digit runs that look more like a postal code or a register number.
 */
export function phonesInText(text: string, region: string | undefined): string[] {
  const country = region !== undefined && isSupportedCountry(region) ? region : undefined
  const found: string[] = []
  let labelStart = 0
  for (const match of findPhoneNumbersInText(text, country as CountryCode | undefined)) {
    const label = text.slice(labelStart, match.startsAt)
    labelStart = match.endsAt
    if (faxLabel.test(label.trim())) continue
    if (!looksLikePhone(text.slice(match.startsAt, match.endsAt))) continue
    if (!found.includes(match.number.number)) found.push(match.number.number)
  }
  return found
}
