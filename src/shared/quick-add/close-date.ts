import { localDay } from '../local-day'
import type { LanguageReader } from './languages'
import type { Token } from './tokens'
import { isSigil, withoutTrailingPunctuation } from './tokens'

/** Date phrases are short; chrono only sees this many words after the keyword. */
const maxDateWords = 6

export type CloseDateFound = { start: number; end: number; date: string }

/**
 * A date right after the keyword at `tokens[index]` (one of `reader`'s close-date words),
 * read in the user's language or English. Nothing when the words after it are not
 * a date (`due diligence`), when the date starts later (`close the deal`), or when it is a
 * time of day alone (`by 5pm`): then the keyword is title text.
 */
export function readCloseDate(
  input: string,
  tokens: readonly Token[],
  index: number,
  now: Date,
  reader: LanguageReader,
): CloseDateFound | undefined {
  const keyword = tokens[index]
  if (!keyword || Number.isNaN(now.getTime())) return undefined
  let last = index
  for (let at = index + 1; at <= index + maxDateWords; at += 1) {
    const token = tokens[at]
    if (!token || token.kind !== 'word' || isSigil(input[token.start])) break
    last = at
  }
  if (last === index) return undefined
  const from = tokens[index + 1]!.start
  const text = input.slice(from, tokens[last]!.end)

  const result = reader.readDate(text, now)
  if (!result) return undefined
  const phrase = withoutTrailingPunctuation(result.text.trimEnd())
  if (phrase === '') return undefined
  const end = from + phrase.length
  if (!endsAtWordEnd(input, tokens, index + 1, last, end)) return undefined

  const components = result.start
  const hasDay = (['day', 'weekday', 'month', 'year'] as const).some((part) =>
    components.isCertain(part),
  )
  if (!hasDay && components.isCertain('hour')) return undefined
  const date = localIsoDate(components.date())
  return date ? { start: keyword.start, end, date } : undefined
}

/** The phrase may leave only punctuation of its last word behind (`fri,`), not letters. */
function endsAtWordEnd(
  input: string,
  tokens: readonly Token[],
  first: number,
  last: number,
  end: number,
): boolean {
  for (let at = first; at <= last; at += 1) {
    const token = tokens[at]!
    if (token.start < end && end <= token.end) {
      return withoutTrailingPunctuation(input.slice(end, token.end)) === ''
    }
  }
  return false
}

function localIsoDate(date: Date): string | undefined {
  const year = date.getFullYear()
  if (Number.isNaN(year) || year < 1 || year > 9999) return undefined
  return localDay(date)
}
