import { describe, expect, it } from 'vitest'
import { phonesInText } from './phones-in-text'
import { readSignature } from './signature'

// The corpus of real-world signatures is read in test/capture; these pin single rules.
describe('readSignature', () => {
  it('leaves out fax numbers, whatever their label', () => {
    expect(phonesInText('Tel. 030 1234567 | Fax: 030 1234568', 'DE')).toEqual(['+49301234567'])
    expect(phonesInText('T +44 20 7946 0958  F +44 20 7946 0959', 'GB')).toEqual(['+442079460958'])
    expect(phonesInText('Télécopie : 01 42 68 53 01', 'FR')).toEqual([])
  })

  it('takes no postal code or register number for a phone', () => {
    expect(phonesInText('Hauptstraße 5, 10115 Berlin', 'DE')).toEqual([])
    expect(phonesInText('Amtsgericht Charlottenburg HRB 123456', 'DE')).toEqual([])
  })

  it('reads a number without its country code in the given country', () => {
    expect(phonesInText('Mobil: 0151 23456789', 'DE')).toEqual(['+4915123456789'])
    expect(phonesInText('Mobil: 0151 23456789', undefined)).toEqual([])
  })

  it('passes over closings, websites, addresses and legal notes', () => {
    const signature = [
      'Mit freundlichen Grüßen',
      'Anna Müller',
      'www.beispiel.example',
      'Hauptstraße 12, 10115 Berlin',
      'Registergericht: Amtsgericht Charlottenburg HRB 123456',
    ].join('\n')
    expect(readSignature(signature, 'DE')).toEqual({
      name: 'Anna Müller',
      emails: [],
      phones: [],
    })
  })

  it('reads nothing from text that is no signature', () => {
    expect(readSignature('see you tomorrow\nat the office', 'GB')).toEqual({
      emails: [],
      phones: [],
    })
  })
})
