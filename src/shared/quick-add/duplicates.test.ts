import { describe, expect, it } from 'vitest'
import { createDuplicateIndex, createDuplicateIndexInSteps, organizationKey } from './duplicates'
import type { KnownContact, WaitingContact } from './duplicates'

const persons: KnownContact[] = [
  { id: 1, name: 'Jane Doe', email: 'jane@acme.example' },
  { id: 2, name: 'José Álvarez' },
  { id: 3, name: 'John Doe', email: 'john@doe.example' },
  { id: 4, name: 'Mary Ann Smith' },
  { id: 5, name: 'Pat Lee', phone: '+442079460958' },
  { id: 6, name: 'Chris Park', email: 'chris@one.example' },
]
const organizations: KnownContact[] = [
  { id: 10, name: 'ACME GmbH' },
  { id: 11, name: 'Müller & Söhne GmbH & Co. KG' },
  { id: 12, name: 'Globex Inc.' },
  { id: 13, name: 'Initech S.A.' },
  { id: 14, name: 'Limited' },
  { id: 15, name: 'Škoda Motors s.r.o.' },
]
const people = createDuplicateIndex('person', persons)
const companies = createDuplicateIndex('organization', organizations)

const personMatch = (
  name: string,
  facts: { email?: string; phone?: string } = {},
  waiting?: WaitingContact[],
) => {
  const found = people.likelyMatch({ name, ...facts }, waiting)
  return found && `${found.reason}: ${found.contact.name}`
}

describe('a new person who may already exist', () => {
  it.each([
    ['jane doe', 'name: Jane Doe'],
    ['  JANE   Doe ', 'name: Jane Doe'],
    ['Jose Alvarez', 'name: José Álvarez'],
    ['jose ÁLVAREZ', 'name: José Álvarez'],
    ['Doe, Jane', 'name: Jane Doe'],
    ['J. Doe', 'initials: Jane Doe'],
    ['M. A. Smith', 'initials: Mary Ann Smith'],
    ['Mary A. Smith', 'initials: Mary Ann Smith'],
  ])('%j → %s', (name, expected) => {
    expect(personMatch(name)).toBe(expected)
  })

  it('matches by email whatever the name, case aside', () => {
    expect(personMatch('J. D.', { email: 'JANE@acme.example' })).toBe('email: Jane Doe')
  })

  it('matches by phone number in E.164', () => {
    expect(personMatch('Patrick', { phone: '+442079460958' })).toBe('phone: Pat Lee')
  })

  it('does not take two persons with different emails for one', () => {
    expect(personMatch('Jane Doe', { email: 'jane@other.example' })).toBeUndefined()
    expect(personMatch('Chris Park', { email: 'chris@two.example' })).toBeUndefined()
  })

  it('does not take two persons with different phone numbers for one', () => {
    expect(personMatch('Pat Lee', { phone: '+4930123456' })).toBeUndefined()
  })

  it('takes a same name when only one side has an email', () => {
    expect(personMatch('Mary Ann Smith', { email: 'mary@smith.example' })).toBe(
      'name: Mary Ann Smith',
    )
  })

  it('does not take another given name with the same initial', () => {
    expect(personMatch('Jim Doe')).toBeUndefined()
    expect(personMatch('Jane Smith')).toBeUndefined()
    expect(personMatch('Doe')).toBeUndefined()
  })

  it('picks the initials that agree with one person among several', () => {
    // Both Jane and John Doe are `j doe`; only one of them has this email.
    expect(personMatch('J. Doe', { email: 'john@doe.example' })).toBe('email: John Doe')
  })

  it('finds a person still waiting in the outbox', () => {
    const waiting: WaitingContact[] = [
      { outboxId: 41, name: 'Ana Lima', email: 'ana@lima.example', phone: '+5511987654321' },
    ]
    expect(people.likelyMatch({ name: 'ana lima' }, waiting)).toEqual({
      reason: 'name',
      contact: { kind: 'waiting', outboxId: 41, name: 'Ana Lima' },
    })
    expect(personMatch('A. Lima', {}, waiting)).toBe('initials: Ana Lima')
    expect(personMatch('Someone', { phone: '+5511987654321' }, waiting)).toBe('phone: Ana Lima')
    expect(personMatch('Ana Lima', { email: 'other@lima.example' }, waiting)).toBeUndefined()
  })

  it('prefers an email match to a name match', () => {
    const waiting: WaitingContact[] = [{ outboxId: 7, name: 'Jane Doe' }]
    expect(personMatch('Jane Doe', { email: 'john@doe.example' }, waiting)).toBe('email: John Doe')
  })

  it('finds nothing for an empty or unknown name', () => {
    expect(personMatch('')).toBeUndefined()
    expect(personMatch('...')).toBeUndefined()
    expect(personMatch('Nobody Here')).toBeUndefined()
  })
})

describe('a new organization that may already exist', () => {
  it.each([
    ['Acme', 'ACME GmbH'],
    ['acme gmbh', 'ACME GmbH'],
    ['ACME Ltd.', 'ACME GmbH'],
    ['Muller & Sohne', 'Müller & Söhne GmbH & Co. KG'],
    ['Müller & Söhne KG', 'Müller & Söhne GmbH & Co. KG'],
    ['GLOBEX', 'Globex Inc.'],
    ['Globex, Inc', 'Globex Inc.'],
    ['Initech SA', 'Initech S.A.'],
    ['initech', 'Initech S.A.'],
    ['Limited', 'Limited'],
    ['Skoda Motors', 'Škoda Motors s.r.o.'],
  ])('%j → %s', (name, expected) => {
    expect(companies.likelyMatch({ name })?.contact.name).toBe(expected)
  })

  it('keeps a name that is only a legal form', () => {
    expect(organizationKey('GmbH')).toBe('gmbh')
    expect(organizationKey('S.A.')).toBe('sa')
    expect(organizationKey('Vitamin E')).toBe('vitamin e')
    expect(organizationKey('Smith & Co')).toBe('smith')
  })

  it('does not match a different company', () => {
    expect(companies.likelyMatch({ name: 'Acme Labs' })).toBeUndefined()
    expect(companies.likelyMatch({ name: 'Müller' })).toBeUndefined()
  })

  it('finds an organization still waiting in the outbox', () => {
    expect(
      companies.likelyMatch({ name: 'Hooli' }, [{ outboxId: 3, name: 'Hooli, Inc.' }]),
    ).toEqual({ reason: 'name', contact: { kind: 'waiting', outboxId: 3, name: 'Hooli, Inc.' } })
  })
})

describe('the index built in steps', () => {
  it('answers as the whole index, asked before it is done', () => {
    const many: KnownContact[] = Array.from({ length: 2_000 }, (_, at) => ({
      id: at + 1,
      name: `Person ${at}`,
    }))
    many.push({ id: 9_999, name: 'Zoë Last' })
    const index = createDuplicateIndexInSteps('person', many)
    let slices = 0
    expect(index.buildSome(() => ++slices > 1)).toBe(false)
    expect(index.likelyMatch({ name: 'zoe last' })?.contact).toMatchObject({ id: 9_999 })
    expect(index.buildSome(() => true)).toBe(true)
  })
})
