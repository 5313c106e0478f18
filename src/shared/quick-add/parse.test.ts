import { loadDateParsersFirst } from './testing'
import { describe, expect, it } from 'vitest'
import { parseQuickAdd } from './parse'
import { sampleContext } from './sample-catalog'
import type { Chip, ParsedQuickAdd } from './types'

loadDateParsersFirst()

const context = sampleContext()

/** One chip as a short line, so a table of examples stays readable. */
function describeChip(chip: Chip): string {
  switch (chip.kind) {
    case 'person':
    case 'organization':
      return chip.match.kind === 'existing'
        ? `${chip.kind} #${chip.match.id} "${chip.text}"`
        : `${chip.kind} ${chip.match.kind} ${chip.match.name} "${chip.text}"`
    case 'label':
      return `label ${chip.match.kind} ${chip.match.name} "${chip.text}"`
    case 'money':
      return `money ${chip.amount} ${chip.currency} "${chip.text}"`
    case 'date':
      return `date ${chip.date} "${chip.text}"`
    case 'email':
      return `email ${chip.address} "${chip.text}"`
    case 'phone':
      return `phone ${chip.number} "${chip.text}"`
    case 'activity':
      return `activity ${chip.type.key} ${chip.date}${chip.time ? ` ${chip.time}` : ''} "${chip.text}"`
  }
}

const read = (input: string, ctx = context) => {
  const parsed = parseQuickAdd(input, ctx)
  return { title: parsed.title, chips: parsed.chips.map(describeChip) }
}

describe('the spec example', () => {
  it('reads title, money, person, label and close date with their exact spans', () => {
    const input = 'Acme renewal 5k EUR @Jane Doe #hot due fri'
    const parsed: ParsedQuickAdd = parseQuickAdd(input, context)
    expect(parsed.title).toBe('Acme renewal')
    expect(parsed.literals).toEqual([])
    expect(parsed.chips).toEqual([
      { kind: 'money', start: 13, end: 19, text: '5k EUR', amount: 5000, currency: 'EUR' },
      {
        kind: 'person',
        start: 20,
        end: 29,
        text: '@Jane Doe',
        match: { kind: 'existing', id: 1, name: 'Jane Doe' },
        candidates: [{ id: 1, name: 'Jane Doe' }],
      },
      {
        kind: 'label',
        start: 30,
        end: 34,
        text: '#hot',
        match: { kind: 'existing', id: '1b6e1a1c-0000-4000-8000-000000000001', name: 'Hot' },
        candidates: [context.labels[0]],
      },
      { kind: 'date', start: 35, end: 42, text: 'due fri', date: '2026-11-27' },
    ])
  })
})

type Example = [input: string, title: string, chips: string[]]

const examples: Record<string, Example[]> = {
  'free text and whitespace': [
    ['Acme renewal', 'Acme renewal', []],
    ['  Acme \t renewal\u00a0 Q3  ', 'Acme renewal Q3', []],
    ['', '', []],
  ],
  'persons: longest whole-word catalog match': [
    ['@Jane Doe renewal', 'renewal', ['person #1 "@Jane Doe"']],
    ['renewal @jane doe', 'renewal', ['person #1 "@jane doe"']],
    ['@Mary Ann Lee call', 'call', ['person #8 "@Mary Ann Lee"']],
    ['@Mary Ann call', 'call', ['person #9 "@Mary Ann"']],
    ['@Jose', '', ['person #3 "@Jose"']],
    ['@jose garcia', '', ['person #6 "@jose garcia"']],
    ['@lukasz nowak', '', ['person #7 "@lukasz nowak"']],
    ['@"Jane Doe" renewal', 'renewal', ['person #1 "@"Jane Doe""']],
    ['Call @Jane, then', 'Call, then', ['person ambiguous Jane "@Jane"']],
  ],
  'persons: unknown, ambiguous and partial': [
    ['@Zed Bloggs renewal', 'renewal', ['person new Zed Bloggs "@Zed Bloggs"']],
    ['@zed bloggs renewal', 'bloggs renewal', ['person new zed "@zed"']],
    ['@Zed Bloggs, CEO', ', CEO', ['person new Zed Bloggs "@Zed Bloggs"']],
    ['@Zed Bloggs EUR Fleet', 'EUR Fleet', ['person new Zed Bloggs "@Zed Bloggs"']],
    ['@Zed Van Der Berg Deal', 'Deal', ['person new Zed Van Der Berg "@Zed Van Der Berg"']],
    ['@"Zed Bloggs" renewal', 'renewal', ['person new Zed Bloggs "@"Zed Bloggs""']],
    ['@"Jane Doee"', '', ['person new Jane Doee "@"Jane Doee""']],
    ['@Jan', '', ['person ambiguous Jan "@Jan"']],
    // A new full name whose first word begins known names stays whole.
    ['@Jan Kowalski', '', ['person new Jan Kowalski "@Jan Kowalski"']],
    ['@Jane Do', '', ['person ambiguous Jane Do "@Jane Do"']],
    ['@John Smith', '', ['person ambiguous John Smith "@John Smith"']],
    ['@Jane Do', '', ['person ambiguous Jane Do "@Jane Do"']],
    ['@"Jane D', '', ['person ambiguous Jane D "@"Jane D"']],
    ['@Doe', '', ['person ambiguous Doe "@Doe"']],
    // An initial's dot does not end the name.
    ['@Z. Bloggs renewal', 'renewal', ['person new Z. Bloggs "@Z. Bloggs"']],
    ['@Zed M. Bloggs renewal', 'renewal', ['person new Zed M. Bloggs "@Zed M. Bloggs"']],
    ['@J. Doe renewal', 'renewal', ['person new J. Doe "@J. Doe"']],
    ['@Jane M. Doe renewal', 'renewal', ['person new Jane M. Doe "@Jane M. Doe"']],
  ],
  organizations: [
    ['+Acme GmbH deal', 'deal', ['organization #12 "+Acme GmbH"']],
    ['+Acme deal', 'deal', ['organization #11 "+Acme"']],
    ['+"Acme GmbH"', '', ['organization #12 "+"Acme GmbH""']],
    ['+Initech pilot', 'pilot', ['organization new Initech "+Initech"']],
    // A legal form is part of the name; a currency code is not.
    ['+Initech LLC pilot', 'pilot', ['organization new Initech LLC "+Initech LLC"']],
    [
      '+Vandelay Industries AG',
      '',
      ['organization new Vandelay Industries AG "+Vandelay Industries AG"'],
    ],
    [
      '+Hooli PLC 5k EUR',
      '',
      ['organization new Hooli PLC "+Hooli PLC"', 'money 5000 EUR "5k EUR"'],
    ],
    ['+Initech EUR', 'EUR', ['organization new Initech "+Initech"']],
    ['@Zed Bloggs AG', 'AG', ['person new Zed Bloggs "@Zed Bloggs"']],
    ['+glob', '', ['organization ambiguous glob "+glob"']],
  ],
  'sigils that are not chips': [
    ['@', '@', []],
    ['#', '#', []],
    ['+', '+', []],
    ['@""', '@""', []],
    ['+ Acme', '+ Acme', []],
    ['meet @5pm', 'meet @5pm', []],
    ['order #123', 'order #123', []],
    ['+49', '+49', []],
    ['@jane@acme.com', '', ['person new jane@acme.com "@jane@acme.com"']],
    ['C++ training', 'C++ training', []],
  ],
  labels: [
    ['#hot', '', ['label existing Hot "#hot"']],
    ['#HOT lead', 'lead', ['label existing Hot "#HOT"']],
    ['#ho', '', ['label existing Hot "#ho"']],
    ['#h', '', ['label ambiguous h "#h"']],
    ['#follow up call', 'call', ['label existing Follow up "#follow up"']],
    ['#"Follow up"', '', ['label existing Follow up "#"Follow up""']],
    ['#vip', '', ['label new vip "#vip"']],
    ['#hot #warm', '', ['label existing Hot "#hot"', 'label existing Warm "#warm"']],
  ],
  money: [
    ['Acme 5k', 'Acme', ['money 5000 EUR "5k"']],
    ['5000 EUR', '', ['money 5000 EUR "5000 EUR"']],
    ['€5,000 deal', 'deal', ['money 5000 EUR "€5,000"']],
    ['$3.5k', '', ['money 3500 USD "$3.5k"']],
    ['USD 1200', '', ['money 1200 USD "USD 1200"']],
    ['1.2m', '', ['money 1200000 EUR "1.2m"']],
    ['5 000 EUR', '', ['money 5000 EUR "5 000 EUR"']],
    ['EUR5k', '', ['money 5000 EUR "EUR5k"']],
    ['Acme 2024 renewal', 'Acme 2024 renewal', []],
    ['first 5k then 3k EUR', 'first then 3k EUR', ['money 5000 EUR "5k"']],
  ],
  'close dates': [
    ['Deal due diligence', 'Deal due diligence', []],
    ['Deal due diligence by fri', 'Deal due diligence', ['date 2026-11-27 "by fri"']],
    ['by 15 Dec', '', ['date 2026-12-15 "by 15 Dec"']],
    ['close next month', '', ['date 2026-12-25 "close next month"']],
    ['due 2026-12-24', '', ['date 2026-12-24 "due 2026-12-24"']],
    ['by tomorrow', '', ['date 2026-11-26 "by tomorrow"']],
    ['Close the deal by fri', 'Close the deal', ['date 2026-11-27 "by fri"']],
    ['due fri due mon', 'due mon', ['date 2026-11-27 "due fri"']],
  ],
  // Before the new chips, these two lines were all title.
  emails: [
    ['mail jane@acme.com', 'mail', ['email jane@acme.com "jane@acme.com"']],
    ['Mail jane@acme.com.', 'Mail.', ['email jane@acme.com "jane@acme.com"']],
    [
      'jane.doe+leads@mail.acme.co.uk, then call',
      ', then call',
      ['email jane.doe+leads@mail.acme.co.uk "jane.doe+leads@mail.acme.co.uk"'],
    ],
    ['(jane@acme.com)', '(jane@acme.com)', []],
    ['jane@acme', 'jane@acme', []],
    ['jane@@acme.com', 'jane@@acme.com', []],
    ['@acme.com', '', ['person new acme.com "@acme.com"']],
    ['a@b.c', 'a@b.c', []],
    ['"jane@acme.com" x', 'jane@acme.com x', []],
    ['a@acme.com b@acme.com', 'b@acme.com', ['email a@acme.com "a@acme.com"']],
    [
      '@Mia Wong Mia@globex.example',
      '',
      ['person new Mia Wong "@Mia Wong"', 'email Mia@globex.example "Mia@globex.example"'],
    ],
  ],
  phones: [
    ['Call +49 151 2345678', 'Call', ['phone +491512345678 "+49 151 2345678"']],
    ['+44 20 7946 0958 Pilot', 'Pilot', ['phone +442079460958 "+44 20 7946 0958"']],
    ['020 7946 0958', '', ['phone +442079460958 "020 7946 0958"']],
    ['Call 020 7946 0958.', 'Call.', ['phone +442079460958 "020 7946 0958"']],
    ['+44 (0)20 7946 0958', '', ['phone +442079460958 "+44 (0)20 7946 0958"']],
    ['+1 (201) 555-0123, x', ', x', ['phone +12015550123 "+1 (201) 555-0123"']],
    ['+1-202-555-0143', '', ['phone +12025550143 "+1-202-555-0143"']],
    ['+33 1 23 45 67 89', '', ['phone +33123456789 "+33 1 23 45 67 89"']],
    // The longest valid run: the year after the number stays in the title.
    ['+44 20 7946 0958 2024', '2024', ['phone +442079460958 "+44 20 7946 0958"']],
    [
      '+44 20 7946 0958 +Globex',
      '',
      ['phone +442079460958 "+44 20 7946 0958"', 'organization ambiguous Globex "+Globex"'],
    ],
    ['+44 20 7946 095', '+44 20 7946 095', []],
    ['Call 555 0100', 'Call 555 0100', []],
    ['Order 2079460958', 'Order 2079460958', []],
    ['5000 EUR', '', ['money 5000 EUR "5000 EUR"']],
    [
      '€5,000 +49 151 2345678',
      '',
      ['money 5000 EUR "€5,000"', 'phone +491512345678 "+49 151 2345678"'],
    ],
    [
      '+49 151 2345678 +44 20 7946 0958',
      '+44 20 7946 0958',
      ['phone +491512345678 "+49 151 2345678"'],
    ],
  ],
  'quoted literals': [
    ['"5k @home #1" follow-up', '5k @home #1 follow-up', []],
    ['"due fri" prep', 'due fri prep', []],
    ['Monitor 27" display 5k', 'Monitor 27" display', ['money 5000 EUR "5k"']],
    ['"unclosed 5k @Jane', '"unclosed 5k @Jane', []],
    ['""', '', []],
    ['"Acme"5k', 'Acme5k', []],
  ],
}

describe.each(Object.entries(examples))('%s', (_, rows) => {
  it.each(rows)('%j', (input, title, chips) => {
    expect(read(input)).toEqual({ title, chips })
  })
})

describe('candidates', () => {
  it('lists every catalog entry a prefix fits, whole-name starts first', () => {
    const [chip] = parseQuickAdd('@Jan', context).chips
    expect(chip?.kind === 'person' && chip.candidates).toEqual([
      { id: 2, name: 'Jan Novak' },
      { id: 1, name: 'Jane Doe' },
    ])
  })

  it('offers both people who share a name, by id', () => {
    const [chip] = parseQuickAdd('@John Smith', context).chips
    expect(chip?.kind === 'person' && chip.candidates.map((entry) => entry.id)).toEqual([4, 5])
  })

  it('puts the exact match first and the names it begins after it', () => {
    const [chip] = parseQuickAdd('@Jose', context).chips
    expect(chip?.kind === 'person' && chip.candidates.map((entry) => entry.id)).toEqual([3, 6])
  })

  it('stops at eight', () => {
    const many = Array.from({ length: 20 }, (_, id) => ({ id: id + 1, name: `Jane ${id}` }))
    const [chip] = parseQuickAdd('@Jane', sampleContext(many)).chips
    expect(chip?.kind === 'person' && chip.match.kind).toBe('ambiguous')
    expect(chip?.kind === 'person' && chip.candidates).toHaveLength(8)
  })

  it('offers the labels a prefix fits', () => {
    const [chip] = parseQuickAdd('#h', context).chips
    expect(chip?.kind === 'label' && chip.candidates.map((label) => label.name)).toEqual([
      'Hot',
      'High value',
    ])
  })
})

describe('literals', () => {
  it('reports closed and unclosed quotes', () => {
    expect(parseQuickAdd('"a b" x "c', context).literals).toEqual([
      { start: 0, end: 5, closed: true },
      { start: 8, end: 10, closed: false },
    ])
  })
})

describe('a new full name in a catalog where its first word begins someone', () => {
  const catalog = sampleContext(
    [
      { id: 1, name: 'Tom Weber' },
      { id: 2, name: 'Tomás Ruiz' },
    ],
    [{ id: 10, name: 'Initech Holding' }],
  )

  it('keeps the whole new name instead of an unfinished first word', () => {
    expect(read('@Tom Hanks renewal', catalog)).toEqual({
      title: 'renewal',
      chips: ['person new Tom Hanks "@Tom Hanks"'],
    })
    expect(read('+Initech LLC pilot', catalog)).toEqual({
      title: 'pilot',
      chips: ['organization new Initech LLC "+Initech LLC"'],
    })
  })

  it('still offers the names a first word begins while that is all that was typed', () => {
    expect(read('@Tom', catalog).chips).toEqual(['person ambiguous Tom "@Tom"'])
    expect(read('@Tom We', catalog).chips).toEqual(['person ambiguous Tom We "@Tom We"'])
    expect(read('@Tom weber call', catalog).chips).toEqual(['person #1 "@Tom weber"'])
    expect(read('+Initech Hol', catalog).chips).toEqual([
      'organization ambiguous Initech Hol "+Initech Hol"',
    ])
  })
})
