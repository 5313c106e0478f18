import { describe, expect, it } from 'vitest'
import { readMailto } from './mailto'
import { looksLikeContact } from './recognize'

describe('readMailto', () => {
  it('reads the address, and the name when the link gives one', () => {
    expect(readMailto('mailto:jane@acme.example?subject=Hello')).toEqual({
      emails: ['jane@acme.example'],
      phones: [],
    })
    expect(readMailto('mailto:Jane%20Doe%20%3Cjane@acme.example%3E')).toEqual({
      name: 'Jane Doe',
      emails: ['jane@acme.example'],
      phones: [],
    })
    expect(readMailto('MAILTO:%22M%C3%BCller%2C%20Anna%22%20%3Canna@beispiel.example%3E')).toEqual({
      name: 'Müller, Anna',
      emails: ['anna@beispiel.example'],
      phones: [],
    })
  })

  it('takes the first of several addressees', () => {
    expect(readMailto('mailto:a@acme.example,b@acme.example').emails).toEqual(['a@acme.example'])
  })

  it('says so in plain words when the link names no address', () => {
    expect(() => readMailto('mailto:?subject=hi')).toThrow('This mail link names no email address.')
    expect(() => readMailto('mailto:%E0%A4%A')).toThrow(
      'This mail link is damaged: it names no email address that can be read.',
    )
  })
})

describe('looksLikeContact', () => {
  it('is true for several lines, a vCard or a mailto: link, and false for one line', () => {
    expect(looksLikeContact('Jane Doe\nAcme Ltd')).toBe(true)
    expect(looksLikeContact('BEGIN:VCARD')).toBe(true)
    expect(looksLikeContact('mailto:jane@acme.example')).toBe(true)
    expect(looksLikeContact('Acme renewal 5k @Jane')).toBe(false)
    expect(looksLikeContact('Acme renewal\n')).toBe(false)
  })
})
