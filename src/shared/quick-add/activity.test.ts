import { loadDateParsersFirst } from './testing'
import { describe, expect, it } from 'vitest'
import { parseQuickAdd } from './parse'
import { sampleContext } from './sample-catalog'
import type { ActivityChip } from './types'

loadDateParsersFirst()

// Wednesday 25 November 2026, noon: `fri` is the 27th, `tomorrow` the 26th, `next week`
// a week on (2 December), as chrono reads it for close dates too.
const context = sampleContext()

const activityOf = (input: string, ctx = context) => {
  const parsed = parseQuickAdd(input, ctx)
  const chip = parsed.chips.find((c): c is ActivityChip => c.kind === 'activity')
  return { title: parsed.title, chip }
}

describe('reading the next activity', () => {
  it.each([
    ['ACME fleet call fri 10am', 'call', '2026-11-27', '10:00', 'call fri 10am'],
    [
      'meeting tomorrow 14:00 ACME fleet',
      'meeting',
      '2026-11-26',
      '14:00',
      'meeting tomorrow 14:00',
    ],
    ['ACME fleet email next week', 'email', '2026-12-02', undefined, 'email next week'],
    ['ACME fleet Lunch on friday', 'lunch', '2026-11-27', undefined, 'Lunch on friday'],
    ['ACME fleet follow up tomorrow', 'follow_up', '2026-11-26', undefined, 'follow up tomorrow'],
    ['ACME fleet follow_up tomorrow', 'follow_up', '2026-11-26', undefined, 'follow_up tomorrow'],
    ['ACME fleet CALL 3pm', 'call', '2026-11-25', '15:00', 'CALL 3pm'],
  ])('%s', (input, key, date, time, text) => {
    const { title, chip } = activityOf(input)
    expect(chip).toMatchObject({ type: { key }, date, text })
    expect(chip?.time).toBe(time)
    expect(title).toBe(input.replace(text, '').replace(/\s+/g, ' ').trim())
  })

  it('leaves a type word without a day to the title', () => {
    expect(activityOf('Call center deal').chip).toBeUndefined()
    expect(activityOf('Call center deal').title).toBe('Call center deal')
    expect(activityOf('Meeting room refit @Jane Doe').chip).toBeUndefined()
  })

  it('reads one activity, and a close date beside it', () => {
    const parsed = parseQuickAdd('Fleet call fri 10am due next month email tomorrow', context)
    expect(parsed.chips.map((c) => c.kind)).toEqual(['activity', 'date'])
    expect(parsed.title).toBe('Fleet email tomorrow')
  })

  it('reads nothing without the company types', () => {
    const bare = sampleContext(undefined, undefined, { activityTypes: undefined })
    expect(activityOf('ACME call fri 10am', bare).chip).toBeUndefined()
  })
})
