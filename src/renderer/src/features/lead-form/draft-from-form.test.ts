import { describe, expect, it } from 'vitest'
import { draftFromForm, parseAmount } from './draft-from-form'
import { errorsByInput } from './form-errors'
import { emptyLeadForm, isDirty, type CustomField, type LeadFormState } from './lead-form-state'

const key = (c: string) => c.repeat(40)
const fields: CustomField[] = [
  { key: key('a'), name: 'Reference', fieldType: 'varchar', options: null },
  { key: key('b'), name: 'Fleet size', fieldType: 'double', options: null },
  { key: key('c'), name: 'Budget', fieldType: 'monetary', options: null },
  { key: key('d'), name: 'Segment', fieldType: 'enum', options: [{ id: 190, label: 'Retail' }] },
  {
    key: key('e'),
    name: 'Products',
    fieldType: 'set',
    options: [
      { id: 301, label: 'Trucks' },
      { id: 303, label: 'Leasing' },
    ],
  },
]
const label = 'f08b42a0-4e75-11ea-9643-03698ef1cfd6'

const form = (patch: Partial<LeadFormState>): LeadFormState => ({
  ...emptyLeadForm('EUR'),
  ...patch,
})

describe('draftFromForm', () => {
  it('makes the next activity of its type and day, time and subject when given', () => {
    const person = { kind: 'existing', id: 7, name: 'Maria' } as const
    const activity = { type: 'call', subject: ' ', dueDate: '2026-12-04', dueTime: '' }
    expect(draftFromForm(form({ title: 'Fleet', person, activity }), [])).toEqual({
      ok: true,
      draft: {
        title: 'Fleet',
        person: { kind: 'existing', id: 7 },
        activity: { type: 'call', dueDate: '2026-12-04' },
      },
    })
    const timed = { ...activity, subject: 'Demo', dueTime: '14:30' }
    expect(draftFromForm(form({ title: 'Fleet', person, activity: timed }), [])).toMatchObject({
      draft: {
        activity: { type: 'call', subject: 'Demo', dueDate: '2026-12-04', dueTime: '14:30' },
      },
    })
  })

  it('asks for the type and the day once anything of the activity is filled', () => {
    const person = { kind: 'existing', id: 7, name: 'Maria' } as const
    const activity = { type: '', subject: 'Demo', dueDate: '', dueTime: '' }
    const result = draftFromForm(form({ title: 'Fleet', person, activity }), [])
    expect(result.ok).toBe(false)
    expect(result.ok ? {} : errorsByInput(result.errors)).toMatchObject({
      'activity.type': 'Choose an activity type',
      'activity.dueDate': 'Use a date like 2026-12-24',
    })
  })

  it('leaves every unset field out of the draft', () => {
    const result = draftFromForm(
      form({ title: ' Fleet ', person: { kind: 'existing', id: 7, name: 'Maria' } }),
      fields,
    )
    expect(result).toEqual({
      ok: true,
      draft: { title: 'Fleet', person: { kind: 'existing', id: 7 } },
    })
  })

  it('builds every field the form has', () => {
    const result = draftFromForm(
      form({
        title: 'Fleet renewal',
        person: { kind: 'new', name: 'Ada Byron', email: 'ada@example.com', phone: '+49 30 1234' },
        organization: { kind: 'new', name: 'Analytical', email: '', phone: '' },
        amount: '5000',
        currency: 'EUR',
        ownerId: '2002',
        labelIds: [label],
        expectedCloseDate: '2026-12-24',
        visibleTo: '3',
        wasSeen: true,
        customFields: {
          [key('a')]: 'REF-1',
          [key('b')]: '12',
          [key('c')]: '1500,50',
          [`${key('c')}_currency`]: 'USD',
          [key('d')]: '190',
          [key('e')]: ['301', '303'],
        },
        note: 'Met at the fair',
      }),
      fields,
    )
    expect(result).toEqual({
      ok: true,
      draft: {
        title: 'Fleet renewal',
        person: { kind: 'new', name: 'Ada Byron', email: 'ada@example.com', phone: '+49 30 1234' },
        organization: { kind: 'new', name: 'Analytical' },
        value: { amount: 5000, currency: 'EUR' },
        ownerId: 2002,
        labelIds: [label],
        expectedCloseDate: '2026-12-24',
        visibleTo: '3',
        wasSeen: true,
        customFields: {
          [key('a')]: 'REF-1',
          [key('b')]: 12,
          [key('c')]: 1500.5,
          [`${key('c')}_currency`]: 'USD',
          [key('d')]: 190,
          [key('e')]: [301, 303],
        },
        note: 'Met at the fair',
      },
    })
  })

  it('names each problem by its path', () => {
    const result = draftFromForm(
      form({
        person: { kind: 'new', name: 'Ada', email: 'not-an-email', phone: '' },
        amount: 'lots',
        customFields: { [key('b')]: 'twelve' },
      }),
      fields,
    )
    expect(result).toEqual({
      ok: false,
      errors: {
        title: 'Give the lead a title',
        'person.email': 'This is not an email address',
        'value.amount': 'Use a number like 5000',
        [`customFields.${key('b')}`]: 'Use a number like 1500',
      },
    })
  })

  it('asks for a person or an organization', () => {
    const result = draftFromForm(form({ title: 'Lead' }), fields)
    expect(result).toEqual({
      ok: false,
      errors: { person: 'Link the lead to a person or an organization' },
    })
  })
})

describe('parseAmount', () => {
  it('reads the ways people type amounts', () => {
    expect(parseAmount('')).toBeUndefined()
    expect(parseAmount('5000')).toBe(5000)
    expect(parseAmount('5 000,5')).toBe(5000.5)
    expect(parseAmount('5,000.50')).toBe(5000.5)
    expect(parseAmount('5k')).toBeNaN()
  })
})

describe('isDirty', () => {
  it('is false for an untouched form and true once something is typed', () => {
    expect(isDirty(emptyLeadForm('EUR'), 'EUR')).toBe(false)
    expect(isDirty(form({ customFields: { [key('a')]: ' ' } }), 'EUR')).toBe(false)
    expect(isDirty(form({ title: 'x' }), 'EUR')).toBe(true)
  })
})
