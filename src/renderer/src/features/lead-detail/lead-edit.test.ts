import { describe, expect, it } from 'vitest'
import type { InboxLead } from '../../../../shared/ipc/contract'
import { changesFrom, formFromLead, sortFieldErrors, withChanges } from './lead-edit'

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
}

describe('changesFrom', () => {
  it('sends only what changed, with what it was', () => {
    const form = { ...formFromLead(lead), title: 'Acme renewal, 2 sites', labelIds: ['hot'] }
    expect(changesFrom(lead, form)).toEqual({
      ok: true,
      after: { title: 'Acme renewal, 2 sites' },
      before: { title: 'Acme renewal' },
    })
  })

  it('reads value, close date, labels, owner and seen', () => {
    const form = {
      ...formFromLead(lead),
      amount: '1200,5',
      currency: 'usd',
      expectedCloseDate: '',
      visibleTo: '3',
      labelIds: ['cold'],
      ownerId: '2002',
      wasSeen: true,
    }
    expect(changesFrom(lead, form)).toEqual({
      ok: true,
      after: {
        value: { amount: 1200.5, currency: 'USD' },
        expectedCloseDate: null,
        visibleTo: '3',
        labelIds: ['cold'],
        ownerId: 2002,
        wasSeen: true,
      },
      before: {
        value: { amount: 25000, currency: 'EUR' },
        expectedCloseDate: '2027-03-31',
        visibleTo: '3',
        labelIds: ['hot'],
        ownerId: 2001,
        wasSeen: false,
      },
    })
  })

  it('clears the value with an empty amount, and refuses an amount that is not a number', () => {
    expect(changesFrom(lead, { ...formFromLead(lead), amount: '' })).toMatchObject({
      after: { value: null },
    })
    expect(changesFrom(lead, { ...formFromLead(lead), amount: 'lots' })).toEqual({
      ok: false,
      errors: { value: 'Enter an amount like 1200.50' },
    })
  })

  it('finds nothing to send in an untouched form', () => {
    expect(changesFrom(lead, formFromLead(lead))).toEqual({ ok: true, after: {}, before: {} })
  })
})

describe('sortFieldErrors', () => {
  it('puts main’s messages next to their fields', () => {
    expect(
      sortFieldErrors({
        'change.after.title': 'Give the lead a title',
        'change.after.value.currency': 'Use a currency code like EUR',
        change: 'Something else',
      }),
    ).toEqual({
      byField: { title: 'Give the lead a title', value: 'Use a currency code like EUR' },
      other: ['Something else'],
    })
  })
})

describe('withChanges', () => {
  it('shows a saved change before it syncs, owner name included', () => {
    const next = withChanges(lead, { title: 'New', ownerId: 2002 }, [{ id: 2002, name: 'Sam' }])
    expect(next).toMatchObject({ title: 'New', ownerId: 2002, ownerName: 'Sam' })
  })
})
