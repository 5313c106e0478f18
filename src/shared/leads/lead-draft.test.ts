import { describe, expect, it } from 'vitest'
import { fieldErrors } from '../result'
import { leadDraftSchema, leadSeedSchema } from './lead-draft'

const valid = { title: 'Acme renewal', person: { kind: 'existing', id: 7 } }
const errorsOf = (draft: unknown) => {
  const result = leadDraftSchema.safeParse(draft)
  return result.success ? {} : fieldErrors(result.error)
}

describe('a lead draft', () => {
  it('accepts every field Pipedrive takes', () => {
    const full = {
      title: '  Acme renewal  ',
      person: { kind: 'new', name: 'Jane Doe', email: 'jane@acme.test', phone: '+49 30 1234' },
      organization: { kind: 'existing', id: 3 },
      value: { amount: 5000, currency: 'EUR' },
      ownerId: 1,
      labelIds: ['f08b42a0-4e75-11ea-9643-03698ef1cfd6'],
      expectedCloseDate: '2026-12-24',
      visibleTo: '3',
      wasSeen: false,
      customFields: {
        ['a'.repeat(40)]: 'text',
        ['b'.repeat(40)]: 12.5,
        [`${'c'.repeat(40)}_currency`]: 'USD',
      },
      note: 'Met at the fair',
    }
    const parsed = leadDraftSchema.parse(full)
    expect(parsed.title).toBe('Acme renewal')
  })

  it('needs a title', () => {
    expect(errorsOf({ ...valid, title: '   ' })).toHaveProperty('title')
    expect(errorsOf({ person: valid.person })).toHaveProperty('title')
  })

  it('needs a person or an organization', () => {
    expect(errorsOf({ title: 'x' })).toEqual({
      person: 'Link the lead to a person or an organization',
    })
    expect(errorsOf({ title: 'x', organization: { kind: 'new', name: 'Acme' } })).toEqual({})
  })

  it('needs both amount and currency for a value', () => {
    expect(errorsOf({ ...valid, value: { amount: 5 } })).toHaveProperty(['value.currency'])
    expect(errorsOf({ ...valid, value: { currency: 'EUR' } })).toHaveProperty(['value.amount'])
    expect(errorsOf({ ...valid, value: { amount: Number.NaN, currency: 'EUR' } })).toHaveProperty([
      'value.amount',
    ])
    expect(errorsOf({ ...valid, value: { amount: 5, currency: 'euro' } })).toHaveProperty([
      'value.currency',
    ])
  })

  it('takes visibility only as the strings Pipedrive knows', () => {
    for (const visibleTo of ['1', '3', '5', '7'])
      expect(errorsOf({ ...valid, visibleTo })).toEqual({})
    for (const visibleTo of [3, '2', '', 'all'])
      expect(errorsOf({ ...valid, visibleTo })).toHaveProperty('visibleTo')
  })

  it('takes label ids only as UUIDs', () => {
    expect(errorsOf({ ...valid, labelIds: ['hot'] })).toHaveProperty(['labelIds.0'])
  })

  it('takes real calendar days only', () => {
    for (const date of ['2026-02-30', '2026-13-01', '24.12.2026', '2026-1-5', '']) {
      expect(errorsOf({ ...valid, expectedCloseDate: date }), date).toHaveProperty(
        'expectedCloseDate',
      )
    }
    expect(errorsOf({ ...valid, expectedCloseDate: '2028-02-29' })).toEqual({})
  })

  it('refuses null where Pipedrive refuses it, and unknown keys', () => {
    expect(errorsOf({ ...valid, ownerId: null })).toHaveProperty('ownerId')
    expect(errorsOf({ ...valid, origin_id: 'mine' })).not.toEqual({})
    expect(errorsOf({ ...valid, customFields: { not_a_hash: 'x' } })).not.toEqual({})
  })

  it('checks a new person', () => {
    expect(errorsOf({ title: 'x', person: { kind: 'new', name: '' } })).toHaveProperty([
      'person.name',
    ])
    expect(
      errorsOf({ title: 'x', person: { kind: 'new', name: 'J', email: 'nope' } }),
    ).toHaveProperty(['person.email'])
    expect(errorsOf({ title: 'x', person: { kind: 'existing', id: -1 } })).toHaveProperty([
      'person.id',
    ])
  })
})

describe('a lead seed (quick add handing over to the form)', () => {
  it('may lack what the form will ask for, but what it has is checked', () => {
    expect(leadSeedSchema.safeParse({ title: '' }).success).toBe(true)
    expect(
      leadSeedSchema.safeParse({ title: 'x', value: { amount: 5, currency: 'EUR' } }).success,
    ).toBe(true)
    expect(leadSeedSchema.safeParse({ title: 'x', visibleTo: 3 }).success).toBe(false)
    expect(leadSeedSchema.safeParse({ title: 'x', origin_id: 'mine' }).success).toBe(false)
  })
})
