import type { casual as english, ParsedResult } from 'chrono-node/en'
import { normalizeName } from './normalize'

/** The languages quick add reads dates in: English always, and the OS locale's. */
export const quickAddLanguages = ['en', 'de', 'fr', 'es', 'nl', 'pt'] as const
export type QuickAddLanguage = (typeof quickAddLanguages)[number]

/** The language of an OS locale (`de-AT` → de); English for any other or none. */
export function quickAddLanguageOf(locale: string | undefined): QuickAddLanguage {
  if (!locale) return 'en'
  let language: string
  try {
    language = new Intl.Locale(locale).language
  } catch {
    return 'en'
  }
  return (quickAddLanguages as readonly string[]).includes(language)
    ? (language as QuickAddLanguage)
    : 'en'
}

type DateParser = typeof english

/**
 * Every language's date parser loads apart, English too, so no window waits for one to show
 * or to read its first keystroke: each weighs more than the rest of quick add's code.
 */
const loaders: Record<QuickAddLanguage, () => Promise<{ casual: DateParser }>> = {
  en: () => import('chrono-node/en'),
  de: () => import('chrono-node/de'),
  fr: () => import('chrono-node/fr'),
  es: () => import('chrono-node/es'),
  nl: () => import('chrono-node/nl'),
  pt: () => import('chrono-node/pt'),
}

const parsers = new Map<QuickAddLanguage, DateParser>()

async function loadParser(language: QuickAddLanguage): Promise<void> {
  if (parsers.has(language)) return
  const { casual } = await loaders[language]()
  parsers.set(language, casual)
}

/**
 * Loads the date parsers of English and of the locale's language. Until they have, no date is
 * read (the line is read again once they are); the locale's close-date words are known at
 * once. Call when the window opens.
 */
export async function loadQuickAddLanguage(locale: string | undefined): Promise<void> {
  await Promise.all([loadParser('en'), loadParser(quickAddLanguageOf(locale))])
}

/**
 * Words that introduce the expected close date, accents folded as `normalizeName` folds
 * them: `due fri`, `bis Freitag`, `avant vendredi`, `para mañana`, `voor vrijdag`, `até sexta`.
 */
const closeDateWords: Record<QuickAddLanguage, readonly string[]> = {
  en: ['due', 'by', 'close', 'closes', 'closing'],
  de: ['bis', 'fallig', 'abschluss', 'frist'],
  fr: ['avant', 'echeance', 'cloture', "d'ici", 'pour'],
  es: ['para', 'antes', 'vence', 'cierre', 'plazo'],
  nl: ['voor', 'uiterlijk', 'deadline', 'sluiting', 'tegen'],
  pt: ['ate', 'vence', 'prazo', 'fecho', 'fechamento'],
}

/**
 * Reads the start of `text` as a date or time: the first result when it begins the text, the
 * locale's parser tried first and English after it.
 */
export type DateReader = (text: string, now: Date) => ParsedResult | undefined

export type LanguageReader = {
  language: QuickAddLanguage
  readDate: DateReader
  isCloseDateKeyword(word: string): boolean
  /** Compiles the parsers' patterns, which otherwise costs the first keystrokes. */
  warmUp(): void
}

let anyCloseDateWord: ReadonlySet<string> | undefined

/** For a cautious guess without the user's locale: a close-date word in any language. */
export function isCloseDateWordInAnyLanguage(word: string): boolean {
  anyCloseDateWord ??= new Set(Object.values(closeDateWords).flat())
  return anyCloseDateWord.has(normalizeName(word))
}

const readers = new Map<QuickAddLanguage, LanguageReader>()

/** One reader per language, built once: quick add asks on every keystroke. */
export function dateReaderFor(locale: string | undefined): LanguageReader {
  const language = quickAddLanguageOf(locale)
  let reader = readers.get(language)
  if (!reader) {
    reader = createReader(language)
    readers.set(language, reader)
  }
  return reader
}

function createReader(language: QuickAddLanguage): LanguageReader {
  const chainOf = (): DateParser[] => {
    const own = language === 'en' ? undefined : parsers.get(language)
    const fallback = parsers.get('en')
    return [own, fallback].filter((parser) => parser !== undefined)
  }
  const keywords = new Set([
    ...closeDateWords.en,
    ...(language === 'en' ? [] : closeDateWords[language]),
  ])
  const readDate: DateReader = (text, now) => {
    for (const parser of chainOf()) {
      let results
      try {
        results = parser.parse(text, now, { forwardDate: true })
      } catch {
        // A third-party parser; a line that trips it is simply not a date.
        continue
      }
      const result = results[0]
      if (result && result.index === 0 && text.startsWith(result.text)) return result
    }
    return undefined
  }
  return {
    language,
    readDate,
    isCloseDateKeyword: (word) => keywords.has(normalizeName(word)),
    warmUp() {
      // chrono compiles its larger patterns on their first two uses.
      const reference = new Date(2026, 0, 7, 12)
      for (let round = 0; round < 2; round += 1) {
        for (const text of warmUpTexts) readDate(text, reference)
      }
    },
  }
}

const warmUpTexts = ['fri', 'next month', 'in 2 weeks', '15 Dec', '2026-12-24', 'diligence']
