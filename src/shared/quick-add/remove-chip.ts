import { isCloseDateWordInAnyLanguage as isCloseDateKeyword } from './languages'
import { isWhitespace } from './normalize'
import { parseQuickAdd } from './parse'
import { isSigil } from './tokens'
import type { Chip, QuickAddContext } from './types'

/**
 * The input with the chip's words handed back to the title, for Backspace on a chip:
 * - a person, organization or label loses its sigil: `@Jane Doe` → `Jane Doe`, `#hot` → `hot`,
 *   `@"Jane Doe"` → `"Jane Doe"`;
 * - money, dates, emails and phone numbers are put in quotes, which keeps them literal:
 *   `5k EUR` → `"5k EUR"`;
 * - a name that would still end up in a chip is quoted too: next to a number it could become
 *   money (`5 @EUR`), after a keyword a date (`due @Fri`), after another name part of it
 *   (`@Jane @Doe`). Given the context, the line is parsed again to know for sure; without it,
 *   a cautious guess from the neighbouring words decides.
 * A chip that no longer matches the input leaves the input as it is.
 */
export function removeChip(input: string, chip: Chip, context?: QuickAddContext): string {
  const { start, end, text } = chip
  if (start < 0 || end > input.length || start >= end || input.slice(start, end) !== text) {
    return input
  }
  const before = input.slice(0, start)
  const after = input.slice(end)
  if (chip.kind !== 'person' && chip.kind !== 'organization' && chip.kind !== 'label') {
    return before + quote(text) + after
  }
  const quoted = quote(text.slice(1))
  const name = text.slice(1)
  // A quoted name is already a literal once the sigil goes.
  if (name.startsWith('"')) return before + name + after
  if (!context) return before + (nameIsInert(name, before, after) ? name : quoted) + after
  const restored = { start, end: start + name.length }
  const reparsed = parseQuickAdd(before + name + after, context)
  const taken = reparsed.chips.some(
    (other) => other.start < restored.end && restored.start < other.end,
  )
  return before + (taken ? quoted : name) + after
}

/**
 * Wraps text in quotes so it is literal. Quotes inside would close the literal early, so
 * they become typographic ones.
 */
function quote(text: string): string {
  return `"${text.replaceAll('"', '”')}"`
}

const digit = /\d/

/**
 * Whether a name, without its sigil, stays plain text where it stands. Money needs a digit
 * and a date needs a keyword, in the name or right beside it.
 */
function nameIsInert(name: string, before: string, after: string): boolean {
  const words = name.split(/\s+/).filter((word) => word !== '')
  for (const word of words) {
    if (digit.test(word) || isCloseDateKeyword(word) || isSigil(word[0])) return false
  }
  const previous = lastWord(before)
  const next = firstWord(after)
  if (digit.test(previous) || isCloseDateKeyword(previous) || isSigil(previous[0])) return false
  return !digit.test(next)
}

function lastWord(text: string): string {
  let start = text.length
  while (start > 0 && isWhitespace(text[start - 1])) start -= 1
  const end = start
  while (start > 0 && !isWhitespace(text[start - 1])) start -= 1
  return text.slice(start, end)
}

function firstWord(text: string): string {
  let end = 0
  while (end < text.length && !isWhitespace(text[end])) end += 1
  return text.slice(0, end)
}
