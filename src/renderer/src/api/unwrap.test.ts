import { describe, expect, it } from 'vitest'
import { LeadboxError, fail, ok } from '../../../shared/result'
import { call, unwrap } from './unwrap'

describe('unwrap', () => {
  it('returns the value of a successful result', () => {
    expect(unwrap(ok({ name: 'Leadbox' }))).toEqual({ name: 'Leadbox' })
  })

  it('throws a LeadboxError carrying code, message and fields', () => {
    const failed = fail('invalid_request', 'The request was not valid.', { url: 'Too long' })
    let thrown: unknown
    try {
      unwrap(failed)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(LeadboxError)
    expect(thrown).toMatchObject({
      code: 'invalid_request',
      message: 'The request was not valid.',
      fields: { url: 'Too long' },
    })
  })

  it('leaves fields undefined when the error has none', () => {
    expect(() => unwrap(fail('offline', 'No network.'))).toThrow(
      expect.objectContaining({ code: 'offline', fields: undefined }),
    )
  })
})

describe('call', () => {
  it('awaits and unwraps', async () => {
    await expect(call(Promise.resolve(ok(3)))).resolves.toBe(3)
    await expect(call(Promise.resolve(fail('internal', 'Broken.')))).rejects.toBeInstanceOf(
      LeadboxError,
    )
  })
})
