import { describe, expect, it } from 'vitest'
import { filtersOf, initialToolbar, isFiltered, showsPending } from './inbox-filters'

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
})
