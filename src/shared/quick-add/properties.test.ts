import { loadDateParsersFirst } from './testing'
import fc from 'fast-check'
import { parsePhoneNumberFromString } from 'libphonenumber-js/min'
import { beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createCatalogIndex } from './catalog'
import { dateReaderFor, loadQuickAddLanguage } from './languages'
import { parseQuickAdd } from './parse'
import { removeChip } from './remove-chip'
import {
  exampleOrganizations,
  examplePersons,
  sampleActivityTypes,
  sampleContext,
  sampleOrganizations,
  samplePersons,
} from './sample-catalog'
import type { CatalogEntry, ChipKind, ParsedQuickAdd, QuickAddContext } from './types'

loadDateParsersFirst()

// A mid-sized catalog keeps each run quick; the benchmark covers the full 10,000.
const persons: CatalogEntry[] = [
  ...examplePersons,
  ...samplePersons(2_000, 11).map((entry) => ({ ...entry, id: entry.id + 1_000 })),
]
const organizations: CatalogEntry[] = [
  ...exampleOrganizations,
  ...sampleOrganizations(300, 12).map((entry) => ({ ...entry, id: entry.id + 1_000 })),
]
const context = sampleContext(persons, organizations)

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char)
const atWordStart = (input: string, at: number) => at === 0 || isSpace(input[at - 1])
const keywords = ['due', 'by', 'close', 'closes', 'closing']

/**
 * The title the spec asks for, rebuilt from the reported spans alone: the input with every
 * chip cut out (with the whitespace before it when punctuation follows it directly), the two
 * quote marks of every closed literal dropped, and whitespace collapsed.
 */
function titleFromSpans(input: string, parsed: ParsedQuickAdd): string {
  const dropped = new Array<boolean>(input.length).fill(false)
  for (const chip of parsed.chips) {
    let start = chip.start
    if (chip.end < input.length && !isSpace(input[chip.end])) {
      while (start > 0 && isSpace(input[start - 1])) start -= 1
    }
    for (let at = start; at < chip.end; at += 1) dropped[at] = true
  }
  for (const literal of parsed.literals) {
    if (!literal.closed) continue
    dropped[literal.start] = true
    dropped[literal.end - 1] = true
  }
  let kept = ''
  for (let at = 0; at < input.length; at += 1) if (!dropped[at]) kept += input[at]
  return kept.replace(/\s+/g, ' ').trim()
}

/**
 * Invariant 2, in checkable parts. Spans are sound; the title is exactly what the spans say;
 * and, without trusting the reported literals, the title's non-whitespace characters are
 * those of the input outside the chips, in order, less an even number of `"` marks: two
 * for each closed literal and nothing else.
 */
function expectSound(input: string, parsed: ParsedQuickAdd, locale?: string): void {
  const spans = [
    ...parsed.chips.map((chip) => ({ ...chip, what: chip.kind as string })),
    ...parsed.literals.map((literal) => ({ ...literal, what: 'literal' })),
  ].sort((a, b) => a.start - b.start)
  let previousEnd = 0
  for (const span of spans) {
    expect(span.start).toBeGreaterThanOrEqual(previousEnd)
    expect(span.end).toBeGreaterThan(span.start)
    expect(span.end).toBeLessThanOrEqual(input.length)
    expect(atWordStart(input, span.start)).toBe(true)
    previousEnd = span.end
  }
  expect(parsed.chips.map((chip) => chip.start)).toEqual(
    [...parsed.chips].sort((a, b) => a.start - b.start).map((chip) => chip.start),
  )

  for (const chip of parsed.chips) {
    expect(chip.text).toBe(input.slice(chip.start, chip.end))
    switch (chip.kind) {
      case 'person':
      case 'organization':
      case 'label': {
        expect(chip.text[0]).toBe({ person: '@', organization: '+', label: '#' }[chip.kind])
        expect(chip.candidates.length).toBeLessThanOrEqual(8)
        if (chip.match.kind === 'new') expect(chip.candidates).toEqual([])
        else expect(chip.candidates.length).toBeGreaterThan(0)
        if (chip.match.kind === 'existing') expect(chip.candidates[0]?.id).toBe(chip.match.id)
        expect(chip.match.name.trim()).not.toBe('')
        break
      }
      case 'money':
        expect(Number.isFinite(chip.amount) && chip.amount >= 0).toBe(true)
        expect(chip.currency).toMatch(/^[A-Z0-9]{3,5}$/)
        expect(chip.text).toMatch(/\d/)
        break
      case 'date': {
        expect(chip.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        expect(new Date(`${chip.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(chip.date)
        expect(dateReaderFor(locale).isCloseDateKeyword(chip.text.split(/\s/)[0]!)).toBe(true)
        break
      }
      case 'email':
        // The address is the chip's text, and one the lead's draft accepts.
        expect(chip.address).toBe(chip.text)
        expect(z.email().safeParse(chip.address).success).toBe(true)
        break
      case 'phone':
        expect(chip.number).toMatch(/^\+[1-9]\d{5,14}$/)
        expect(parsePhoneNumberFromString(chip.text, 'GB')?.number).toBe(chip.number)
        expect(chip.text).not.toMatch(/^[+(]?\p{L}/u)
        break
      case 'activity':
        // One of the company's types, a real day, and a time only as HH:MM.
        expect(sampleActivityTypes.map((type) => type.key)).toContain(chip.type.key)
        expect(new Date(`${chip.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(chip.date)
        if (chip.time !== undefined) expect(chip.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/)
        break
    }
  }
  expect(parsed.chips.filter((chip) => chip.kind === 'money').length).toBeLessThanOrEqual(1)
  expect(parsed.chips.filter((chip) => chip.kind === 'date').length).toBeLessThanOrEqual(1)
  expect(parsed.chips.filter((chip) => chip.kind === 'email').length).toBeLessThanOrEqual(1)
  expect(parsed.chips.filter((chip) => chip.kind === 'phone').length).toBeLessThanOrEqual(1)
  expect(parsed.chips.filter((chip) => chip.kind === 'activity').length).toBeLessThanOrEqual(1)

  for (const literal of parsed.literals) {
    expect(input[literal.start]).toBe('"')
    const inside = input.slice(literal.start + 1, literal.closed ? literal.end - 1 : literal.end)
    expect(inside).not.toContain('"')
    if (literal.closed) expect(input[literal.end - 1]).toBe('"')
    else expect(literal.end).toBe(input.length)
  }

  expect(parsed.title).toBe(titleFromSpans(input, parsed))

  const inChip = new Array<boolean>(input.length).fill(false)
  const inLiteral = new Array<boolean>(input.length).fill(false)
  for (const chip of parsed.chips)
    for (let at = chip.start; at < chip.end; at += 1) inChip[at] = true
  for (const literal of parsed.literals) {
    for (let at = literal.start; at < literal.end; at += 1) inLiteral[at] = true
  }
  const outside: string[] = []
  for (let at = 0; at < input.length; at += 1) {
    if (!inChip[at] && !isSpace(input[at])) outside.push(input[at]!)
    // Every quote at a word start outside a chip opens or closes a literal: none is ignored.
    if (input[at] === '"' && atWordStart(input, at) && !inChip[at]) {
      expect(inLiteral[at]).toBe(true)
    }
  }
  const titleChars = [...parsed.title.replace(/\s/g, '')].join('').split('')
  let matched = 0
  let droppedQuotes = 0
  for (const char of outside) {
    if (matched < titleChars.length && titleChars[matched] === char) matched += 1
    else if (char === '"') droppedQuotes += 1
    else expect.fail(`${JSON.stringify(char)} of the input is missing from the title`)
  }
  expect(matched).toBe(titleChars.length)
  expect(droppedQuotes).toBe(2 * parsed.literals.filter((literal) => literal.closed).length)
}

// Arbitraries: plain noise, and lines built from the words the grammar cares about.

/** `a | b c | d` → ['a', 'b c', 'd']: lists of phrases that may hold spaces and commas. */
const choices = (text: string) => text.split('|').map((choice) => choice.trim())

/** Any UTF-16 code unit, lone surrogates and control characters included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))
const anyString = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({
    unit: fc.constantFrom('@', '#', '+', '"', ' ', 'a', '5', 'k', 'E', '€', '$', ','),
    maxLength: 40,
  }),
)

const someNames = [...persons.slice(0, 12), ...persons.slice(1_000, 1_040)].map((p) => p.name)
const catalogName = fc.oneof(
  fc.constantFrom(...someNames),
  fc.constantFrom(...someNames).map((name) => name.split(' ')[0]!),
  fc
    .tuple(fc.constantFrom(...someNames), fc.integer({ min: 1, max: 12 }))
    .map(([name, length]) => name.slice(0, length).trimEnd() || name),
  fc.constantFrom(...someNames).map((name) => name.normalize('NFD').replace(/\p{M}/gu, '')),
  fc.constantFrom(...someNames).map((name) => name.toLowerCase()),
  fc.constantFrom('Zed', 'Qwerty Nobody', 'Jan', 'Doe', 'john smith', 'EUR', 'Friday'),
)
const orgName = fc.oneof(
  fc.constantFrom(...organizations.slice(0, 30).map((org) => org.name)),
  fc.constantFrom('Acme', 'acme gmbh', 'Glob', 'Initech', 'Newco Ltd'),
)
const labelName = fc.constantFrom(
  ...choices(`
    hot | Hot | HOT | ho | h | follow up | Follow | vip | warm
  `),
)
const sigilled = (sigil: string, name: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 4, arbitrary: name.map((text) => sigil + text) },
    name.map((text) => `${sigil}"${text}"`),
    name.map((text) => `${sigil}"${text}`),
  )

const money = fc.constantFrom(
  ...choices(`
    5k | 5000 EUR | €5,000 | $3.5k | USD 1200 | 1.2m | 5 000 EUR | EUR5k | 5kEUR | 1.500 |
    1.500k | 3,5k | £2k | ¥1.5k | JPY 1.5 | 200 kr | 5 ALL | 5 all | 2024 |
    99999999999999999999k | 5, | € | $ | k | 1.2.3 | 20% | 000 | 5 000€
  `),
)
const datePhrase = fc.constantFrom(
  ...choices(`
    fri | 15 Dec | next month | 2026-12-24 | tomorrow | diligence | 5pm | the deal |
    in 2 weeks | friday, | mon. | noon | to signing | "fri" | @Jane | 5k EUR
  `),
)
const email = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom(
    ...choices(`
      jane@acme.com | jane@acme.com. | Jane.Doe@Acme.example, | a@b | @acme.com | jane@@acme.com |
      x@y.z | (jane@acme.com) | jane@acme.com!? | "jane@acme.com" | mia@globex.example
    `),
  ),
)
const phone = fc.constantFrom(
  ...choices(`
    +44 20 7946 0958 | 020 7946 0958 | +49 151 2345678 | 0151 2345678 | +1 (201) 555-0123 |
    +1-202-555-0143 | +33 1 23 45 67 89 | +44 (0)20 7946 0958. | 020 7946 0958, | +44 20 |
    +44 20 7946 095 | 555 0100 | 2079460958 | (020) 7946 0958 | +49 151 2345678 5k EUR |
    +44 20 7946 0958 2024 | 0 0 0 0 0 0 0 | +999 1234567
  `),
)
const keyword = fc.constantFrom(...keywords, 'Due', 'BY', 'Close')
const plainWord = fc.constantFrom(
  ...choices(`
    Acme | renewal | deal | Q3 | call | x | the | diligence | +49 | 151 | C++ |
    jane@acme.com | # | @ | + | " | "" | @"" | +"" | , | . | #123 | @5pm | EUR | € | kr |
    5 | ALL | due | by | close | Ünïcødé | 😀
  `),
  '\u0000',
  '\ud800',
)
const lineToken: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: plainWord },
  { weight: 3, arbitrary: sigilled('@', catalogName) },
  { weight: 2, arbitrary: sigilled('+', orgName) },
  { weight: 2, arbitrary: sigilled('#', labelName) },
  { weight: 3, arbitrary: money },
  { weight: 2, arbitrary: email },
  { weight: 2, arbitrary: phone },
  {
    weight: 3,
    arbitrary: fc.tuple(keyword, datePhrase).map(([word, phrase]) => `${word} ${phrase}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.array(fc.oneof(plainWord, money, email, phone), { maxLength: 3 }), fc.boolean())
      .map(([words, closed]) => `"${words.join(' ')}${closed ? '"' : ''}`),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 3 }) },
)
const separator = fc.constantFrom(' ', ' ', ' ', ' ', '  ', '\t', '\u00a0', '', ', ', '. ')
const realisticLine = (maxTokens: number) =>
  fc
    .array(fc.tuple(lineToken, separator), { maxLength: maxTokens })
    .map((parts) => parts.map(([token, gap]) => token + gap).join(''))

const parse = (input: string, ctx: QuickAddContext = context) => parseQuickAdd(input, ctx)

describe('invariant 1: never throws', () => {
  it('on any short string', () => {
    fc.assert(
      fc.property(anyString, (input) => void parse(input)),
      { numRuns: 400 },
    )
  })

  it('on long strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: codeUnit, minLength: 1_000, maxLength: 4_000 }), (input) => {
        parse(input)
      }),
      { numRuns: 15 },
    )
  })

  it('on sigils, quotes and keywords alone', () => {
    for (const input of ['@', '#', '+', '"', '@"', '@""', '@"""', '+"', '#"" x', 'due', 'by ']) {
      expect(() => parse(input)).not.toThrow()
    }
  })
})

describe('invariant 2: every character is accounted for', () => {
  it('on any short string', () => {
    fc.assert(
      fc.property(anyString, (input) => expectSound(input, parse(input))),
      {
        numRuns: 400,
      },
    )
  })

  it('on realistic lines, which reach every kind of chip', () => {
    const seen = new Set<ChipKind>()
    fc.assert(
      fc.property(realisticLine(12), (input) => {
        const parsed = parse(input)
        for (const chip of parsed.chips) seen.add(chip.kind)
        expectSound(input, parsed)
      }),
      { numRuns: 600 },
    )
    expect([...seen].sort()).toEqual([
      'date',
      'email',
      'label',
      'money',
      'organization',
      'person',
      'phone',
    ])
  })

  it('on long realistic lines', () => {
    fc.assert(
      fc.property(realisticLine(400), (input) => expectSound(input, parse(input))),
      { numRuns: 10 },
    )
  })
})

describe('invariant 3: deterministic', () => {
  const rebuilt = sampleContext(
    persons.map((entry) => ({ ...entry })),
    organizations.map((entry) => ({ ...entry })),
  )

  it('gives the same result twice, and with a context rebuilt from the same data', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, realisticLine(12)), (input) => {
        const first = parse(input)
        expect(parse(input)).toEqual(first)
        expect(parse(input, rebuilt)).toEqual(first)
      }),
      { numRuns: 300 },
    )
  })

  it('does not depend on the order the catalog was given in', () => {
    const reversed = {
      ...context,
      persons: createCatalogIndex([...persons].reverse()),
      organizations: createCatalogIndex([...organizations].reverse()),
    }
    fc.assert(
      fc.property(realisticLine(8), (input) => {
        expect(parse(input, reversed)).toEqual(parse(input))
      }),
      { numRuns: 200 },
    )
  })
})

describe('removeChip', () => {
  it('frees the words: only the chip changes, and no chip takes them again', () => {
    fc.assert(
      fc.property(realisticLine(10), (input) => {
        for (const chip of parse(input).chips) {
          const result = removeChip(input, chip, context)
          const restoredLength = result.length - (input.length - (chip.end - chip.start))
          const restored = { start: chip.start, end: chip.start + restoredLength }
          expect(result.slice(0, chip.start)).toBe(input.slice(0, chip.start))
          expect(result.slice(restored.end)).toBe(input.slice(chip.end))
          const reparsed = parse(result)
          expectSound(result, reparsed)
          const overlapping = reparsed.chips.filter(
            (other) => other.start < restored.end && restored.start < other.end,
          )
          expect(overlapping).toEqual([])
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('money amounts', () => {
  it('reads any whole amount with a code back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (amount) => {
        const [chip] = parse(`Deal ${amount} EUR`).chips
        expect(chip).toMatchObject({ kind: 'money', amount, currency: 'EUR' })
      }),
    )
  })

  it('reads cents and thousands without floating-point dust', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (cents) => {
        const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
        expect(parse(`USD ${text}`).chips[0]).toMatchObject({ amount: cents / 100 })
        expect(parse(`${text}k`).chips[0]).toMatchObject({ amount: cents * 10 })
      }),
    )
  })
})

describe('in every language quick add reads', () => {
  const locales = ['de-DE', 'fr-FR', 'es-ES', 'nl-NL', 'pt-BR', 'de-CH', 'fr-CA']
  beforeAll(async () => {
    for (const locale of locales) await loadQuickAddLanguage(locale)
  })
  const localWords = fc.constantFrom(
    ...choices(`
      bis Freitag | fällig morgen | Abschluss nächsten Monat | avant vendredi | échéance demain |
      d'ici demain | para viernes | vence mañana | voor vrijdag | uiterlijk volgende maand |
      até sexta | prazo amanhã | 1.234,50 € | 1 234,50 € | 1\u202f234,50 € | CHF 1'234.50 |
      1,500k | 12,5k | pour 2 | bis 17 Uhr
    `),
  )
  const localLine = fc
    .array(fc.oneof(localWords, realisticLine(3)), { maxLength: 6 })
    .map((parts) => parts.join(' '))

  it('never throws and accounts for every character', () => {
    fc.assert(
      fc.property(fc.constantFrom(...locales), localLine, (locale, input) => {
        expectSound(input, parse(input, { ...context, locale }), locale)
      }),
      { numRuns: 300 },
    )
  })
})
