import { describe, expect, it } from 'vitest'
import { fullJitterDelay } from './backoff'

describe('full-jitter backoff', () => {
  it('grows exponentially up to a cap, anywhere between zero and the ceiling', () => {
    const top = () => 0.999_999
    expect(fullJitterDelay(1, { random: top })).toBe(999)
    expect(fullJitterDelay(4, { random: top })).toBe(7_999)
    expect(fullJitterDelay(30, { random: top })).toBe(299_999)
    expect(fullJitterDelay(5, { random: () => 0 })).toBe(0)
    expect(fullJitterDelay(3, { random: () => 0.5 })).toBe(2_000)
  })

  it('never waits past the cap or below zero', () => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const delay = fullJitterDelay(attempt)
      expect(delay).toBeGreaterThanOrEqual(0)
      expect(delay).toBeLessThan(5 * 60_000)
    }
  })
})
