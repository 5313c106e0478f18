import { describe, expect, it } from 'vitest'
import type { InboxContextData, InboxLead } from '../../../../shared/ipc/contract'
import { changesFrom, formFromLead, sortFieldErrors, withChanges, type LeadForm } from './lead-edit'

const lead: InboxLead = {
  id: 'lead-1',
  title: 'Acme renewal',
  ownerId: 2001,
  ownerName: 'Alex Morgan',
  labelIds: ['hot'],
  personId: null,
  personName: null,
  organizationId: 501,
  organizationName: 'Acme',
  value: { amount: 25000, currency: 'EUR' },
  expectedCloseDate: '2027-03-31',
  visibleTo: '3',
  wasSeen: false,
  isArchived: false,
  addTime: '2026-01-01T00:00:00.000Z',
  updateTime: '2026-01-02T00:00:00.000Z',
  customFields: {},
  nextActivity: null,
}

const fields: InboxContextData['fields'] = [
  { key: 'a'.repeat(40), name: 'Reference', fieldType: 'varchar', options: null },
  {
    key: 'b'.repeat(40),
    name: 'Products',
    fieldType: 'set',
    options: [
      { id: 301, label: 'Trucks' },
      { id: 302, label: 'Vans' },
    ],
  },
  { key: 'c'.repeat(40), name: 'Budget', fieldType: 'monetary', options: null },
  { key: 'd'.repeat(40), name: 'Address', fieldType: 'address', options: null },
]
const [reference, products, budget] = fields.map((field) => field.key) as [string, string, string]
const withCustom: InboxLead = {
  ...lead,
  customFields: {
    [reference]: 'LBX-1',
    [products]: '301,302',
    [budget]: 900,
    [`${budget}_currency`]: 'EUR',
    ['d'.repeat(40)]: { street: 'Kept' },
  },
}

describe('formFromLead', () => {
  it('fills every field, custom ones as typed text, sets as option ids', () => {
    expect(formFromLead(withCustom, fields, 'USD')).toEqual({
      title: 'Acme renewal',
      person: { kind: 'none' },
      organization: { kind: 'existing', id: 501, name: 'Acme' },
      amount: '25000',
      currency: 'EUR',
      expectedCloseDate: '2027-03-31',
      labelIds: ['hot'],
      ownerId: '2001',
      visibleTo: '3',
      wasSeen: false,
      customFields: {
        [reference]: 'LBX-1',
        [products]: ['301', '302'],
        [budget]: '900',
        [`${budget}_currency`]: 'EUR',
      },
    })
  })
})

describe('changesFrom', () => {
  it('sends only what changed, with what it was', () => {
    const form = { ...formFromLead(lead, fields), title: 'Acme renewal, 2 sites' }
    expect(changesFrom(lead, form, fields)).toEqual({
      ok: true,
      after: { title: 'Acme renewal, 2 sites' },
      before: { title: 'Acme renewal' },
    })
  })

  it('reads contacts, value, close date, labels, owner, visibility and seen', () => {
    const form: LeadForm = {
      ...formFromLead(lead, fields),
      person: { kind: 'existing', id: 10, name: 'Maria' },
      organization: { kind: 'none' },
      amount: '1200,5',
      currency: 'usd',
      expectedCloseDate: '',
      visibleTo: '7',
      labelIds: ['cold'],
      ownerId: '2002',
      wasSeen: true,
    }
    expect(changesFrom(lead, form, fields)).toEqual({
      ok: true,
      after: {
        personId: 10,
        organizationId: null,
        value: { amount: 1200.5, currency: 'USD' },
        expectedCloseDate: null,
        visibleTo: '7',
        labelIds: ['cold'],
        ownerId: 2002,
        wasSeen: true,
      },
      before: {
        personId: null,
        organizationId: 501,
        value: { amount: 25000, currency: 'EUR' },
        expectedCloseDate: '2027-03-31',
        visibleTo: '3',
        labelIds: ['hot'],
        ownerId: 2001,
        wasSeen: false,
      },
    })
  })

  it('sends the custom fields that changed, typed, and leaves the rest and unknown types alone', () => {
    const form = formFromLead(withCustom, fields)
    form.customFields = {
      ...form.customFields,
      [reference]: '',
      [products]: ['302', '301'],
      [budget]: '1 500',
      [`${budget}_currency`]: 'USD',
    }
    expect(changesFrom(withCustom, form, fields)).toEqual({
      ok: true,
      after: {
        customFields: { [reference]: null, [budget]: 1500, [`${budget}_currency`]: 'USD' },
      },
      before: {
        customFields: { [reference]: 'LBX-1', [budget]: 900, [`${budget}_currency`]: 'EUR' },
      },
    })
  })

  it('refuses a lead left with neither person nor organization, and amounts that are not numbers', () => {
    const form: LeadForm = {
      ...formFromLead(withCustom, fields),
      organization: { kind: 'none' },
      amount: 'lots',
    }
    form.customFields = { ...form.customFields, [budget]: 'much' }
    expect(changesFrom(withCustom, form, fields)).toEqual({
      ok: false,
      errors: {
        person: 'A lead needs a person or an organization',
        value: 'Enter an amount like 1200.50',
        [`customFields.${budget}`]: 'Use a number like 1500',
      },
    })
  })

  it('clears the value with an empty amount', () => {
    expect(changesFrom(lead, { ...formFromLead(lead, fields), amount: '' }, fields)).toMatchObject({
      after: { value: null },
    })
  })

  it('finds nothing to send in an untouched form', () => {
    expect(changesFrom(withCustom, formFromLead(withCustom, fields), fields)).toEqual({
      ok: true,
      after: {},
      before: {},
    })
  })
})

describe('sortFieldErrors', () => {
  it('puts main’s messages next to their inputs', () => {
    expect(
      sortFieldErrors({
        'change.after.title': 'Give the lead a title',
        'change.after.value.currency': 'Use a currency code like EUR',
        'change.after.personId': 'Pipedrive has no such person',
        [`change.after.customFields.${reference}`]: 'Too long',
        change: 'Something else',
      }),
    ).toEqual({
      byField: {
        title: 'Give the lead a title',
        value: 'Use a currency code like EUR',
        person: 'Pipedrive has no such person',
        [`customFields.${reference}`]: 'Too long',
      },
      other: ['Something else'],
    })
  })
})

describe('withChanges', () => {
  it('shows a saved change before it syncs, names included', () => {
    const next = withChanges(
      withCustom,
      { title: 'New', ownerId: 2002, personId: 10, customFields: { [reference]: 'LBX-2' } },
      { users: [{ id: 2002, name: 'Sam' }], person: 'Maria' },
    )
    expect(next).toMatchObject({
      title: 'New',
      ownerId: 2002,
      ownerName: 'Sam',
      personId: 10,
      personName: 'Maria',
      customFields: { [reference]: 'LBX-2', [budget]: 900 },
    })
  })
})
