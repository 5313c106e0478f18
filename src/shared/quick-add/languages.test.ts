import { beforeAll, describe, expect, it } from 'vitest'
import { dateReaderFor, loadQuickAddLanguage, quickAddLanguageOf } from './languages'
import { parseQuickAdd } from './parse'
import { sampleContext } from './sample-catalog'

// Wednesday 25 November 2026, noon local time.
const contextIn = (locale: string | undefined) => sampleContext(undefined, undefined, { locale })

beforeAll(async () => {
  for (const locale of ['de', 'fr', 'es', 'nl', 'pt']) await loadQuickAddLanguage(locale)
})

const readIn = (locale: string | undefined, input: string) => {
  const parsed = parseQuickAdd(input, contextIn(locale))
  const date = parsed.chips.find((chip) => chip.kind === 'date')
  const money = parsed.chips.find((chip) => chip.kind === 'money')
  return {
    date: date?.kind === 'date' ? `${date.date} "${date.text}"` : undefined,
    money:
      money?.kind === 'money' ? `${money.amount} ${money.currency} "${money.text}"` : undefined,
    title: parsed.title,
  }
}

describe('close dates in the OS locale language', () => {
  it.each([
    ['de-DE', 'Angebot bis Freitag', '2026-11-27 "bis Freitag"', 'Angebot'],
    ['de-DE', 'Vertrag fällig morgen', '2026-11-26 "fällig morgen"', 'Vertrag'],
    ['de-AT', 'Abschluss nächsten Monat', '2026-12-25 "Abschluss nächsten Monat"', ''],
    ['de-DE', 'bis 15. Dez', '2026-12-15 "bis 15. Dez"', ''],
    ['de-DE', 'Frist in 2 Wochen', '2026-12-09 "Frist in 2 Wochen"', ''],
    ['fr-FR', 'Devis avant vendredi', '2026-11-27 "avant vendredi"', 'Devis'],
    ['fr-FR', 'échéance le mois prochain', '2026-12-25 "échéance le mois prochain"', ''],
    ['fr-CA', 'Contrat clôture 15 décembre', '2026-12-15 "clôture 15 décembre"', 'Contrat'],
    ['fr-FR', "d'ici demain", `2026-11-26 "d'ici demain"`, ''],
    ['es-ES', 'Oferta para viernes', '2026-11-27 "para viernes"', 'Oferta'],
    ['es-MX', 'vence mañana', '2026-11-26 "vence mañana"', ''],
    ['es-ES', 'cierre 15 de diciembre', '2026-12-15 "cierre 15 de diciembre"', ''],
    ['nl-NL', 'Offerte voor vrijdag', '2026-11-27 "voor vrijdag"', 'Offerte'],
    ['nl-BE', 'uiterlijk volgende maand', '2026-12-25 "uiterlijk volgende maand"', ''],
    ['nl-NL', 'deadline over 2 weken', '2026-12-09 "deadline over 2 weken"', ''],
    ['pt-BR', 'Proposta até sexta', '2026-11-27 "até sexta"', 'Proposta'],
    ['pt-PT', 'prazo amanhã', '2026-11-26 "prazo amanhã"', ''],
    ['pt-BR', 'vence 15 de dezembro', '2026-12-15 "vence 15 de dezembro"', ''],
  ])('%s: %j', (locale, input, date, title) => {
    expect(readIn(locale, input)).toMatchObject({ date, title })
  })

  it.each(['de-DE', 'fr-FR', 'es-ES', 'nl-NL', 'pt-BR'])(
    'still understands English in %s',
    (locale) => {
      expect(readIn(locale, 'Renewal due fri').date).toBe('2026-11-27 "due fri"')
      expect(readIn(locale, 'by 15 Dec').date).toBe('2026-12-15 "by 15 Dec"')
    },
  )

  it('reads a keyword typed without its accents', () => {
    expect(readIn('de-DE', 'fallig Freitag').date).toBe('2026-11-27 "fallig Freitag"')
    expect(readIn('pt-BR', 'ate sexta').date).toBe('2026-11-27 "ate sexta"')
  })

  it("keeps another language's words as title text", () => {
    expect(readIn('en-GB', 'Angebot bis Freitag')).toMatchObject({
      date: undefined,
      title: 'Angebot bis Freitag',
    })
    expect(readIn(undefined, 'avant vendredi').date).toBeUndefined()
  })

  it('keeps the keyword in the title when no date follows it', () => {
    expect(readIn('fr-FR', 'Pilote pour 2 équipes')).toMatchObject({
      date: undefined,
      title: 'Pilote pour 2 équipes',
    })
    expect(readIn('nl-NL', 'Bedankt voor alles').date).toBeUndefined()
    expect(readIn('es-ES', 'Demo para Ana').date).toBeUndefined()
    expect(readIn('de-DE', 'Anruf bis 17 Uhr').date).toBeUndefined()
  })
})

describe('money in the OS locale notation', () => {
  it.each([
    ['de-DE', '1.234,50 €', '1234.5 EUR "1.234,50 €"'],
    ['de-DE', '1,5k', '1500 EUR "1,5k"'],
    ['de-DE', '1,500k', '1500 EUR "1,500k"'],
    ['en-US', '1,500k', '1500000 EUR "1,500k"'],
    ['fr-FR', '1 234,50 €', '1234.5 EUR "1 234,50 €"'],
    ['fr-FR', '1\u202f234,50 €', '1234.5 EUR "1\u202f234,50 €"'],
    ['fr-FR', '1\u00a0234,50\u00a0€', '1234.5 EUR "1\u00a0234,50\u00a0€"'],
    ['fr-FR', '12 500,5 EUR', '12500.5 EUR "12 500,5 EUR"'],
    ['fr-FR', '1 234,50€', '1234.5 EUR "1 234,50€"'],
    ['es-ES', '2.500,00 EUR', '2500 EUR "2.500,00 EUR"'],
    ['nl-NL', '€ 1.234,56', '1234.56 EUR "€ 1.234,56"'],
    ['pt-BR', '1.234,56 USD', '1234.56 USD "1.234,56 USD"'],
    ['de-CH', "CHF 1'234.50", '1234.5 CHF "CHF 1\'234.50"'],
  ])('%s: %j', (locale, input, money) => {
    expect(readIn(locale, input).money).toBe(money)
  })

  it.each(['en-US', 'de-DE', 'fr-FR', 'es-ES', 'nl-NL', 'pt-BR'])('reads 5k in %s', (locale) => {
    expect(readIn(locale, 'Renewal 5k').money).toBe('5000 EUR "5k"')
  })

  it('wants decimals after a space-grouped amount only in a decimal-comma locale', () => {
    expect(readIn('en-US', '1 234,50 €').money).not.toMatch(/^1234\.5 /)
  })
})

describe('the language of a locale', () => {
  it.each([
    ['de-AT', 'de'],
    ['fr', 'fr'],
    ['pt-BR', 'pt'],
    ['en-GB', 'en'],
    ['it-IT', 'en'],
    ['not a locale!', 'en'],
    [undefined, 'en'],
  ])('%j → %s', (locale, language) => {
    expect(quickAddLanguageOf(locale)).toBe(language)
  })

  it('reads activity times too, for other parts of the line', () => {
    const reader = dateReaderFor('de-DE')
    const found = reader.readDate('Freitag 10 Uhr', new Date(2026, 10, 25, 12))
    expect(found?.start.date()).toEqual(new Date(2026, 10, 27, 10))
  })
})
