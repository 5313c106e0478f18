import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { noLeadDefaults } from '../../../shared/leads/lead-defaults'
import { migrate } from '../db/migrate'
import { createCatalog, fallbackCurrencies } from './catalog'

function setup() {
  const db = new Database(':memory:')
  migrate(db)
  return { db, catalog: createCatalog(db) }
}

const person = (id: number, name: string, email: string | null = null) => ({
  id,
  name,
  email,
  organizationId: null,
  updateTime: '2026-11-01T10:00:00Z',
})

describe('the catalog', () => {
  it('finds persons by word prefixes, ignoring accents and case', () => {
    const { catalog } = setup()
    catalog.upsertPersons([
      person(1, 'José García', 'jose@acme.test'),
      person(2, 'Jane Doe', 'jane@doe.test'),
      person(3, 'Janet Smith'),
    ])
    expect(catalog.searchPersons('jose').map((p) => p.id)).toEqual([1])
    expect(
      catalog
        .searchPersons('JAN')
        .map((p) => p.id)
        .sort(),
    ).toEqual([2, 3])
    expect(catalog.searchPersons('jane d').map((p) => p.id)).toEqual([2])
    expect(catalog.searchPersons('doe.test').map((p) => p.id)).toEqual([2])
  })

  it('keeps search in step with renames, and treats input as text, not query syntax', () => {
    const { catalog } = setup()
    catalog.upsertPersons([person(1, 'Old Name')])
    catalog.upsertPersons([person(1, 'New Name')])
    expect(catalog.searchPersons('old')).toEqual([])
    expect(catalog.searchPersons('new').map((p) => p.name)).toEqual(['New Name'])
    const hostile = ['"', 'NEAR(a b)', 'a OR b', '*', '^x', 'name:x', '(', '-x', ' ']
    for (const text of hostile) {
      expect(() => catalog.searchPersons(text)).not.toThrow()
    }
  })

  it('gives quick add the cached names, labels and currencies', () => {
    const { catalog } = setup()
    const fallback = catalog.quickAddContext()
    expect(fallback.currencies.map((c) => c.code)).toEqual(fallbackCurrencies.map((c) => c.code))
    expect(fallback.persons).toEqual([])

    catalog.replaceCurrencies([
      { code: 'USD', name: 'US Dollar', symbol: '$', decimalPoints: 2, active: true },
      { code: 'XXX', name: 'Old', symbol: 'x', decimalPoints: 2, active: false },
    ])
    catalog.replaceUsers([
      { id: 1, name: 'Me', email: 'me@x.test', active: true, isYou: true, defaultCurrency: 'USD' },
    ])
    catalog.replaceLabels([
      { id: 'f08b42a0-4e75-11ea-9643-03698ef1cfd6', name: 'Hot', color: 'red' },
    ])
    catalog.upsertPersons([person(2, 'Jane Doe', 'jane@acme.test')])
    catalog.upsertOrganizations([{ id: 9, name: 'Acme', updateTime: null }])
    catalog.replaceActivityTypes([
      { id: 2, key: 'meeting', name: 'Meeting', active: true, orderNr: 2 },
      { id: 1, key: 'call', name: 'Call', active: true, orderNr: 1 },
      { id: 3, key: 'fax', name: 'Fax', active: false, orderNr: 3 },
    ])
    expect(catalog.quickAddContext()).toEqual({
      defaultCurrency: 'USD',
      defaults: noLeadDefaults,
      currencies: [{ code: 'USD', name: 'US Dollar', symbol: '$', decimalPoints: 2 }],
      labels: [{ id: 'f08b42a0-4e75-11ea-9643-03698ef1cfd6', name: 'Hot', color: 'red' }],
      persons: [{ id: 2, name: 'Jane Doe', email: 'jane@acme.test' }],
      organizations: [{ id: 9, name: 'Acme' }],
      openLeads: [],
      // Only the active ones, in Pipedrive's order.
      activityTypes: [
        { key: 'call', name: 'Call' },
        { key: 'meeting', name: 'Meeting' },
      ],
    })
    expect(catalog.searchOrganizations('ac').map((o) => o.id)).toEqual([9])
  })

  it('forgets everything when another company signs in', () => {
    const { catalog } = setup()
    catalog.upsertPersons([person(1, 'Jane Doe')])
    catalog.setMeta('persons.cursor', 'abc')
    catalog.clear()
    expect(catalog.searchPersons('jane')).toEqual([])
    expect(catalog.meta('persons.cursor')).toBeUndefined()
  })

  it('says whether a refresh changed anything, and knows which labels a lead may carry', () => {
    const { catalog } = setup()
    expect(catalog.knownLabelIds()).toBeNull()
    const hot = { id: 'f08b42a0-4e75-11ea-9643-03698ef1cfd6', name: 'Hot', color: 'red' }
    expect(catalog.replaceLabels([hot])).toBe(true)
    expect(catalog.replaceLabels([hot])).toBe(false)
    expect(catalog.replaceLabels([{ ...hot, color: 'green' }])).toBe(true)
    expect(catalog.knownLabelIds()).toEqual(new Set([hot.id]))

    expect(catalog.upsertPersons([person(1, 'Jane Doe'), person(2, 'Tom')])).toBe(2)
    expect(catalog.upsertPersons([person(1, 'Jane Doe')])).toBe(0)
    expect(catalog.upsertPersons([person(1, 'Jane Smith')])).toBe(1)
    expect(catalog.searchPersons('smith').map((p) => p.id)).toEqual([1])
    expect(catalog.latestPersonUpdate()).toBe('2026-11-01T10:00:00Z')
    expect(catalog.removePersonsExcept([2])).toBe(1)
    expect(catalog.searchPersons('jane')).toEqual([])
    expect(catalog.removePersons([2, 3])).toBe(1)

    const segment = {
      key: '9dc80c50d78a15643bfc4ca79d76156a73a1ca0e',
      name: 'Segment',
      fieldType: 'enum',
      options: [{ id: 190, label: 'Wholesale' }],
      orderNr: 3,
    }
    expect(catalog.replaceFields([segment])).toBe(true)
    expect(catalog.fields()).toEqual([segment])
    expect(catalog.inboxContext().fields).toEqual([
      { key: segment.key, name: 'Segment', fieldType: 'enum', options: segment.options },
    ])
  })

  it('adds contacts a search found without overwriting what a listing wrote', () => {
    const { catalog } = setup()
    catalog.upsertPersons([person(1, 'Jane Doe', 'jane@doe.test')])
    const found = (id: number, name: string, email: string | null = null) => ({
      id,
      name,
      email,
      organizationId: null,
    })
    // The search index may still have the old name; the listing's row is kept.
    expect(catalog.addFoundPersons([found(1, 'Jane Old'), found(2, 'Zoe New', 'z@n.test')])).toBe(1)
    expect(catalog.searchPersons('jane').map((p) => p.name)).toEqual(['Jane Doe'])
    expect(catalog.searchPersons('zoe')).toEqual([
      { id: 2, name: 'Zoe New', email: 'z@n.test', organizationId: null, updateTime: null },
    ])
    // Found again, the same: nothing changed. Renamed: a row only a search wrote follows it.
    expect(catalog.addFoundPersons([found(2, 'Zoe New', 'z@n.test')])).toBe(0)
    expect(catalog.addFoundPersons([found(2, 'Zoe Newer', 'z@n.test')])).toBe(1)
    expect(catalog.searchPersons('newer').map((p) => p.id)).toEqual([2])
    // A search's row carries no time, so incremental refreshes still start from the listing's.
    expect(catalog.latestPersonUpdate()).toBe('2026-11-01T10:00:00Z')
    // The next listing fills in the time, and from then on the row is the listing's.
    catalog.upsertPersons([person(2, 'Zoe Newer', 'z@n.test')])
    expect(catalog.addFoundPersons([found(2, 'Zoe Stale')])).toBe(0)

    catalog.upsertOrganizations([{ id: 9, name: 'Acme', updateTime: '2026-11-01T10:00:00Z' }])
    expect(
      catalog.addFoundOrganizations([
        { id: 9, name: 'Acme (old)' },
        { id: 10, name: 'Globex' },
      ]),
    ).toBe(1)
    expect(catalog.searchOrganizations('acme').map((o) => o.name)).toEqual(['Acme'])
    expect(catalog.searchOrganizations('glob').map((o) => o.id)).toEqual([10])
    expect(catalog.addFoundOrganizations([{ id: 10, name: 'Globex' }])).toBe(0)
  })

  it("empties itself for another account, and keeps an account's own data", () => {
    const { catalog } = setup()
    catalog.upsertPersons([person(1, 'Jane Doe')])
    // Data from before accounts were recorded may be anyone's.
    expect(catalog.adoptAccount('7:1')).toBe(true)
    expect(catalog.searchPersons('jane')).toEqual([])
    catalog.upsertPersons([person(1, 'Jane Doe')])
    expect(catalog.adoptAccount('7:1')).toBe(false)
    expect(catalog.searchPersons('jane')).toHaveLength(1)
    expect(catalog.adoptAccount('8:1')).toBe(true)
    expect(catalog.searchPersons('jane')).toEqual([])
    expect(catalog.meta('account')).toBe('8:1')
  })
})
