import { describe, expect, it } from 'vitest'
import type { InboxLead } from '../../../../shared/ipc/contract'
import { outboxRow } from '../../testing/outbox-row'
import { cachedLeads, findLeads, leadDetail, leadsShown, pendingChoices } from './lead-search'

const lead = (id: string, title: string, more: Partial<InboxLead> = {}): InboxLead => ({
  id,
  title,
  ownerId: null,
  ownerName: null,
  labelIds: [],
  personId: null,
  personName: null,
  organizationId: null,
  organizationName: null,
  value: null,
  expectedCloseDate: null,
  visibleTo: null,
  wasSeen: false,
  isArchived: false,
  addTime: '2026-11-01T10:00:00Z',
  updateTime: '2026-11-01T10:00:00Z',
  customFields: {},
  nextActivity: null,
  ...more,
})

const acme = lead('a', 'Fleet renewal', { organizationName: 'Acme Logistics' })
const lena = lead('b', 'Consulting', { personName: 'Lena Fischer' })
const old = lead('c', 'Old trade fair contact', { isArchived: true })

const titles = (query: string, pending = pendingChoices([])) =>
  findLeads(query, [acme, lena, old], pending).map((choice) =>
    choice.kind === 'lead' ? choice.lead.title : choice.row.title,
  )

describe('finding a lead from the palette', () => {
  it('finds leads by title, person or organization', () => {
    expect(titles('fleet')).toEqual(['Fleet renewal'])
    expect(titles('acme')).toEqual(['Fleet renewal'])
    expect(titles('fisch')).toEqual(['Consulting'])
    expect(titles('trade fair')).toEqual(['Old trade fair contact'])
    expect(titles('')).toEqual([])
  })

  it('finds leads still waiting to sync, by the new person they bring too', () => {
    const rows = [
      outboxRow(1, { kind: 'person.create', title: 'Mia Wong' }),
      outboxRow(2, { title: 'Pilot project', dependsOn: [1] }),
      outboxRow(3, { title: 'Sent already', state: 'sent' }),
    ]
    const pending = pendingChoices(rows)
    expect(titles('mia', pending)).toEqual(['Pilot project'])
    expect(titles('sent', pending)).toEqual([])
    expect(leadDetail(pending[0]!)).toBe('Mia Wong · waiting to sync')
  })

  it('says who a lead is with and whether it is archived', () => {
    expect(leadDetail({ kind: 'lead', lead: acme })).toBe('Acme Logistics')
    expect(leadDetail({ kind: 'lead', lead: old })).toBe('archived')
  })

  it('reads each cached lead once, and lists only the best few', () => {
    const many = Array.from({ length: 20 }, (_, index) => lead(`m${index}`, `Renewal ${index}`))
    const leads = cachedLeads([{ total: 21, items: many }, undefined, { total: 21, items: [acme] }])
    expect(leads).toHaveLength(21)
    expect(
      cachedLeads([
        { total: 1, items: [acme] },
        { total: 1, items: [acme] },
      ]),
    ).toEqual([acme])
    expect(findLeads('renewal', leads, [])).toHaveLength(leadsShown)
  })
})
