import { describe, expect, it } from 'vitest'
import { parseQuickAdd } from './parse'
import { phoneRegionOf } from './phone'
import { sampleContext } from './sample-catalog'

const phoneIn = (input: string, phoneRegion: string | undefined) =>
  parseQuickAdd(input, sampleContext(undefined, undefined, { phoneRegion })).chips.find(
    (chip) => chip.kind === 'phone',
  )

describe('phone numbers without a country code', () => {
  it.each([
    ['0151 2345678', 'DE', '+491512345678'],
    ['030 12345678', 'DE', '+493012345678'],
    ['(201) 555-0123', 'US', '+12015550123'],
    ['201.555.0123', 'US', '+12015550123'],
    ['01 23 45 67 89', 'FR', '+33123456789'],
    ['020 7946 0958', 'GB', '+442079460958'],
  ])('reads %s in %s as %s', (input, region, number) => {
    expect(phoneIn(`Call ${input}`, region)).toMatchObject({ number, text: input })
  })

  it('reads the same digits by the region of the locale', () => {
    expect(phoneIn('0151 2345678', 'DE')?.number).toBe('+491512345678')
    expect(phoneIn('0151 2345678', 'GB')?.number).not.toBe('+491512345678')
  })

  it('needs the country code when the region is unknown', () => {
    expect(phoneIn('020 7946 0958', undefined)).toBeUndefined()
    expect(phoneIn('020 7946 0958', 'XX')).toBeUndefined()
    expect(phoneIn('+44 20 7946 0958', undefined)?.number).toBe('+442079460958')
  })
})

describe('without a phone reader', () => {
  it('reads no number: it stays in the title', () => {
    const context = sampleContext(undefined, undefined, { phoneNumbers: undefined })
    expect(parseQuickAdd('Call +44 20 7946 0958', context)).toMatchObject({
      title: 'Call +44 20 7946 0958',
      chips: [],
    })
  })
})

describe('phoneRegionOf', () => {
  it.each([
    ['en-GB', 'GB'],
    ['de-DE', 'DE'],
    ['de', 'DE'],
    ['en', 'US'],
    ['pt-BR', 'BR'],
    ['fr-CA', 'CA'],
  ])('%s → %s', (locale, region) => {
    expect(phoneRegionOf(locale)).toBe(region)
  })

  it.each([undefined, '', 'not a locale!', 'en-001'])('%j → none', (locale) => {
    expect(phoneRegionOf(locale)).toBeUndefined()
  })
})
