import type { QuickAddContextData } from '../../../shared/ipc/contract'
import type { Db } from '../db/database'

export interface CatalogCurrency {
  code: string
  name: string
  symbol: string
  decimalPoints: number
  active: boolean
}
export interface CatalogLabel {
  id: string
  name: string
  color: string
}
export interface CatalogUser {
  id: number
  name: string
  email: string
  active: boolean
  isYou: boolean
  defaultCurrency: string | null
}
export interface CatalogPerson {
  id: number
  name: string
  email: string | null
  organizationId: number | null
  updateTime: string | null
}
export interface CatalogOrganization {
  id: number
  name: string
  updateTime: string | null
}

/**
 * Until the first refresh the app still reads money: the currencies most Pipedrive
 * companies use, by their ISO codes. Pipedrive's own list replaces them.
 */
export const fallbackCurrencies: CatalogCurrency[] = [
  { code: 'EUR', name: 'Euro', symbol: '€', decimalPoints: 2, active: true },
  { code: 'USD', name: 'US Dollar', symbol: '$', decimalPoints: 2, active: true },
  { code: 'GBP', name: 'British Pound', symbol: '£', decimalPoints: 2, active: true },
  { code: 'CHF', name: 'Swiss Franc', symbol: 'CHF', decimalPoints: 2, active: true },
  { code: 'SEK', name: 'Swedish Krona', symbol: 'kr', decimalPoints: 2, active: true },
  { code: 'NOK', name: 'Norwegian Krone', symbol: 'kr', decimalPoints: 2, active: true },
  { code: 'DKK', name: 'Danish Krone', symbol: 'kr', decimalPoints: 2, active: true },
  { code: 'PLN', name: 'Polish Zloty', symbol: 'zł', decimalPoints: 2, active: true },
  { code: 'CAD', name: 'Canadian Dollar', symbol: 'CA$', decimalPoints: 2, active: true },
  { code: 'AUD', name: 'Australian Dollar', symbol: 'A$', decimalPoints: 2, active: true },
  { code: 'JPY', name: 'Japanese Yen', symbol: '¥', decimalPoints: 0, active: true },
  { code: 'INR', name: 'Indian Rupee', symbol: '₹', decimalPoints: 2, active: true },
  { code: 'BRL', name: 'Brazilian Real', symbol: 'R$', decimalPoints: 2, active: true },
]

export interface Catalog {
  replaceCurrencies(currencies: CatalogCurrency[]): void
  replaceLabels(labels: CatalogLabel[]): void
  replaceUsers(users: CatalogUser[]): void
  upsertPersons(persons: CatalogPerson[]): void
  upsertOrganizations(organizations: CatalogOrganization[]): void
  /** Typeahead over cached persons: every word a prefix, accents ignored. */
  searchPersons(text: string, limit?: number): CatalogPerson[]
  searchOrganizations(text: string, limit?: number): CatalogOrganization[]
  labels(): CatalogLabel[]
  quickAddContext(): QuickAddContextData
  meta(key: string): string | undefined
  setMeta(key: string, value: string): void
  /** Another company signed in: its data replaces this one's. */
  clear(): void
}

/** Quotes each word as an FTS5 prefix query, so user input is never FTS syntax. */
function prefixQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .split(/[\s"*^():+-]+/)
    .filter((word) => word.length > 0)
  return words.length === 0 ? null : words.map((word) => `"${word}"*`).join(' ')
}

export function createCatalog(db: Db): Catalog {
  const replace = <T>(table: string, insertSql: string, toRow: (item: T) => unknown[]) => {
    const insert = db.prepare(insertSql)
    return db.transaction((items: T[]) => {
      db.prepare(`DELETE FROM ${table}`).run()
      for (const item of items) insert.run(...toRow(item))
    })
  }
  const replaceCurrencies = replace<CatalogCurrency>(
    'catalog_currency',
    'INSERT INTO catalog_currency VALUES (?, ?, ?, ?, ?)',
    (c) => [c.code, c.name, c.symbol, c.decimalPoints, c.active ? 1 : 0],
  )
  const replaceLabels = replace<CatalogLabel>(
    'catalog_label',
    'INSERT INTO catalog_label VALUES (?, ?, ?)',
    (l) => [l.id, l.name, l.color],
  )
  const replaceUsers = replace<CatalogUser>(
    'catalog_user',
    'INSERT INTO catalog_user VALUES (?, ?, ?, ?, ?, ?)',
    (u) => [u.id, u.name, u.email, u.active ? 1 : 0, u.isYou ? 1 : 0, u.defaultCurrency],
  )
  const upsertPerson = db.prepare(
    `INSERT INTO catalog_person VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email,
       organization_id = excluded.organization_id, update_time = excluded.update_time`,
  )
  const upsertOrganization = db.prepare(
    `INSERT INTO catalog_organization VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, update_time = excluded.update_time`,
  )
  const personSearch = db.prepare<[string, number], CatalogPerson>(
    `SELECT p.id, p.name, p.email, p.organization_id AS organizationId, p.update_time AS updateTime
     FROM catalog_person_fts f JOIN catalog_person p ON p.id = f.rowid
     WHERE catalog_person_fts MATCH ? ORDER BY rank LIMIT ?`,
  )
  const organizationSearch = db.prepare<[string, number], CatalogOrganization>(
    `SELECT o.id, o.name, o.update_time AS updateTime
     FROM catalog_organization_fts f JOIN catalog_organization o ON o.id = f.rowid
     WHERE catalog_organization_fts MATCH ? ORDER BY rank LIMIT ?`,
  )
  const labels = () =>
    db.prepare<[], CatalogLabel>('SELECT id, name, color FROM catalog_label ORDER BY name').all()

  return {
    replaceCurrencies,
    replaceLabels,
    replaceUsers,
    upsertPersons: db.transaction((persons: CatalogPerson[]) => {
      for (const p of persons)
        upsertPerson.run(p.id, p.name, p.email, p.organizationId, p.updateTime)
    }),
    upsertOrganizations: db.transaction((organizations: CatalogOrganization[]) => {
      for (const o of organizations) upsertOrganization.run(o.id, o.name, o.updateTime)
    }),
    searchPersons(text, limit = 8) {
      const query = prefixQuery(text)
      return query ? personSearch.all(query, limit) : []
    },
    searchOrganizations(text, limit = 8) {
      const query = prefixQuery(text)
      return query ? organizationSearch.all(query, limit) : []
    },
    labels,
    quickAddContext() {
      const stored = db
        .prepare<[], { code: string; name: string; symbol: string; decimalPoints: number }>(
          `SELECT code, name, symbol, decimal_points AS decimalPoints FROM catalog_currency
           WHERE active = 1 ORDER BY code`,
        )
        .all()
      const currencies =
        stored.length > 0 ? stored : fallbackCurrencies.map(({ active: _active, ...c }) => c)
      const you = db
        .prepare<[], { currency: string | null }>(
          'SELECT default_currency AS currency FROM catalog_user WHERE is_you = 1',
        )
        .get()
      return {
        defaultCurrency: you?.currency ?? currencies[0]?.code ?? 'EUR',
        currencies,
        labels: labels(),
        persons: db
          .prepare<[], { id: number; name: string }>('SELECT id, name FROM catalog_person')
          .all(),
        organizations: db
          .prepare<[], { id: number; name: string }>('SELECT id, name FROM catalog_organization')
          .all(),
      }
    },
    meta: (key) =>
      db
        .prepare<[string], { value: string }>('SELECT value FROM catalog_meta WHERE key = ?')
        .get(key)?.value,
    setMeta(key, value) {
      db.prepare(
        'INSERT INTO catalog_meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ).run(key, value)
    },
    clear: db.transaction(() => {
      for (const table of [
        'catalog_currency',
        'catalog_label',
        'catalog_user',
        'catalog_person',
        'catalog_organization',
        'catalog_field',
        'catalog_meta',
      ]) {
        db.prepare(`DELETE FROM ${table}`).run()
      }
    }),
  }
}
