import { describe, expect, it } from 'vitest'
import {
  filtersOf,
  initialToolbar,
  isFiltered,
  pendingMatches,
  showsPending,
} from './inbox-filters'

describe('the inbox filters', () => {
  it("asks main for one person's or organization's leads", () => {
    const person = { ...initialToolbar, contact: { kind: 'person', id: 7, name: 'Maria' } } as const
    const organization = {
      ...initialToolbar,
      contact: { kind: 'organization', id: 9, name: 'Acme' },
    } as const
    expect(filtersOf(person, '')).toEqual({ sort: 'update_time', direction: 'desc', personId: 7 })
    expect(filtersOf(organization, ' acme ')).toEqual({
      sort: 'update_time',
      direction: 'desc',
      organizationId: 9,
      text: 'acme',
    })
    expect(isFiltered(person)).toBe(true)
    // Waiting leads know no contact ids yet: a contact filter hides them.
    expect(showsPending(person)).toBe(false)
    expect(isFiltered(initialToolbar)).toBe(false)
    expect(showsPending(initialToolbar)).toBe(true)
  })

  it('asks main for leads with no next activity or an overdue one', () => {
    const none = { ...initialToolbar, nextActivity: 'none' } as const
    const overdue = { ...initialToolbar, nextActivity: 'overdue' } as const
    expect(filtersOf(none, '')).toMatchObject({ nextActivity: 'none' })
    expect(filtersOf(initialToolbar, '')).not.toHaveProperty('nextActivity')
    expect(isFiltered(overdue)).toBe(true)
    // Pipedrive has no activity of a waiting lead: none of them is overdue.
    expect(showsPending(overdue)).toBe(false)
    // A waiting lead queued with an activity has one planned.
    expect(showsPending(none)).toBe(true)
    expect(pendingMatches(none, true)).toBe(false)
    expect(pendingMatches(none, false)).toBe(true)
    expect(pendingMatches(initialToolbar, true)).toBe(true)
  })
})
