import { casual as english } from 'chrono-node/en'
import type { ParsedResult } from 'chrono-node/en'
import { normalizeName } from './normalize'

/** The languages quick add reads besides English, which it always understands. */
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
 * The other languages' parsers load apart, each only in the locale that needs it: every
 * window carries the parse code, and all of them together weigh more than the rest of it.
 */
const loaders: Record<Exclude<QuickAddLanguage, 'en'>, () => Promise<{ casual: DateParser }>> = {
  de: () => import('chrono-node/de'),
  fr: () => import('chrono-node/fr'),
  es: () => import('chrono-node/es'),
  nl: () => import('chrono-node/nl'),
  pt: () => import('chrono-node/pt'),
}

const parsers = new Map<QuickAddLanguage, DateParser>()

/**
 * Loads the date parser of the locale's language; until it has, dates are read in English
 * only (the locale's close-date words are known at once). Call when the window opens.
 */
export async function loadQuickAddLanguage(locale: string | undefined): Promise<void> {
  const language = quickAddLanguageOf(locale)
  if (language === 'en' || parsers.has(language)) return
  const { casual } = await loaders[language]()
  parsers.set(language, casual)
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
    const own = parsers.get(language)
    return own ? [own, english] : [english]
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
