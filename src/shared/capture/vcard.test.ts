import { describe, expect, it } from 'vitest'
import { readContact } from './read-contact'
import { readVCard } from './vcard'

describe('readVCard', () => {
  it('reads a vCard 3.0: name, title, company, emails and phones, fax left out', () => {
    const card = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Müller;Anna;;;',
      'FN:Anna Müller',
      'ORG:Beispiel GmbH;Vertrieb',
      'TITLE:Leiterin Vertrieb',
      'TEL;TYPE=WORK,VOICE:+49 30 12345678',
      'TEL;TYPE=WORK,FAX:+49 30 12345679',
      'TEL;TYPE=CELL:0151 23456789',
      'EMAIL;TYPE=INTERNET:anna.mueller@beispiel.example',
      'END:VCARD',
    ].join('\r\n')
    expect(readVCard(card, 'DE')).toEqual({
      name: 'Anna Müller',
      jobTitle: 'Leiterin Vertrieb',
      organization: 'Beispiel GmbH',
      emails: ['anna.mueller@beispiel.example'],
      phones: ['+493012345678', '+4915123456789'],
    })
  })

  it('reads a vCard 4.0 with tel: URIs, folded lines and escaped commas', () => {
    const card = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Jennifer Walsh',
      'ORG:Brightline Software\\, Inc.',
      'TITLE:Senior Account Exec',
      ' utive',
      'TEL;VALUE=uri;TYPE="voice,work":tel:+1-415-555-0132',
      'EMAIL;TYPE=work:jennifer@brightline.example',
      'END:VCARD',
      '',
    ].join('\n')
    expect(readVCard(card, undefined)).toEqual({
      name: 'Jennifer Walsh',
      jobTitle: 'Senior Account Executive',
      organization: 'Brightline Software, Inc.',
      emails: ['jennifer@brightline.example'],
      phones: ['+14155550132'],
    })
  })

  it('takes the name from N when there is no FN, and the first card of several', () => {
    const card =
      'BEGIN:VCARD\nVERSION:3.0\nN:Hansen;Ingrid;;;\nEND:VCARD\n' +
      'BEGIN:VCARD\nVERSION:3.0\nFN:Someone Else\nEND:VCARD\n'
    expect(readVCard(card, 'NO')).toEqual({ name: 'Ingrid Hansen', emails: [], phones: [] })
  })

  it('says so in plain words when the card is damaged', () => {
    expect(() => readVCard('BEGIN:VCARD\nthis is not a card', 'DE')).toThrow(
      'This contact card could not be read: it is damaged or not a vCard.',
    )
  })
})

describe('readContact', () => {
  it('reads a vCard, a mailto: link, or else a signature', () => {
    expect(readContact('BEGIN:VCARD\nVERSION:4.0\nFN:Jane Doe\nEND:VCARD', 'GB').name).toBe(
      'Jane Doe',
    )
    expect(readContact('mailto:jane@acme.example', 'GB').emails).toEqual(['jane@acme.example'])
    expect(readContact('Jane Doe\nCEO\nAcme Ltd\n020 7946 0958', 'GB')).toEqual({
      name: 'Jane Doe',
      jobTitle: 'CEO',
      organization: 'Acme Ltd',
      emails: [],
      phones: ['+442079460958'],
    })
  })
})
