import { describe, expect, it } from 'vitest'
import { LeadboxError } from '../../../shared/result'
import { describeError } from './describe-error'

describe('describeError', () => {
  it('keeps the code of a LeadboxError', () => {
    expect(describeError(new LeadboxError('offline', 'No network.'))).toEqual({
      message: 'No network.',
      code: 'offline',
    })
  })

  it('uses the message of any other error', () => {
    expect(describeError(new TypeError('x is undefined'))).toEqual({
      message: 'x is undefined',
      code: undefined,
    })
  })

  it('has words for things that are not errors', () => {
    expect(describeError('plain text').message).toBe('plain text')
    expect(describeError(undefined).message).toBe('Something unexpected went wrong.')
    expect(describeError(new Error('')).message).toBe('Something unexpected went wrong.')
  })
})
