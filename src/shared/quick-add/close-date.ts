import type { Token } from './tokens'
import { isSigil, withoutTrailingPunctuation } from './tokens'

/** Words that introduce the expected close date: `due fri`, `by 15 Dec`, `close next month`. */
const keywords = new Set(['due', 'by', 'close', 'closes', 'closing'])

export function isCloseDateKeyword(word: string): boolean {
  return keywords.has(word.toLowerCase())
}

/** What a date parser found in a phrase: where, and which parts of the date were typed. */
export type DatePhrase = {
  index: number
  text: string
  isCertain(part: 'day' | 'weekday' | 'month' | 'year' | 'hour'): boolean
  date(): Date
}

/**
 * Reads the first date of a phrase, relative dates counting forward from `now`:
 * `readDatePhrase` from `date-phrases.ts`, which carries a date parser and so is loaded apart.
 */
export type DateReader = (text: string, now: Date) => DatePhrase | undefined

/** Date phrases are short; the parser only sees this many words after the keyword. */
const maxDateWords = 6

export type CloseDateFound = { start: number; end: number; date: string }

/**
 * A date right after the keyword at `tokens[index]`. Nothing when the words after it are not
 * a date (`due diligence`), when the date starts later (`close the deal`), or when it is a
 * time of day alone (`by 5pm`): then the keyword is title text.
 */
export function readCloseDate(
  input: string,
  tokens: readonly Token[],
  index: number,
  now: Date,
  dates: DateReader,
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

  let result
  try {
    result = dates(text, now)
  } catch {
    // A third-party parser; a line that trips it is simply not a date.
    return undefined
  }
  if (!result || result.index !== 0 || !text.startsWith(result.text)) return undefined
  const phrase = withoutTrailingPunctuation(result.text.trimEnd())
  if (phrase === '') return undefined
  const end = from + phrase.length
  if (!endsAtWordEnd(input, tokens, index + 1, last, end)) return undefined

  const hasDay = (['day', 'weekday', 'month', 'year'] as const).some((part) =>
    result.isCertain(part),
  )
  if (!hasDay && result.isCertain('hour')) return undefined
  const date = localIsoDate(result.date())
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
  const pad = (value: number, width: number) => String(value).padStart(width, '0')
  return `${pad(year, 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`
}
