import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { noLeadDefaults } from '../../../shared/leads/lead-defaults'
import { LeadboxError } from '../../../shared/result'
import { migrate } from '../db/migrate'
import { createCatalog } from './catalog'

const hot = { id: '0b6a2f3c-1d4e-4f5a-8b6c-7d8e9f0a1b2c', name: 'Hot', color: 'red' }
const user = (id: number, isYou = false, active = true) => ({
  id,
  name: `User ${id}`,
  email: `u${id}@acme.test`,
  active,
  isYou,
  defaultCurrency: isYou ? 'USD' : null,
})

function setup() {
  const db = new Database(':memory:')
  migrate(db)
  const catalog = createCatalog(db)
  catalog.adoptAccount('1:1')
  catalog.replaceUsers([user(1, true), user(2), user(3, false, false)])
  catalog.replaceLabels([hot])
  catalog.replaceCurrencies([
    { code: 'USD', name: 'US Dollar', symbol: '$', decimalPoints: 2, active: true },
    { code: 'EUR', name: 'Euro', symbol: '€', decimalPoints: 2, active: true },
  ])
  return { db, catalog }
}

describe("a new lead's defaults", () => {
  it('are kept, and reach quick add and the form', () => {
    const { catalog } = setup()
    expect(catalog.inboxContext().defaults).toEqual(noLeadDefaults)
    expect(catalog.quickAddContext().defaultCurrency).toBe('USD')
    const defaults = { ownerId: 2, currency: 'EUR', labelId: hot.id, visibleTo: '3' as const }
    expect(catalog.setLeadDefaults(defaults)).toEqual(defaults)
    expect(catalog.inboxContext().defaults).toEqual(defaults)
    expect(catalog.quickAddContext()).toMatchObject({ defaultCurrency: 'EUR', defaults })
  })

  it('refuse an owner, label or currency the company does not have, in plain words', () => {
    const { catalog } = setup()
    const none = noLeadDefaults
    for (const [input, words] of [
      [{ ...none, ownerId: 99 }, /not an active user/],
      [{ ...none, ownerId: 3 }, /not an active user/],
      [{ ...none, labelId: '9b6a2f3c-1d4e-4f5a-8b6c-7d8e9f0a1b2c' }, /label is not in Pipedrive/],
      [{ ...none, currency: 'GBP' }, /does not use that currency/],
    ] as const) {
      expect(() => catalog.setLeadDefaults(input)).toThrow(LeadboxError)
      expect(() => catalog.setLeadDefaults(input)).toThrow(words)
    }
    expect(catalog.leadDefaults()).toEqual(noLeadDefaults)
  })

  it('forget an owner or label that left Pipedrive, and go with the account', () => {
    const { catalog } = setup()
    catalog.setLeadDefaults({ ownerId: 2, currency: null, labelId: hot.id, visibleTo: null })
    catalog.replaceLabels([])
    catalog.replaceUsers([user(1, true)])
    expect(catalog.leadDefaults()).toEqual(noLeadDefaults)

    catalog.replaceLabels([hot])
    catalog.setLeadDefaults({ ...noLeadDefaults, labelId: hot.id })
    catalog.adoptAccount('2:5')
    expect(catalog.leadDefaults()).toEqual(noLeadDefaults)
  })

  it('a stored value that no longer fits reads as no defaults', () => {
    const { catalog } = setup()
    catalog.setMeta('leadDefaults', '{"ownerId":"me"')
    expect(catalog.leadDefaults()).toEqual(noLeadDefaults)
  })

  it('tell whether the company has visibility groups from the leads it has', () => {
    const { db, catalog } = setup()
    expect(catalog.inboxContext().visibilityGroups).toBe(false)
    const insert = db.prepare(
      `INSERT INTO inbox_lead (id, title, is_archived, was_seen, add_time, update_time, listed_at, visible_to)
       VALUES (?, 'Lead', 0, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 1, ?)`,
    )
    insert.run('a', '3')
    expect(catalog.inboxContext().visibilityGroups).toBe(false)
    insert.run('b', '7')
    expect(catalog.inboxContext().visibilityGroups).toBe(true)
  })
})
