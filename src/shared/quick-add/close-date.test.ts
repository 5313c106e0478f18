import { loadDateParsersFirst } from './testing'
import { describe, expect, it } from 'vitest'
import { parseQuickAdd } from './parse'
import { sampleContext } from './sample-catalog'

loadDateParsersFirst()

// Wednesday 25 November 2026, noon local time.
const context = sampleContext()

const dateOf = (input: string) => {
  const parsed = parseQuickAdd(input, context)
  const chip = parsed.chips.find((found) => found.kind === 'date')
  return chip?.kind === 'date'
    ? { date: chip.date, text: chip.text, title: parsed.title }
    : undefined
}

describe('close dates after due, by, close', () => {
  it.each([
    ['due fri', '2026-11-27', 'due fri'],
    ['Due Friday', '2026-11-27', 'Due Friday'],
    ['by 15 Dec', '2026-12-15', 'by 15 Dec'],
    ['close next month', '2026-12-25', 'close next month'],
    ['closes next week', '2026-12-02', 'closes next week'],
    ['closing mon', '2026-11-30', 'closing mon'],
    ['due 2026-12-24', '2026-12-24', 'due 2026-12-24'],
    ['by tomorrow', '2026-11-26', 'by tomorrow'],
    ['by tomorrow, call', '2026-11-26', 'by tomorrow'],
    ['due in 2 weeks', '2026-12-09', 'due in 2 weeks'],
    ['BY 24.12.2026', '2026-12-24', 'BY 24.12.2026'],
    ['due fri 5k EUR', '2026-11-27', 'due fri'],
  ])('%j is %s', (input, date, text) => {
    expect(dateOf(input)).toMatchObject({ date, text })
  })

  it('keeps the keyword in the title when no date follows it', () => {
    expect(dateOf('Deal due diligence')).toBeUndefined()
    expect(parseQuickAdd('Deal due diligence', context).title).toBe('Deal due diligence')
    expect(dateOf('Paid by card')).toBeUndefined()
    expect(dateOf('close to signing')).toBeUndefined()
    expect(dateOf('due')).toBeUndefined()
  })

  it('finds the date after a later keyword', () => {
    expect(dateOf('Deal due diligence by fri')).toEqual({
      date: '2026-11-27',
      text: 'by fri',
      title: 'Deal due diligence',
    })
    expect(dateOf('Close the deal by fri')?.title).toBe('Close the deal')
  })

  it('wants the date right after the keyword', () => {
    expect(dateOf('close the deal')).toBeUndefined()
  })

  it('does not take a time of day alone as a close date', () => {
    expect(dateOf('Call by 5pm')).toBeUndefined()
    expect(dateOf('Call by noon')).toBeUndefined()
  })

  it('does not take part of a word', () => {
    expect(dateOf('due frisbee')).toBeUndefined()
  })

  it('takes only the first date', () => {
    const parsed = parseQuickAdd('due fri close next month', context)
    expect(parsed.chips.map((chip) => chip.text)).toEqual(['due fri'])
    expect(parsed.title).toBe('close next month')
  })

  it('reads no date when now is not a date', () => {
    const broken = sampleContext(undefined, undefined, { now: new Date(Number.NaN) })
    expect(parseQuickAdd('due fri', broken).chips).toEqual([])
  })
})
