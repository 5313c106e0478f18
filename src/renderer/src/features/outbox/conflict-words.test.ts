import { describe, expect, it } from 'vitest'
import { describeValue } from './conflict-words'

describe('describeValue', () => {
  it('reads each kind of field value', () => {
    expect(describeValue('Acme')).toBe('Acme')
    expect(describeValue(null)).toBe('(empty)')
    expect(describeValue(true)).toBe('Yes')
    expect(describeValue([])).toBe('(none)')
    expect(describeValue({ amount: 5000, currency: 'EUR' })).toMatch(/5,?000/)
    expect(describeValue({ amount: 1, currency: 'not a code' })).toBe('1 not a code')
  })
})
