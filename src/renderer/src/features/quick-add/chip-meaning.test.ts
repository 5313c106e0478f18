import { loadDateParsersFirst } from '../../../../shared/quick-add/testing'
import { describe, expect, it } from 'vitest'
import {
  createCatalogIndex,
  parseQuickAdd,
  type QuickAddContext,
} from '../../../../shared/quick-add'
import { readPhoneNumber } from '../../../../shared/quick-add/phone-numbers'
import { chipMeaning, formatDay, formatMoney } from './chip-meaning'
import { finishedChipAtEnd } from './line-editing'

loadDateParsersFirst()

const context: QuickAddContext = {
  now: new Date(2026, 10, 25, 10),
  currencies: [
    { code: 'EUR', symbol: '€', decimalPoints: 2 },
    { code: 'JPY', symbol: '¥', decimalPoints: 0 },
  ],
  defaultCurrency: 'EUR',
  labels: [{ id: '8b5c1f1e-6a52-4d1b-9a55-0d5b8f0a8c01', name: 'Hot', color: 'red' }],
  persons: createCatalogIndex([{ id: 1, name: 'Jane Doe' }]),
  organizations: createCatalogIndex([]),
  phoneRegion: 'GB',
  phoneNumbers: readPhoneNumber,
  activityTypes: [{ key: 'call', name: 'Call' }],
}

const formats = { locale: 'en-GB', today: '2026-11-25', currencies: context.currencies }

function meanings(line: string) {
  const parsed = parseQuickAdd(line, context)
  return parsed.chips.map((chip) => chipMeaning(chip, parsed, new Map(), formats))
}

describe('formatting', () => {
  it('writes amounts in the locale, then the currency code', () => {
    expect(formatMoney(5000, 'EUR', context.currencies, 'en-GB')).toBe('5,000 EUR')
    expect(formatMoney(5000.5, 'EUR', context.currencies, 'en-GB')).toBe('5,000.50 EUR')
    expect(formatMoney(5000.5, 'EUR', context.currencies, 'de-DE')).toBe('5.000,50 EUR')
    expect(formatMoney(20000.004, 'EUR', context.currencies, 'en-GB')).toBe('20,000 EUR')
    expect(
      formatMoney(3.5, 'BHD', [{ code: 'BHD', symbol: 'BD', decimalPoints: 3 }], 'en-GB'),
    ).toBe('3.500 BHD')
    expect(formatMoney(1234.56, 'JPY', context.currencies, 'en-GB')).toBe('1,235 JPY')
  })

  it('writes days in the locale, with the year only when it is not this one', () => {
    expect(formatDay('2026-11-27', '2026-11-25', 'en-GB')).toBe('Fri 27 Nov')
    expect(formatDay('2027-01-08', '2026-11-25', 'en-GB')).toBe('Fri, 8 Jan 2027')
  })
})

describe('chipMeaning', () => {
  it('says what each chip was read as', () => {
    expect(
      meanings('Renewal 5k EUR @Jane Doe @"Mia Wong" #hot #vip due fri').map((m) => [
        m.kindLabel,
        m.meaning,
        m.tone,
      ]),
    ).toEqual([
      ['Value', '5,000 EUR', 'normal'],
      ['Person', 'Jane Doe (in Pipedrive)', 'normal'],
      ['Person', 'Mia Wong (new person), not linked: a lead has one person', 'muted'],
      ['Label', 'Hot', 'normal'],
      ['Label', 'vip: unknown label, not sent', 'muted'],
      ['Close date', 'Fri 27 Nov', 'normal'],
    ])
  })

  it('says the next activity by its type, day and time', () => {
    expect(meanings('Renewal call fri 10am')).toEqual([
      {
        kindLabel: 'Next activity',
        meaning: 'Call, Fri 27 Nov 10:00',
        tone: 'normal',
        color: null,
      },
    ])
  })

  it("shows a new person's email and phone, or why they will not be saved", () => {
    const shown = (line: string) => meanings(line).map((m) => [m.kindLabel, m.meaning, m.tone])
    expect(shown('Pilot @"Mia Wong" mia@globex.example 020 7946 0958')).toEqual([
      ['Person', 'Mia Wong (new person)', 'normal'],
      ['Email', 'mia@globex.example', 'normal'],
      ['Phone', '+44 20 7946 0958', 'normal'],
    ])
    expect(shown('Call @Jane Doe +1 201 555 0123')).toEqual([
      ['Person', 'Jane Doe (in Pipedrive)', 'normal'],
      [
        'Phone',
        '+1 201 555 0123, not saved: quick add does not change people already in Pipedrive',
        'muted',
      ],
    ])
    expect(shown('Call mia@globex.example')).toEqual([
      ['Email', 'mia@globex.example, not saved: name a new person with @ to save it with', 'muted'],
    ])
  })

  it('asks for a pick on a name that fits several', () => {
    const [person] = meanings('Call @Ja')
    expect(person).toMatchObject({ meaning: 'Ja: 1 match, choose one', tone: 'attention' })
  })

  it('gives a known label its color', () => {
    expect(meanings('Call #hot')[0]?.color).toBe('red')
  })
})

describe('finishedChipAtEnd', () => {
  it('is the last chip once a space follows it, not while it is typed', () => {
    const line = 'Call @Jane Doe '
    const { chips } = parseQuickAdd(line, context)
    expect(finishedChipAtEnd(line, chips)?.text).toBe('@Jane Doe')
    expect(finishedChipAtEnd(line.trimEnd(), chips)).toBeUndefined()
    expect(finishedChipAtEnd(`${line}now`, chips)).toBeUndefined()
  })
})
