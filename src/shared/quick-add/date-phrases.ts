// chrono, the date parser, is the largest part of the quick-add window's script. The window
// loads this module after it shows, so a line without a date never waits for it.
import { casual } from 'chrono-node/en'
import type { DateReader } from './close-date'

export const readDatePhrase: DateReader = (text, now) => {
  const result = casual.parse(text, now, { forwardDate: true })[0]
  if (!result) return undefined
  return {
    index: result.index,
    text: result.text,
    isCertain: (part) => result.start.isCertain(part),
    date: () => result.start.date(),
  }
}

/**
 * chrono compiles its larger patterns on their first two uses, a few hundred milliseconds
 * once per window. Running it before the reader is handed out keeps that pause off the
 * keystrokes.
 */
export function warmUpDatePhrases(): void {
  const reference = new Date(2026, 0, 7, 12)
  for (let round = 0; round < 2; round += 1) {
    for (const text of ['fri', 'next month', 'in 2 weeks', '15 Dec', '2026-12-24', 'diligence']) {
      readDatePhrase(text, reference)
    }
  }
}
