import { describe, expect, it } from 'vitest'
import { capturedLine, contactLine, insertIntoLine } from './contact-line'

describe('contactLine', () => {
  it('writes the person, organization, first email and first phone as quick add reads them', () => {
    expect(
      contactLine({
        name: 'Jan "JB" van der Berg',
        jobTitle: 'Accountmanager',
        organization: 'Polder Techniek B.V.',
        emails: ['jan@polder.example', 'info@polder.example'],
        phones: ['+31201234567', '+31612345678'],
      }),
    ).toBe('@"Jan JB van der Berg" +"Polder Techniek B.V." jan@polder.example +31201234567')
  })

  it('leaves out what the contact does not give', () => {
    expect(contactLine({ emails: ['jane@acme.example'], phones: [] })).toBe('jane@acme.example')
  })
})

describe('insertIntoLine', () => {
  it('puts the text where the selection was, spaced from its neighbours', () => {
    expect(insertIntoLine('Pilot due fri', { start: 5, end: 5 }, '@"Jane"')).toEqual({
      text: 'Pilot @"Jane" due fri',
      caret: 13,
    })
    expect(insertIntoLine('Pilot XX', { start: 6, end: 8 }, '@"Jane"')).toEqual({
      text: 'Pilot @"Jane"',
      caret: 13,
    })
    expect(insertIntoLine('', { start: 0, end: 0 }, '@"Jane"')).toEqual({
      text: '@"Jane"',
      caret: 7,
    })
  })
})

describe('capturedLine', () => {
  it("starts with an email's subject, taken literally, then the sender's chips", () => {
    expect(
      capturedLine({
        contact: { name: 'Anna Müller', emails: ['anna@beispiel.example'], phones: [] },
        subject: 'Re: "50 seats" @ 5k #urgent',
      }),
    ).toBe('"Re: 50 seats @ 5k #urgent" @"Anna Müller" anna@beispiel.example')
  })
})
