import type { Statement } from 'better-sqlite3'
import type { InboxLead, InboxPage, InboxQuery, InboxSort } from '../../../shared/ipc/contract'
import { overdueBounds } from '../../../shared/leads/activity-due'
import { prefixTerms } from '../catalog/catalog'
import type { Db } from '../db/database'
import type { LeadActivity } from './pipedrive-activity'
import type { CachedLead } from './pipedrive-lead'

export interface InboxCache {
  /** Stores leads as a listing gave them; answers how many were new or different. */
  upsert(leads: CachedLead[], listedAt: number): number
  /** Ids of live (or archived) leads no listing has named since `listedAt`. */
  unlistedSince(listedAt: number, archived: boolean): string[]
  remove(ids: readonly string[]): number
  list(query: InboxQuery): InboxPage
  /** Person and organization ids that leads name but the catalog does not know yet. */
  unknownContacts(): { persons: number; organizations: number }
  /**
   * Activities as Pipedrive listed them (changed ones, or those asked for by id), applied to
   * their leads' next activity; answers how many leads changed.
   */
  applyActivities(activities: readonly LeadActivity[]): number
  /** Ids of next activities whose due date is not read yet. */
  unreadNextActivities(): number[]
  /** Next activities Pipedrive did not return when asked by id: read, with no due date. */
  nextActivitiesUnreadable(ids: readonly number[]): number
  /** Leads whose next activity is known to have changed (done, deleted, moved later). */
  staleNextActivities(limit: number): string[]
  /** A lead's open activities, all of them: its next one is the earliest. */
  setOpenActivities(leadId: string, open: readonly LeadActivity[]): number
  meta(key: string): string | undefined
  setMeta(key: string, value: string): void
  /** Makes the cache this account's, emptying it if it was another's; answers whether it was. */
  adoptAccount(account: string): boolean
  clear(): void
}

/** A page's row as SQLite returns it in raw mode, in the order of `leadColumns`. */
type LeadRow = [
  id: string,
  title: string,
  ownerId: number | null,
  ownerName: string | null,
  labelIds: string,
  personId: number | null,
  personName: string | null,
  organizationId: number | null,
  organizationName: string | null,
  valueAmount: number | null,
  valueCurrency: string | null,
  expectedCloseDate: string | null,
  visibleTo: string | null,
  wasSeen: number,
  isArchived: number,
  addTime: string,
  updateTime: string,
  customFields: string,
  nextActivityId: number | null,
  nextActivityDue: string | null,
]
// Rows are read as arrays: better-sqlite3 builds an array several times faster than an object
// with named keys, which was a good part of every page's time.
const leadColumns = `l.id, l.title, l.owner_id, u.name, l.label_ids, l.person_id, p.name,
  l.organization_id, o.name, l.value_amount, l.value_currency, l.expected_close_date,
  l.visible_to, l.was_seen, l.is_archived, l.add_time, l.update_time, l.custom_fields,
  l.next_activity_id, l.next_activity_due`

// Each order matches one index of migration 5 term for term, so SQLite reads a page in
// order rather than sorting the whole view. Leads without a close date come last either way.
const orderBy: Record<InboxSort, Record<'asc' | 'desc', string>> = {
  update_time: {
    asc: 'l.update_time ASC, l.seq ASC',
    desc: 'l.update_time DESC, l.seq DESC',
  },
  add_time: { asc: 'l.add_time ASC, l.seq ASC', desc: 'l.add_time DESC, l.seq DESC' },
  title: {
    asc: 'l.title COLLATE NOCASE ASC, l.seq ASC',
    desc: 'l.title COLLATE NOCASE DESC, l.seq DESC',
  },
  expected_close_date: {
    asc: 'l.expected_close_date IS NULL ASC, l.expected_close_date ASC, l.seq ASC',
    desc: 'l.expected_close_date IS NOT NULL DESC, l.expected_close_date DESC, l.seq DESC',
  },
}
const defaultDirection: Record<InboxSort, 'asc' | 'desc'> = {
  update_time: 'desc',
  add_time: 'desc',
  title: 'asc',
  expected_close_date: 'asc',
}
/** More words than this in a search box are ignored. */
const maxTerms = 8

/** A condition on a lead (alias `l`) and the values it takes. */
type Filter = [clause: string, ...values: unknown[]]

const valuesOf = (filters: Filter[]) => filters.flatMap(([, ...values]) => values)

/** A search as one full-text index answers it: the leads it matches, and those in the view. */
interface Search {
  index: 'inbox_lead_search' | 'inbox_live_search'
  match: string
  inView: string
}

/**
 * A typed word of Latin, Greek or Cyrillic letters and digits alone, which the index's
 * tokenizer (its Unicode tables are older than today's) surely keeps as one word.
 */
const oneWord = /^"(?:(?=[\p{L}\p{Nd}])[0-9A-Za-z\u00c0-\u024f\u0386-\u03ff\u0400-\u04ff])+"\*$/u

/**
 * Every word must begin a word of the title, the person (name or email) or the organization.
 * The live leads' own index answers when it can: it knows no word positions, so a typed word
 * the index splits in several ("o'brien") is searched in the index of all leads.
 */
function searchOf(terms: string[], view: number): Search {
  const words = terms.join(' ')
  if (view === 0 && terms.every((term) => oneWord.test(term))) {
    return { index: 'inbox_live_search', match: words, inView: words }
  }
  // The lead's view is part of its search document, so a search is counted in one index.
  const match = `{title person organization} : (${words})`
  return {
    index: 'inbox_lead_search',
    match,
    inView: `${match} ${view === 1 ? 'AND' : 'NOT'} view : archived`,
  }
}

const matching = ({ index }: Search) => `(SELECT rowid FROM ${index} WHERE ${index} MATCH ?)`

function toLead(row: LeadRow): InboxLead {
  const [
    id,
    title,
    ownerId,
    ownerName,
    labelIds,
    personId,
    personName,
    organizationId,
    organizationName,
    valueAmount,
    valueCurrency,
    expectedCloseDate,
    visibleTo,
    wasSeen,
    isArchived,
    addTime,
    updateTime,
    customFields,
    nextActivityId,
    nextActivityDue,
  ] = row
  return {
    id,
    title,
    ownerId,
    ownerName,
    labelIds: JSON.parse(labelIds) as string[],
    personId,
    personName,
    organizationId,
    organizationName,
    value:
      valueAmount === null || valueCurrency === null
        ? null
        : { amount: valueAmount, currency: valueCurrency },
    expectedCloseDate,
    visibleTo,
    wasSeen: wasSeen === 1,
    isArchived: isArchived === 1,
    addTime,
    updateTime,
    customFields: JSON.parse(customFields) as Record<string, unknown>,
    nextActivity: nextActivityId === null ? null : { id: nextActivityId, due: nextActivityDue },
  }
}

/** Pipedrive's next activity is a lead's earliest open one, undated ones last. */
function earliest(activities: readonly LeadActivity[]): LeadActivity | null {
  let first: LeadActivity | null = null
  for (const activity of activities) {
    if (!activity.open) continue
    if (first === null || precedes(activity, first)) first = activity
  }
  return first
}

function precedes(a: LeadActivity, b: LeadActivity): boolean {
  if (a.due === b.due) return a.id < b.id
  if (a.due === null) return false
  return b.due === null || a.due < b.due
}

/** Leads with an activity queued here, not yet in Pipedrive, count as having one. */
const waitingActivityLeads = `SELECT c.remote_id FROM outbox a
  JOIN outbox_dependency d ON d.row_id = a.id AND d.role = 'lead'
  JOIN outbox c ON c.id = d.parent_id
  WHERE a.kind = 'activity.create' AND c.remote_id IS NOT NULL
    AND a.state IN ('queued', 'sending', 'uncertain', 'needs_attention')`

/**
 * The cached Pipedrive Leads Inbox in SQLite. Names of owners, persons and organizations
 * are joined from the catalog at read time, so a rename shows without touching the leads.
 */
export function createInboxCache(db: Db, now: () => number = Date.now): InboxCache {
  const upsertLead = db.prepare(
    `INSERT INTO inbox_lead (id, title, owner_id, person_id, organization_id, value_amount,
       value_currency, expected_close_date, was_seen, is_archived, add_time, update_time,
       label_ids, custom_fields, visible_to, listed_at, next_activity_id)
     VALUES (@id, @title, @ownerId, @personId, @organizationId, @valueAmount, @valueCurrency,
       @expectedCloseDate, @wasSeen, @isArchived, @addTime, @updateTime, @labelIds,
       @customFields, @visibleTo, @listedAt, @nextActivityId)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, owner_id = excluded.owner_id,
       person_id = excluded.person_id, organization_id = excluded.organization_id,
       value_amount = excluded.value_amount, value_currency = excluded.value_currency,
       expected_close_date = excluded.expected_close_date, was_seen = excluded.was_seen,
       is_archived = excluded.is_archived, add_time = excluded.add_time,
       update_time = excluded.update_time, label_ids = excluded.label_ids,
       custom_fields = excluded.custom_fields, visible_to = excluded.visible_to,
       listed_at = excluded.listed_at, next_activity_id = excluded.next_activity_id,
       next_activity_due = CASE WHEN next_activity_id IS excluded.next_activity_id
         THEN next_activity_due END,
       next_activity_stale = 0
     WHERE title IS NOT excluded.title OR owner_id IS NOT excluded.owner_id
       OR person_id IS NOT excluded.person_id OR organization_id IS NOT excluded.organization_id
       OR value_amount IS NOT excluded.value_amount
       OR value_currency IS NOT excluded.value_currency
       OR expected_close_date IS NOT excluded.expected_close_date
       OR was_seen IS NOT excluded.was_seen OR is_archived IS NOT excluded.is_archived
       OR add_time IS NOT excluded.add_time OR update_time IS NOT excluded.update_time
       OR label_ids IS NOT excluded.label_ids OR custom_fields IS NOT excluded.custom_fields
       OR visible_to IS NOT excluded.visible_to
       OR next_activity_id IS NOT excluded.next_activity_id OR next_activity_stale = 1`,
  )
  // An unchanged lead is only marked as listed: no rewrite, no FTS churn.
  const markListed = db.prepare('UPDATE inbox_lead SET listed_at = ? WHERE id = ?')
  const seqOf = db.prepare<[string], number>('SELECT seq FROM inbox_lead WHERE id = ?').pluck()
  const dropLabels = db.prepare('DELETE FROM inbox_lead_label WHERE lead_seq = ?')
  const addLabel = db.prepare(
    'INSERT OR IGNORE INTO inbox_lead_label (label_id, is_archived, lead_seq) VALUES (?, ?, ?)',
  )
  const statements = new Map<string, Statement>()
  const prepared = (sql: string) => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }
  const tallyOf = db
    .prepare<[number], number>('SELECT leads FROM inbox_lead_tally WHERE is_archived = ?')
    .pluck()
  // Overdue leads due on a day before `day`, all overdue whatever their time.
  const overdueBefore = db
    .prepare<[number, string], number>(
      'SELECT coalesce(sum(leads), 0) FROM inbox_due_tally WHERE is_archived = ? AND due_day < ?',
    )
    .pluck()
  const unplannedTally = db
    .prepare<[number], number>('SELECT leads FROM inbox_unplanned_tally WHERE is_archived = ?')
    .pluck()
  // A total is read from whatever already holds it: the tallies for a whole view or one
  // label, the full-text index for a search. Filters together are counted on the leads.
  const countOf = (
    filters: Filter[],
    search: Search | undefined,
    labelId: string | undefined,
    view: number,
    viewSize: () => number,
    /** The next-activity filter's total, when it is the only filter. */
    alone: (() => number) | undefined,
  ): number => {
    const count = (sql: string, ...params: unknown[]) =>
      prepared(sql)
        .pluck()
        .get(...params) as number
    if (search === undefined && filters.length === 0) return viewSize()
    if (search !== undefined && filters.length === 0) {
      return count(
        `SELECT count(*) FROM ${search.index} WHERE ${search.index} MATCH ?`,
        search.inView,
      )
    }
    if (search === undefined && filters.length === 1 && alone !== undefined) {
      return alone()
    }
    if (search === undefined && filters.length === 1 && labelId !== undefined) {
      return count(
        'SELECT coalesce(sum(leads), 0) FROM inbox_label_tally WHERE label_id = ? AND is_archived = ?',
        labelId,
        view,
      )
    }
    const where = ['l.is_archived = ?', ...filters.map(([clause]) => clause)]
    const params: unknown[] = [view, ...valuesOf(filters)]
    if (search !== undefined) {
      where.push(`l.seq IN ${matching(search)}`)
      params.push(search.match)
    }
    return count(`SELECT count(*) FROM inbox_lead l WHERE ${where.join(' AND ')}`, ...params)
  }
  const meta = (key: string) =>
    db.prepare<[string], { value: string }>('SELECT value FROM inbox_meta WHERE key = ?').get(key)
      ?.value
  const setMeta = (key: string, value: string) => {
    db.prepare(
      'INSERT INTO inbox_meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(key, value)
  }
  interface NextOfLead {
    id: string
    nextId: number | null
    due: string | null
    read: number | null
    stale: number
  }
  const nextColumns = `id, next_activity_id AS nextId, next_activity_due AS due,
    next_activity_read AS read, next_activity_stale AS stale FROM inbox_lead`
  const nextOfLead = db.prepare<[string], NextOfLead>(`SELECT ${nextColumns} WHERE id = ?`)
  const leadsWithNext = db.prepare<[number], NextOfLead>(
    `SELECT ${nextColumns} WHERE is_archived IN (0, 1) AND next_activity_id = ?`,
  )
  const setNext = db.prepare<[number | null, string | null, number | null, number, string]>(
    `UPDATE inbox_lead SET next_activity_id = ?, next_activity_due = ?, next_activity_read = ?,
       next_activity_stale = ? WHERE id = ?`,
  )
  /** Writes a lead's next activity; answers whether anything changed. */
  const writeNext = (lead: NextOfLead, next: Omit<NextOfLead, 'id'>) => {
    const same =
      lead.nextId === next.nextId &&
      lead.due === next.due &&
      lead.read === next.read &&
      lead.stale === next.stale
    if (same) return false
    setNext.run(next.nextId, next.due, next.read, next.stale, lead.id)
    return true
  }
  /** What one activity, as Pipedrive has it now, says about one lead's next activity. */
  const applyTo = (lead: NextOfLead, activity: LeadActivity): boolean => {
    if (lead.nextId === activity.id) {
      // Done or deleted: the next one is another, to be found. Moved later: another may now
      // come first.
      const movedLater = lead.due !== null && (activity.due === null || activity.due > lead.due)
      return writeNext(lead, {
        nextId: lead.nextId,
        due: activity.open ? activity.due : lead.due,
        read: activity.id,
        stale: !activity.open || movedLater ? 1 : lead.stale,
      })
    }
    if (!activity.open || activity.leadId !== lead.id) return false
    const known = lead.nextId === null || lead.read === lead.nextId
    if (lead.stale === 0 && known) {
      const current = lead.nextId === null ? null : { id: lead.nextId, due: lead.due }
      if (current !== null && !precedes(activity, { ...current, leadId: lead.id, open: true })) {
        return false
      }
      return writeNext(lead, {
        nextId: activity.id,
        due: activity.due,
        read: activity.id,
        stale: 0,
      })
    }
    // The lead's next activity is not read yet: which comes first is found by asking.
    return writeNext(lead, { ...lead, stale: 1 })
  }
  const clear = db.transaction(() => {
    // Labels go with their leads (ON DELETE CASCADE).
    db.prepare('DELETE FROM inbox_lead').run()
    db.prepare('DELETE FROM inbox_meta').run()
  })

  return {
    upsert: db.transaction((leads: CachedLead[], listedAt: number) => {
      let changed = 0
      for (const lead of leads) {
        const labelIds = JSON.stringify(lead.labelIds)
        const result = upsertLead.run({
          id: lead.id,
          title: lead.title,
          ownerId: lead.ownerId,
          personId: lead.personId,
          organizationId: lead.organizationId,
          valueAmount: lead.value?.amount ?? null,
          valueCurrency: lead.value?.currency ?? null,
          expectedCloseDate: lead.expectedCloseDate,
          visibleTo: lead.visibleTo,
          wasSeen: lead.wasSeen ? 1 : 0,
          isArchived: lead.isArchived ? 1 : 0,
          addTime: lead.addTime,
          updateTime: lead.updateTime,
          labelIds,
          customFields: JSON.stringify(lead.customFields),
          listedAt,
          nextActivityId: lead.nextActivityId,
        })
        if (result.changes === 0) {
          markListed.run(listedAt, lead.id)
          continue
        }
        changed += 1
        const seq = seqOf.get(lead.id)
        dropLabels.run(seq)
        for (const labelId of lead.labelIds) addLabel.run(labelId, lead.isArchived ? 1 : 0, seq)
      }
      return changed
    }),
    unlistedSince: (listedAt, archived) =>
      db
        .prepare<[number, number], string>(
          'SELECT id FROM inbox_lead WHERE listed_at < ? AND is_archived = ?',
        )
        .pluck()
        .all(listedAt, archived ? 1 : 0),
    remove: (ids) =>
      ids.length === 0
        ? 0
        : db
            .prepare('DELETE FROM inbox_lead WHERE id IN (SELECT value FROM json_each(?))')
            .run(JSON.stringify(ids)).changes,
    list(query) {
      const view = query.archived ? 1 : 0
      const filters: Filter[] = []
      if (query.ownerId !== undefined) filters.push(['l.owner_id = ?', query.ownerId])
      if (query.labelId !== undefined) {
        filters.push([
          `EXISTS (SELECT 1 FROM inbox_lead_label x
             WHERE x.label_id = ? AND x.is_archived = l.is_archived AND x.lead_seq = l.seq)`,
          query.labelId,
        ])
      }
      if (query.personId !== undefined) filters.push(['l.person_id = ?', query.personId])
      if (query.organizationId !== undefined) {
        filters.push(['l.organization_id = ?', query.organizationId])
      }
      const unplanned =
        query.nextActivity === 'none'
          ? () =>
              (unplannedTally.get(view) ?? 0) -
              (prepared(
                `SELECT count(*) FROM inbox_lead WHERE id IN (${waitingActivityLeads})
                 AND is_archived = ? AND next_activity_id IS NULL`,
              )
                .pluck()
                .get(view) as number)
          : undefined
      // Its clause comes last and decides its way after the count: see `walk` below.
      let nextActivity: ((walk: boolean) => Filter) | undefined
      if (unplanned !== undefined) {
        nextActivity = (walk) => [
          // By seq, which every index holds, so a count never reads the leads themselves.
          `${walk ? '+' : ''}l.next_activity_id IS NULL AND l.seq NOT IN
             (SELECT seq FROM inbox_lead WHERE id IN (${waitingActivityLeads}))`,
        ]
      }
      let overdueAlone: (() => number) | undefined
      if (query.nextActivity === 'overdue') {
        // One index range up to the later of the two bounds. Below both, every due is
        // overdue (one comparison a lead); between them, a day is overdue before today and a
        // time before the current minute.
        const { today, minute } = overdueBounds(now())
        const [upper, lower] = today > minute ? [today, minute] : [minute, today]
        const clause = (walk: boolean, from = '') =>
          `${walk ? '+' : ''}l.next_activity_due < ? ${from} AND (l.next_activity_due < ?
             OR NOT (l.next_activity_due >= ? AND length(l.next_activity_due) = 10)
             AND NOT (l.next_activity_due >= ? AND length(l.next_activity_due) > 10))`
        nextActivity = (walk) => [clause(walk), upper, lower, today, minute]
        // Alone, the days before the lower bound's are summed from their tally; only the
        // leads due from that day on are read.
        const day = lower.slice(0, 10)
        overdueAlone = () =>
          overdueBefore.get(view, day)! +
          (prepared(
            `SELECT count(*) FROM inbox_lead l WHERE l.is_archived = ?
               AND ${clause(false, 'AND l.next_activity_due >= ?')}`,
          )
            .pluck()
            .get(view, upper, day, lower, today, minute) as number)
      }
      // Alone, "none planned" is counted by its tally; by owner, from the index of both;
      // with other filters, their indexes lead.
      const led = filters.length > 0 && query.ownerId === undefined
      if (nextActivity) filters.push(nextActivity(unplanned !== undefined && led))
      const terms = prefixTerms(query.text ?? '').slice(0, maxTerms)
      const search = terms.length > 0 ? searchOf(terms, view) : undefined
      const viewSize = () => tallyOf.get(view) ?? 0
      const total = countOf(
        filters,
        search,
        query.labelId,
        view,
        viewSize,
        unplanned ?? overdueAlone,
      )
      // Few matches: read them and sort them. Many: walk the sort's index and keep the
      // matches, which finds a page after (offset + limit) × view / matches leads; a step of
      // that walk costs about a tenth of reading a match. The unary + keeps SQLite from
      // choosing the other way.
      const walk = (query.offset + query.limit) * viewSize() < 10 * total * total
      if (nextActivity) filters[filters.length - 1] = nextActivity(walk)
      const sort = query.sort ?? 'update_time'
      const order = orderBy[sort][query.direction ?? defaultDirection[sort]]
      const where = ['l.is_archived = ?', ...filters.map(([clause]) => clause)]
      const params: unknown[] = [view, ...valuesOf(filters)]
      if (search !== undefined) {
        where.push(`${walk ? '+' : ''}l.seq IN ${matching(search)}`)
        params.push(search.match)
      }
      // Few matches of a search are read by rowid and sorted: left to itself, SQLite walks the
      // sort's whole index for them (tens of milliseconds for a rare name at 100,000 leads).
      const readMatches = search !== undefined && !walk ? ' NOT INDEXED' : ''
      // The page is chosen on the lead table alone; names are joined for its rows only, not
      // for every row an OFFSET skips.
      const rows = prepared(
        `WITH page AS (SELECT l.seq FROM inbox_lead l${readMatches} WHERE ${where.join(' AND ')}
           ORDER BY ${order} LIMIT ? OFFSET ?)
         SELECT ${leadColumns}
         FROM page JOIN inbox_lead l ON l.seq = page.seq
         LEFT JOIN catalog_user u ON u.id = l.owner_id
         LEFT JOIN catalog_person p ON p.id = l.person_id
         LEFT JOIN catalog_organization o ON o.id = l.organization_id
         ORDER BY ${order}`,
      )
        .raw()
        .all(...params, query.limit, query.offset) as LeadRow[]
      return { total, items: rows.map(toLead) }
    },
    unknownContacts() {
      const count = (sql: string) => db.prepare<[], number>(sql).pluck().get() ?? 0
      return {
        persons: count(
          `SELECT count(DISTINCT person_id) FROM inbox_lead WHERE person_id IS NOT NULL
           AND person_id NOT IN (SELECT id FROM catalog_person)`,
        ),
        organizations: count(
          `SELECT count(DISTINCT organization_id) FROM inbox_lead
           WHERE organization_id IS NOT NULL
           AND organization_id NOT IN (SELECT id FROM catalog_organization)`,
        ),
      }
    },
    applyActivities: db.transaction((activities: readonly LeadActivity[]) => {
      const touched = new Set<string>()
      for (const activity of activities) {
        const leads = leadsWithNext.all(activity.id)
        const own = activity.leadId === null ? undefined : nextOfLead.get(activity.leadId)
        if (own && !leads.some((lead) => lead.id === own.id)) leads.push(own)
        for (const lead of leads) if (applyTo(lead, activity)) touched.add(lead.id)
      }
      return touched.size
    }),
    unreadNextActivities: () =>
      db
        .prepare<[], number>(
          // The leads changed last, which the user sees first, are read first.
          `SELECT next_activity_id FROM inbox_lead
           WHERE next_activity_id IS NOT NULL AND next_activity_read IS NOT next_activity_id
           GROUP BY next_activity_id ORDER BY max(update_time) DESC`,
        )
        .pluck()
        .all(),
    nextActivitiesUnreadable: (ids) =>
      ids.length === 0
        ? 0
        : db
            .prepare(
              `UPDATE inbox_lead SET next_activity_read = next_activity_id, next_activity_due = NULL
               WHERE is_archived IN (0, 1)
                 AND next_activity_id IN (SELECT value FROM json_each(?))`,
            )
            .run(JSON.stringify(ids)).changes,
    staleNextActivities: (limit) =>
      db
        .prepare<[number], string>(
          'SELECT id FROM inbox_lead WHERE next_activity_stale = 1 LIMIT ?',
        )
        .pluck()
        .all(limit),
    setOpenActivities(leadId, open) {
      const lead = nextOfLead.get(leadId)
      if (!lead) return 0
      const first = earliest(open)
      return writeNext(lead, {
        nextId: first?.id ?? null,
        due: first?.due ?? null,
        read: first?.id ?? null,
        stale: 0,
      })
        ? 1
        : 0
    },
    meta,
    setMeta,
    adoptAccount: db.transaction((account: string) => {
      const owner = meta('account')
      if (owner === account) return false
      const hadLeads = db.prepare('SELECT 1 FROM inbox_lead LIMIT 1').get() !== undefined
      clear()
      setMeta('account', account)
      return owner !== undefined || hadLeads
    }),
    clear,
  }
}
