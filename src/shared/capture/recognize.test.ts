import { describe, expect, it } from 'vitest'
import { captureFileKind } from './recognize'

describe('captureFileKind', () => {
  it('knows a card or an email by its name when the system gives no type', () => {
    expect(captureFileKind({ name: 'Jane Doe.VCF', type: '' })).toBe('vcard')
    expect(captureFileKind({ name: 'contact.vcard', type: '' })).toBe('vcard')
    expect(captureFileKind({ name: 'Re: pricing.eml', type: '' })).toBe('email')
  })

  it('knows them by their type whatever their name', () => {
    expect(captureFileKind({ name: 'download', type: 'text/x-vcard' })).toBe('vcard')
    expect(captureFileKind({ name: 'message', type: 'message/rfc822' })).toBe('email')
  })

  it('takes nothing else', () => {
    expect(captureFileKind({ name: 'notes.txt', type: 'text/plain' })).toBeUndefined()
    expect(
      captureFileKind({ name: 'mail.msg', type: 'application/vnd.ms-outlook' }),
    ).toBeUndefined()
  })
})
