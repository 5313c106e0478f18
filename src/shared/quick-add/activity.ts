import { localDay, localTime } from '../local-day'
import type { DateReader } from './languages'
import { normalizeName } from './normalize'
import type { Token } from './tokens'
import { isSigil, withoutTrailingPunctuation } from './tokens'

/** One of the company's activity types, as the catalog caches it. */
export type ActivityTypeEntry = { key: string; name: string }

export type ActivityFound = {
  start: number
  end: number
  type: ActivityTypeEntry
  /** Local calendar day, `YYYY-MM-DD`. */
  date: string
  /** Local 24-hour `HH:MM`, when the line gave a time. */
  time?: string
}

/** A type's name may be a few words (`Follow up`); a date phrase is short too. */
const maxTypeWords = 3
const maxDateWords = 6

/**
 * `call fri 10am`, `meeting tomorrow 14:00`, `email next week`: an activity type (its name or
 * key, any case, accents ignored) right followed by a day, and maybe a time. Without a day
 * after it the word is title text (`Call center deal`).
 */
export function readActivity(
  input: string,
  tokens: readonly Token[],
  index: number,
  types: readonly ActivityTypeEntry[],
  now: Date,
  readDate: DateReader,
): ActivityFound | undefined {
  if (types.length === 0 || Number.isNaN(now.getTime())) return undefined
  const typed = typeAt(input, tokens, index, types)
  if (!typed) return undefined
  const when = readWhen(input, tokens, typed.lastToken + 1, now, readDate)
  if (!when) return undefined
  return {
    start: tokens[index]!.start,
    end: when.end,
    type: typed.type,
    date: when.date,
    ...(when.time ? { time: when.time } : {}),
  }
}

/** The longest run of words from `index` that names a type. */
function typeAt(
  input: string,
  tokens: readonly Token[],
  index: number,
  types: readonly ActivityTypeEntry[],
): { type: ActivityTypeEntry; lastToken: number } | undefined {
  let found: { type: ActivityTypeEntry; lastToken: number } | undefined
  for (let last = index; last < index + maxTypeWords && last < tokens.length; last += 1) {
    const token = tokens[last]!
    if (token.kind !== 'word' || (last > index && !token.atWordStart)) break
    const words = normalizeName(input.slice(tokens[index]!.start, token.end))
    const type = types.find(
      (candidate) =>
        normalizeName(candidate.name) === words || normalizeName(candidate.key) === words,
    )
    if (type) found = { type, lastToken: last }
  }
  return found
}

function readWhen(
  input: string,
  tokens: readonly Token[],
  first: number,
  now: Date,
  readDate: DateReader,
): { end: number; date: string; time?: string } | undefined {
  let last = first - 1
  for (let at = first; at < first + maxDateWords; at += 1) {
    const token = tokens[at]
    if (!token || token.kind !== 'word' || isSigil(input[token.start])) break
    last = at
  }
  if (last < first) return undefined
  const from = tokens[first]!.start
  const text = input.slice(from, tokens[last]!.end)
  // The user's language first, English always (the reader starts the text, or gives none).
  const result = readDate(text, now)
  if (!result) return undefined
  const phrase = withoutTrailingPunctuation(result.text.trimEnd())
  if (phrase === '') return undefined
  const end = from + phrase.length
  // The phrase must end where a word does (`fri,` is fine, `fridge` is not).
  const endToken = tokens.slice(first, last + 1).find((t) => t.start < end && end <= t.end)
  if (!endToken || withoutTrailingPunctuation(input.slice(end, endToken.end)) !== '') {
    return undefined
  }
  const parts = result.start
  const hasDay = (['day', 'weekday', 'month', 'year'] as const).some((p) => parts.isCertain(p))
  const hasTime = parts.isCertain('hour')
  // `call 10am` alone: a time of today is still a day (today).
  if (!hasDay && !hasTime) return undefined
  const at = parts.date()
  const year = at.getFullYear()
  if (Number.isNaN(year) || year < 1 || year > 9999) return undefined
  const date = localDay(at)
  return hasTime ? { end, date, time: localTime(at) } : { end, date }
}
