import type { InboxContextData, QuickAddContextData } from '../../../shared/ipc/contract'
import {
  leadDefaultsSchema,
  noLeadDefaults,
  type LeadDefaults,
} from '../../../shared/leads/lead-defaults'
import { LeadboxError } from '../../../shared/result'
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
export interface CatalogFieldOption {
  id: number | string
  label: string
}
/** One of the company's activity types; activities name it by its key. */
export interface CatalogActivityType {
  id: number
  key: string
  name: string
  active: boolean
  orderNr: number
}
/** A custom field of deals, which leads inherit: how the inbox names and reads a value. */
export interface CatalogField {
  key: string
  name: string
  fieldType: string
  options: CatalogFieldOption[] | null
  orderNr: number
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

export interface CatalogReference {
  users: CatalogUser[]
  labels: CatalogLabel[]
  currencies: CatalogCurrency[]
  fields: CatalogField[]
  /** Left as they are when null (the account may not grant reading them). */
  activityTypes: CatalogActivityType[] | null
}

export interface Catalog {
  /** The replace and upsert methods answer whether anything stored changed. */
  replaceCurrencies(currencies: CatalogCurrency[]): boolean
  replaceLabels(labels: CatalogLabel[]): boolean
  /** One label Leadbox just created or found in Pipedrive, kept until the next refresh. */
  upsertLabel(label: CatalogLabel): boolean
  replaceUsers(users: CatalogUser[]): boolean
  replaceFields(fields: CatalogField[]): boolean
  replaceActivityTypes(types: CatalogActivityType[]): boolean
  /** The lists a refresh reads whole, replaced together or not at all. */
  replaceReference(lists: CatalogReference): boolean
  /** Rows that were new or different. */
  upsertPersons(persons: CatalogPerson[]): number
  upsertOrganizations(organizations: CatalogOrganization[]): number
  /**
   * Contacts Pipedrive's search found, which carry no update_time: new ones are added, and
   * only rows that came from a search before are updated. A row a listing wrote is at least
   * as fresh (the search index may lag), so it stays as it is.
   */
  addFoundPersons(persons: Array<Omit<CatalogPerson, 'updateTime'>>): number
  addFoundOrganizations(organizations: Array<Omit<CatalogOrganization, 'updateTime'>>): number
  removePersons(ids: readonly number[]): number
  removeOrganizations(ids: readonly number[]): number
  /** After a complete listing: whatever it did not name is gone from Pipedrive. */
  removePersonsExcept(ids: readonly number[]): number
  removeOrganizationsExcept(ids: readonly number[]): number
  /** The newest update_time stored: where an incremental refresh picks up. */
  latestPersonUpdate(): string | null
  latestOrganizationUpdate(): string | null
  /** Typeahead over cached persons: every word a prefix, accents ignored. */
  searchPersons(text: string, limit?: number): CatalogPerson[]
  searchOrganizations(text: string, limit?: number): CatalogOrganization[]
  labels(): CatalogLabel[]
  /**
   * Label ids a new lead may carry, or null while the catalog has no labels yet (then
   * nothing can be checked, and Pipedrive will judge).
   */
  knownLabelIds(): Set<string> | null
  users(): CatalogUser[]
  fields(): CatalogField[]
  /** Active types first by Pipedrive's order; inactive ones only when asked for. */
  activityTypes(includeInactive?: boolean): CatalogActivityType[]
  quickAddContext(): QuickAddContextData
  inboxContext(): InboxContextData
  /** New leads' owner, currency, label and visibility, as set in Settings. */
  leadDefaults(): LeadDefaults
  setLeadDefaults(defaults: LeadDefaults): LeadDefaults
  meta(key: string): string | undefined
  setMeta(key: string, value: string): void
  deleteMeta(key: string): void
  /** Another company signed in: its data replaces this one's. */
  clear(): void
  /**
   * Makes the catalog this account's: a catalog filled for another account is cleared
   * first. Answers whether it was.
   */
  adoptAccount(account: string): boolean
}

const accountKey = 'account'
const leadDefaultsKey = 'leadDefaults'

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Each word of user input as a quoted FTS5 prefix term, so input is never FTS syntax. */
export function prefixTerms(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[\s"*^():+-]+/)
    .filter((word) => word.length > 0)
    .map((word) => `"${word}"*`)
}

function prefixQuery(text: string): string | null {
  const terms = prefixTerms(text)
  return terms.length === 0 ? null : terms.join(' ')
}

export function createCatalog(db: Db): Catalog {
  // Small lists are replaced whole; comparing before and after tells a refresh whether the
  // windows need to refetch.
  const replace = <T>(table: string, insertSql: string, toRow: (item: T) => unknown[]) => {
    const insert = db.prepare(insertSql)
    const snapshot = () =>
      JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY 1`).raw().all())
    return db.transaction((items: T[]): boolean => {
      const before = snapshot()
      db.prepare(`DELETE FROM ${table}`).run()
      for (const item of items) insert.run(...toRow(item))
      return snapshot() !== before
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
  const replaceFields = replace<CatalogField>(
    'catalog_field',
    'INSERT INTO catalog_field VALUES (?, ?, ?, ?, ?)',
    (f) => [f.key, f.name, f.fieldType, f.options ? JSON.stringify(f.options) : null, f.orderNr],
  )
  const replaceActivityTypes = replace<CatalogActivityType>(
    'catalog_activity_type',
    'INSERT INTO catalog_activity_type VALUES (?, ?, ?, ?, ?)',
    (t) => [t.id, t.key, t.name, t.active ? 1 : 0, t.orderNr],
  )
  // An unchanged row is not rewritten: no FTS churn, and `changes` counts real changes.
  const upsertPerson = db.prepare(
    `INSERT INTO catalog_person VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email,
       organization_id = excluded.organization_id, update_time = excluded.update_time
     WHERE name IS NOT excluded.name OR email IS NOT excluded.email
       OR organization_id IS NOT excluded.organization_id
       OR update_time IS NOT excluded.update_time`,
  )
  const upsertLabel = db.prepare(
    `INSERT INTO catalog_label VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, color = excluded.color
     WHERE name IS NOT excluded.name OR color IS NOT excluded.color`,
  )
  const upsertOrganization = db.prepare(
    `INSERT INTO catalog_organization VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, update_time = excluded.update_time
     WHERE name IS NOT excluded.name OR update_time IS NOT excluded.update_time`,
  )
  const addFoundPerson = db.prepare(
    `INSERT INTO catalog_person VALUES (?, ?, ?, ?, NULL)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email,
       organization_id = excluded.organization_id
     WHERE catalog_person.update_time IS NULL
       AND (name IS NOT excluded.name OR email IS NOT excluded.email
         OR organization_id IS NOT excluded.organization_id)`,
  )
  const addFoundOrganization = db.prepare(
    `INSERT INTO catalog_organization VALUES (?, ?, NULL)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name
     WHERE catalog_organization.update_time IS NULL AND name IS NOT excluded.name`,
  )
  const removeListed = (table: string) => {
    const statement = db.prepare(
      `DELETE FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
    )
    return (ids: readonly number[]) =>
      ids.length === 0 ? 0 : statement.run(JSON.stringify(ids)).changes
  }
  const removeUnlisted = (table: string) => {
    const statement = db.prepare(
      `DELETE FROM ${table} WHERE id NOT IN (SELECT value FROM json_each(?))`,
    )
    return (ids: readonly number[]) => statement.run(JSON.stringify(ids)).changes
  }
  const latest = (table: string) => {
    const statement = db.prepare<[], { latest: string | null }>(
      `SELECT max(update_time) AS latest FROM ${table}`,
    )
    return () => statement.get()?.latest ?? null
  }
  const users = () =>
    db
      .prepare<[], Omit<CatalogUser, 'active' | 'isYou'> & { active: number; isYou: number }>(
        `SELECT id, name, email, active, is_you AS isYou, default_currency AS defaultCurrency
         FROM catalog_user ORDER BY name`,
      )
      .all()
      .map((u) => ({ ...u, active: u.active === 1, isYou: u.isYou === 1 }))
  const fields = () =>
    db
      .prepare<
        [],
        { key: string; name: string; fieldType: string; options: string | null; orderNr: number }
      >(
        `SELECT key, name, field_type AS fieldType, options, order_nr AS orderNr
         FROM catalog_field ORDER BY order_nr, name`,
      )
      .all()
      .map((f) => ({
        ...f,
        options: f.options === null ? null : (JSON.parse(f.options) as CatalogFieldOption[]),
      }))
  const activityTypes = (includeInactive = false) =>
    db
      .prepare<[number], Omit<CatalogActivityType, 'active'> & { active: number }>(
        `SELECT id, key, name, active, order_nr AS orderNr FROM catalog_activity_type
         WHERE active >= ? ORDER BY order_nr, name`,
      )
      .all(includeInactive ? 0 : 1)
      .map((t) => ({ ...t, active: t.active === 1 }))
  const meta = (key: string) =>
    db.prepare<[string], { value: string }>('SELECT value FROM catalog_meta WHERE key = ?').get(key)
      ?.value
  const setMeta = (key: string, value: string) => {
    db.prepare(
      'INSERT INTO catalog_meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(key, value)
  }
  /** The user's lead defaults, minus any that no longer exist in Pipedrive. */
  const leadDefaults = (): LeadDefaults => {
    const stored = leadDefaultsSchema.safeParse(parseJson(meta(leadDefaultsKey)))
    if (!stored.success) return noLeadDefaults
    const { ownerId, labelId } = stored.data
    return {
      ...stored.data,
      ownerId: ownerId !== null && users().some((user) => user.id === ownerId) ? ownerId : null,
      labelId: labelId !== null && labels().some((label) => label.id === labelId) ? labelId : null,
    }
  }
  const unknownDefaults = ({ ownerId, labelId, currency }: LeadDefaults): string | null => {
    if (ownerId !== null && !users().some((user) => user.id === ownerId && user.active)) {
      return 'That owner is not an active user of your Pipedrive company.'
    }
    if (labelId !== null && !labels().some((label) => label.id === labelId)) {
      return 'That label is not in Pipedrive any more.'
    }
    const currencies = db.prepare('SELECT code FROM catalog_currency').pluck().all()
    if (currency !== null && currencies.length > 0 && !currencies.includes(currency)) {
      return 'Your Pipedrive company does not use that currency.'
    }
    return null
  }
  // Values 5 and 7 exist only where the plan has visibility groups (Premium and Ultimate);
  // a lead seen with one tells which meanings 1 and 3 have in this company.
  const usesVisibilityGroups = () =>
    db.prepare(`SELECT 1 FROM inbox_lead WHERE visible_to IN ('5', '7') LIMIT 1`).get() !==
    undefined
  const clear = db.transaction(() => {
    for (const table of [
      'catalog_currency',
      'catalog_label',
      'catalog_user',
      'catalog_person',
      'catalog_organization',
      'catalog_field',
      'catalog_activity_type',
      'catalog_meta',
    ]) {
      db.prepare(`DELETE FROM ${table}`).run()
    }
  })
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
    replaceFields,
    replaceActivityTypes,
    upsertLabel: (label) => upsertLabel.run(label.id, label.name, label.color).changes > 0,
    replaceReference: db.transaction((lists: CatalogReference) => {
      // Every list is replaced, so no short-circuit.
      const changed = [
        replaceUsers(lists.users),
        replaceLabels(lists.labels),
        replaceCurrencies(lists.currencies),
        replaceFields(lists.fields),
        lists.activityTypes !== null && replaceActivityTypes(lists.activityTypes),
      ]
      return changed.includes(true)
    }),
    upsertPersons: db.transaction((persons: CatalogPerson[]) => {
      let changed = 0
      for (const p of persons)
        changed += upsertPerson.run(p.id, p.name, p.email, p.organizationId, p.updateTime).changes
      return changed
    }),
    upsertOrganizations: db.transaction((organizations: CatalogOrganization[]) => {
      let changed = 0
      for (const o of organizations)
        changed += upsertOrganization.run(o.id, o.name, o.updateTime).changes
      return changed
    }),
    addFoundPersons: db.transaction((persons: Array<Omit<CatalogPerson, 'updateTime'>>) => {
      let changed = 0
      for (const p of persons)
        changed += addFoundPerson.run(p.id, p.name, p.email, p.organizationId).changes
      return changed
    }),
    addFoundOrganizations: db.transaction(
      (organizations: Array<Omit<CatalogOrganization, 'updateTime'>>) => {
        let changed = 0
        for (const o of organizations) changed += addFoundOrganization.run(o.id, o.name).changes
        return changed
      },
    ),
    removePersons: removeListed('catalog_person'),
    removeOrganizations: removeListed('catalog_organization'),
    removePersonsExcept: removeUnlisted('catalog_person'),
    removeOrganizationsExcept: removeUnlisted('catalog_organization'),
    latestPersonUpdate: latest('catalog_person'),
    latestOrganizationUpdate: latest('catalog_organization'),
    searchPersons(text, limit = 8) {
      const query = prefixQuery(text)
      return query ? personSearch.all(query, limit) : []
    },
    searchOrganizations(text, limit = 8) {
      const query = prefixQuery(text)
      return query ? organizationSearch.all(query, limit) : []
    },
    labels,
    knownLabelIds() {
      const ids = db.prepare<[], string>('SELECT id FROM catalog_label').pluck().all()
      return ids.length === 0 ? null : new Set(ids)
    },
    users,
    fields,
    activityTypes,
    inboxContext: () => ({
      users: users().map(({ id, name, active, isYou }) => ({ id, name, active, isYou })),
      defaults: leadDefaults(),
      visibilityGroups: usesVisibilityGroups(),
      labels: labels(),
      fields: fields().map(({ key, name, fieldType, options }) => ({
        key,
        name,
        fieldType,
        options,
      })),
    }),
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
      const defaults = leadDefaults()
      return {
        defaultCurrency: defaults.currency ?? you?.currency ?? currencies[0]?.code ?? 'EUR',
        defaults,
        currencies,
        labels: labels(),
        persons: db
          .prepare<[], { id: number; name: string; email: string | null }>(
            'SELECT id, name, email FROM catalog_person',
          )
          .all(),
        openLeads: db
          .prepare<[], { title: string; personId: number | null; organizationId: number | null }>(
            `SELECT title, person_id AS personId, organization_id AS organizationId FROM inbox_lead
             WHERE is_archived = 0 AND (person_id IS NOT NULL OR organization_id IS NOT NULL)
             ORDER BY update_time DESC`,
          )
          .all(),
        organizations: db
          .prepare<[], { id: number; name: string }>('SELECT id, name FROM catalog_organization')
          .all(),
        activityTypes: activityTypes().map(({ key, name }) => ({ key, name })),
      }
    },
    meta,
    setMeta,
    leadDefaults,
    setLeadDefaults(input) {
      const defaults = leadDefaultsSchema.parse(input)
      const unknown = unknownDefaults(defaults)
      if (unknown) throw new LeadboxError('invalid_request', unknown)
      setMeta(leadDefaultsKey, JSON.stringify(defaults))
      return leadDefaults()
    },
    deleteMeta(key) {
      db.prepare('DELETE FROM catalog_meta WHERE key = ?').run(key)
    },
    clear,
    adoptAccount: db.transaction((account: string) => {
      const owner = meta(accountKey)
      if (owner === account) return false
      // A catalog from before accounts were recorded may be anyone's: it goes too.
      const cleared =
        owner !== undefined ||
        db.prepare<[], number>('SELECT count(*) FROM catalog_person').pluck().get() !== 0 ||
        db.prepare<[], number>('SELECT count(*) FROM catalog_label').pluck().get() !== 0
      clear()
      setMeta(accountKey, account)
      return cleared
    }),
  }
}
