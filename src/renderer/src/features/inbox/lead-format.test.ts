import { describe, expect, it } from 'vitest'
import { contactName, formatDay, formatValue, labelColor } from './lead-format'

describe('lead formatting', () => {
  it('shows a value in its own currency, in the given locale', () => {
    expect(formatValue({ amount: 25000, currency: 'EUR' }, 'en-US')).toBe('€25,000.00')
    expect(formatValue({ amount: 1200.5, currency: 'USD' }, 'de-DE')).toBe('1.200,50\u00a0$')
    expect(formatValue(null)).toBe('')
  })

  it('falls back to the number and the code for a currency Intl does not know', () => {
    expect(formatValue({ amount: 3, currency: 'BTC1' }, 'en-US')).toBe('3 BTC1')
  })

  it('shows a calendar day as that day in any time zone', () => {
    expect(formatDay('2027-03-31', 'en-US')).toBe('Mar 31, 2027')
    expect(formatDay(null)).toBe('')
  })

  it('names the person and the organization', () => {
    expect(contactName({ personName: 'Maria', organizationName: 'Acme' })).toBe('Maria · Acme')
    expect(contactName({ personName: null, organizationName: 'Acme' })).toBe('Acme')
  })

  it('draws unknown label colors gray', () => {
    expect(labelColor('red')).toBe('red')
    expect(labelColor('dark-gray')).toBe('dark-gray')
    expect(labelColor('#ff0000')).toBe('gray')
  })
})
