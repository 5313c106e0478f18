import { describe, expect, it } from 'vitest'
import { seedFromCapture } from './lead-seed'

describe('seedFromCapture', () => {
  it('fills the title, new person, new organization and note from an email', () => {
    expect(
      seedFromCapture({
        contact: {
          name: 'Anna Müller',
          jobTitle: 'Leiterin Vertrieb',
          organization: 'Beispiel GmbH',
          emails: ['anna@beispiel.example'],
          phones: ['+493012345678', '+4915123456789'],
        },
        subject: 'Anfrage',
        note: 'Guten Tag',
      }),
    ).toEqual({
      title: 'Anfrage',
      person: {
        kind: 'new',
        name: 'Anna Müller',
        email: 'anna@beispiel.example',
        phone: '+493012345678',
      },
      organization: { kind: 'new', name: 'Beispiel GmbH' },
      note: 'Guten Tag',
    })
  })

  it('leaves the title empty and the organization out when the card gives neither', () => {
    expect(seedFromCapture({ contact: { name: 'Jane Doe', emails: [], phones: [] } })).toEqual({
      title: '',
      person: { kind: 'new', name: 'Jane Doe' },
    })
  })

  it("keeps a card's job title in the note, as Pipedrive may refuse it on the person", () => {
    expect(
      seedFromCapture({
        contact: { name: 'Sophie Clarke', jobTitle: 'Procurement Lead', emails: [], phones: [] },
      }).note,
    ).toBe('Job title: Procurement Lead')
  })
})
