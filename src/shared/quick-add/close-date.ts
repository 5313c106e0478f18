import { casual } from 'chrono-node/en'
import type { Token } from './tokens'
import { isSigil, withoutTrailingPunctuation } from './tokens'

/** Words that introduce the expected close date: `due fri`, `by 15 Dec`, `close next month`. */
const keywords = new Set(['due', 'by', 'close', 'closes', 'closing'])

export function isCloseDateKeyword(word: string): boolean {
  return keywords.has(word.toLowerCase())
}

/** Date phrases are short; chrono only sees this many words after the keyword. */
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

  let results
  try {
    results = casual.parse(text, now, { forwardDate: true })
  } catch {
    // A third-party parser; a line that trips it is simply not a date.
    return undefined
  }
  const result = results[0]
  if (!result || result.index !== 0 || !text.startsWith(result.text)) return undefined
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
  const pad = (value: number, width: number) => String(value).padStart(width, '0')
  return `${pad(year, 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`
}

/**
 * chrono compiles its larger patterns on their first two uses, a few hundred milliseconds
 * once per window. Running it here, while the window opens and before anyone types, keeps
 * that pause off the keystrokes.
 */
export function warmUpCloseDates(): void {
  const reference = new Date(2026, 0, 7, 12)
  for (let round = 0; round < 2; round += 1) {
    for (const text of ['fri', 'next month', 'in 2 weeks', '15 Dec', '2026-12-24', 'diligence']) {
      casual.parse(text, reference, { forwardDate: true })
    }
  }
}
