import type { Token } from './tokens'
import { withoutTrailingPunctuation } from './tokens'

/**
 * Reads a phone number, one typed without its country code as `region` writes them: its
 * E.164 form and how it is written internationally, or undefined when it is not a valid
 * number. The app's is `readPhoneNumber` in `phone-numbers.ts`.
 */
export type PhoneReader = (
  text: string,
  region: string | undefined,
) => { number: string; international: string } | undefined

/**
 * The country a number typed without its code is read in: the locale's region (`en-GB` →
 * GB), or the region a bare language most likely means (`de` → DE). Undefined when unknown.
 */
export function phoneRegionOf(locale: string | undefined): string | undefined {
  if (!locale) return undefined
  try {
    const region = new Intl.Locale(locale).maximize().region
    return region !== undefined && /^[A-Z]{2}$/.test(region) ? region : undefined
  } catch {
    return undefined
  }
}

export type PhoneFound = { start: number; end: number; number: string; international: string }

/** One word of a number: digits and the marks people group them with. */
const numberWord = /^[+(]?[\d().\-/]*\d[\d().\-/]*$/
/** `+44 (0)20 7946 0958` is six words; more is not a number. */
const mostWords = 6
/** E.164 allows 15 digits; a trunk prefix and grouping add a few characters. */
const longestText = 32
/** Shorter national numbers exist, but not ones a salesperson types for a lead. */
const fewestDigits = 6

/**
 * The longest run of words from `tokens[index]` that `read` takes for a valid number. A
 * number with no country code is read in `region`. A bare run of digits that does not start
 * with 0 is left alone: it is more likely an amount or an order number.
 */
export function readPhone(
  input: string,
  tokens: readonly Token[],
  index: number,
  region: string | undefined,
  read: PhoneReader,
): PhoneFound | undefined {
  const first = tokens[index]
  if (!first || first.kind !== 'word' || !first.atWordStart) return undefined
  if (!/^[+(\d]/.test(input[first.start] ?? '')) return undefined

  const ends: number[] = []
  for (let at = index; at < tokens.length && ends.length < mostWords; at += 1) {
    const token = tokens[at]!
    if (token.kind !== 'word' || !token.atWordStart) break
    const text = input.slice(token.start, token.end)
    const core = numberPart(text)
    if (at > index && core.startsWith('+')) break
    if (!numberWord.test(core)) break
    ends.push(token.start + core.length)
    // Punctuation after a word (`0958,`) ends the number.
    if (core !== text) break
  }

  for (let count = ends.length; count >= 1; count -= 1) {
    const end = ends[count - 1]!
    const text = input.slice(first.start, end)
    if (text.length > longestText || !looksLikePhone(text)) continue
    const phone = read(text, region)
    if (phone) return { start: first.start, end, ...phone }
  }
  return undefined
}

/** The word less trailing punctuation, keeping the `)` that closes an area code: `(201)`. */
function numberPart(text: string): string {
  const core = withoutTrailingPunctuation(text)
  const opened = core.lastIndexOf('(') > core.lastIndexOf(')')
  return opened && text[core.length] === ')' ? text.slice(0, core.length + 1) : core
}

/** Enough digits, grouped or led by `+`, `(` or a trunk `0`: not an amount or an order number. */
export function looksLikePhone(text: string): boolean {
  const digits = text.replace(/\D/g, '').length
  if (digits < fewestDigits) return false
  return /^[+(0]/.test(text) || /\d[\s().\-/]+\d/.test(text)
}
