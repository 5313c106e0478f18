import { loadDateParsersFirst } from './testing'
import { describe, expect, it } from 'vitest'
import { parseQuickAdd } from './parse'
import { removeChip } from './remove-chip'
import { sampleContext } from './sample-catalog'
import type { Chip } from './types'

loadDateParsersFirst()

const context = sampleContext()

function chipAt(input: string, text: string): Chip {
  const chip = parseQuickAdd(input, context).chips.find((found) => found.text === text)
  if (!chip) throw new Error(`no chip ${text} in ${input}`)
  return chip
}

describe('removeChip', () => {
  const line = 'Acme renewal 5k EUR @Jane Doe #hot due fri'

  it.each([
    ['@Jane Doe', 'Acme renewal 5k EUR Jane Doe #hot due fri', 'Acme renewal Jane Doe'],
    ['#hot', 'Acme renewal 5k EUR @Jane Doe hot due fri', 'Acme renewal hot'],
    ['5k EUR', 'Acme renewal "5k EUR" @Jane Doe #hot due fri', 'Acme renewal 5k EUR'],
    ['due fri', 'Acme renewal 5k EUR @Jane Doe #hot "due fri"', 'Acme renewal due fri'],
  ])('gives %j back to the title', (text, restored, title) => {
    const result = removeChip(line, chipAt(line, text), context)
    expect(result).toBe(restored)
    const reparsed = parseQuickAdd(result, context)
    expect(reparsed.title).toBe(title)
    expect(reparsed.chips.map((chip) => chip.text)).toEqual(
      parseQuickAdd(line, context)
        .chips.map((chip) => chip.text)
        .filter((other) => other !== text),
    )
  })

  it('quotes an email address or a phone number, which no chip then takes again', () => {
    const input = 'Pilot @Zed Bloggs zed@bloggs.example +44 20 7946 0958'
    const withoutEmail = removeChip(input, chipAt(input, 'zed@bloggs.example'), context)
    expect(withoutEmail).toBe('Pilot @Zed Bloggs "zed@bloggs.example" +44 20 7946 0958')
    expect(parseQuickAdd(withoutEmail, context).chips.map((chip) => chip.kind)).toEqual([
      'person',
      'phone',
    ])
    const withoutPhone = removeChip(input, chipAt(input, '+44 20 7946 0958'), context)
    expect(withoutPhone).toBe('Pilot @Zed Bloggs zed@bloggs.example "+44 20 7946 0958"')
    expect(parseQuickAdd(withoutPhone, context).title).toBe('Pilot +44 20 7946 0958')
  })

  it('keeps the quotes of a quoted name, which then make a literal', () => {
    const input = '@"Jane Doe" call'
    expect(removeChip(input, chipAt(input, '@"Jane Doe"'), context)).toBe('"Jane Doe" call')
  })

  it('quotes a name that would otherwise become money or a date', () => {
    const money = '5 @EUR call'
    expect(removeChip(money, chipAt(money, '@EUR'), context)).toBe('5 "EUR" call')
    expect(removeChip(money, chipAt(money, '@EUR'))).toBe('5 "EUR" call')
    const date = 'due @Friday Foods Jones'
    expect(removeChip(date, chipAt(date, '@Friday Foods Jones'), context)).toBe(
      'due "Friday Foods Jones"',
    )
  })

  it('quotes a name that the name before it would swallow', () => {
    const input = '@Jane @Doe call'
    expect(removeChip(input, chipAt(input, '@Doe'), context)).toBe('@Jane "Doe" call')
  })

  it('drops only the sigil when the context shows the words stay plain', () => {
    const input = '#vip @Zed call'
    expect(removeChip(input, chipAt(input, '@Zed'), context)).toBe('#vip Zed call')
  })

  it('leaves the input alone when the chip no longer matches it', () => {
    const chip = chipAt(line, '#hot')
    expect(removeChip('something else', chip, context)).toBe('something else')
  })
})
