import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { emailPattern } from './email'

describe('emailPattern', () => {
  it('accepts what z.email() accepts and nothing else', () => {
    const candidate = fc.oneof(
      fc.emailAddress(),
      fc.constantFrom('jane@acme.com', "o'brien@acme.ie", 'a.b@c.de', '.a@b.co', 'a@-b.co'),
      fc.string({
        unit: fc.constantFrom('a', 'Z', '0', '.', '@', '-', '_', '+', "'"),
        maxLength: 20,
      }),
    )
    fc.assert(
      fc.property(candidate, (text) => {
        expect(emailPattern.test(text)).toBe(z.email().safeParse(text).success)
      }),
      { numRuns: 300 },
    )
  })
})
