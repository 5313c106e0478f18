import type { RefreshStatus } from '../../../shared/ipc/contract'
import type { AccountSession } from '../accounts/account-session'
import type { Logger } from '../log/logger'
import { PipedriveFailure } from '../pipedrive/failure'
import type { CursorPage } from '../pipedrive/pagination'
import type { PipedriveClient } from '../pipedrive/pipedrive-client'
import type { PipedriveResponse } from '../pipedrive/pipedrive-http'
import type { NetworkSignals } from '../sync/network'
import type { Catalog } from './catalog'
import {
  parseActivityTypes,
  parseCurrencies,
  parseCustomFields,
  parseLabels,
  parseOrganizations,
  parsePersons,
  parseUsers,
  type ContactPage,
} from './pipedrive-catalog'
import { updatedSince } from './pipedrive-time'
import { freshnessPlan, type Attention, type FreshnessPlan } from '../freshness/freshness-plan'
import { createRefreshSchedule, type Timers } from './refresh-schedule'

/** What a refresh needs of the signed-in account. */
export type CatalogSession = Pick<AccountSession, 'account' | 'client'>

export interface CatalogRefresherOptions {
  catalog: Catalog
  session(): CatalogSession | null
  network: NetworkSignals
  log: Logger
  /** Something stored changed: the windows refetch. */
  onChange(): void
  now?: () => number
  timers?: Timers
  /** How often to look, by what the user is looking at. */
  plan?: FreshnessPlan
  /** Until told otherwise: before a window shows, nobody is looking. */
  attention?: Attention
  /** A complete listing of persons and organizations, which drops the deleted ones. */
  fullEveryMs?: number
  pageSize?: number
  /** Pages one listing of persons or organizations may take before it is given up. */
  maxPages?: number
}

export interface CatalogRefresher {
  start(): void
  stop(): Promise<void>
  /** Soon: the account changed, or a lead names a person the catalog does not know. */
  wake(reason: string): void
  /** Now, everything; resolves when done. Failures are in the status, never thrown. */
  refresh(): Promise<RefreshStatus>
  /** How much the user is looking: the catalog looks as often as the plan says for that. */
  setAttention(attention: Attention): void
  /** Quick add opened: a catalog older than the plan allows is read again. */
  quickAddOpened(): void
  status(): RefreshStatus
}

/** The session changed under a refresh: what it read belongs to someone else. */
class AccountChanged extends Error {}

/**
 * A cursor listing that would never end: Pipedrive handed back a cursor this listing had
 * already asked for, or kept giving cursors past the page bound.
 */
export class RunawayListing extends Error {
  override name = 'RunawayListing'
}

/** As many pages as the client's own pager reads (src/main/core/pipedrive/pagination.ts). */
const defaultMaxPages = 1_000

const meta = {
  referenceAt: 'reference.refreshedAt',
  refreshedAt: 'refreshedAt',
  cursor: (kind: ContactKind) => `${kind}.cursor`,
  fullAt: (kind: ContactKind) => `${kind}.fullAt`,
}
type ContactKind = 'persons' | 'organizations'

/**
 * Keeps the catalog in step with Pipedrive in the background: at sign-in, as often as the
 * freshness plan says for what the user is looking at while signed in and online, and on
 * demand. Persons and organizations come by cursor, only
 * what changed since the newest one stored, with a complete listing once a day that also
 * drops deleted ones; a complete listing cut short resumes from its stored cursor. Every
 * request goes through the session's client and so its rate limiter.
 */
export function createCatalogRefresher(options: CatalogRefresherOptions): CatalogRefresher {
  const { catalog, log } = options
  const now = options.now ?? Date.now
  const plan = options.plan ?? freshnessPlan
  const referenceEveryMs = plan.catalogReferenceEvery
  const fullEveryMs = options.fullEveryMs ?? 24 * 60 * 60_000
  const pageSize = options.pageSize ?? 500
  const maxPages = options.maxPages ?? defaultMaxPages
  // A record changed while a listing paged may sit behind the newest one it saw.
  const overlapMs = 10 * 60_000
  let forceReference = false

  const age = (key: string) => {
    const at = Number(catalog.meta(key))
    return Number.isFinite(at) ? now() - at : Number.POSITIVE_INFINITY
  }

  async function refreshReference(client: PipedriveClient, signal: AbortSignal, check: () => void) {
    const [me, users, labels, currencies, fields, activityTypes] = await Promise.all([
      client.getCurrentUser({ signal }),
      client.getUsers({ signal }),
      client.getLeadLabels({ signal }),
      client.getCurrencies(undefined, { signal }),
      client.listDealFields(pageSize, { signal }),
      // A sign-in from before Leadbox asked for activities may not grant them: the rest of
      // the catalog still refreshes, and quick add offers no activity.
      client.getActivityTypes({ signal }).catch((error: unknown) => {
        if (error instanceof PipedriveFailure && error.kind === 'forbidden') return null
        throw error
      }),
    ])
    check()
    if (activityTypes === null) log.warn('catalog refresh may not read activity types')
    const meId = (me.data as { id?: unknown }).id
    const parsed = {
      users: parseUsers(users.data, typeof meId === 'number' ? meId : -1),
      labels: parseLabels(labels.data),
      currencies: parseCurrencies(currencies.data),
      fields: parseCustomFields(fields),
      activityTypes: parseActivityTypes(activityTypes?.data),
    }
    const skipped = Object.entries(parsed).filter(([, list]) => list.skipped > 0)
    if (skipped.length > 0) {
      log.warn(
        Object.fromEntries(skipped.map(([name, list]) => [name, list.skipped])),
        'catalog refresh skipped records it could not read',
      )
    }
    const changed = catalog.replaceReference({
      users: parsed.users.items,
      labels: parsed.labels.items,
      currencies: parsed.currencies.items,
      fields: parsed.fields.items,
      activityTypes: activityTypes === null ? null : parsed.activityTypes.items,
    })
    catalog.setMeta(meta.referenceAt, String(now()))
    return changed
  }

  async function refreshContacts<T extends { id: number }>(
    kind: ContactKind,
    list: (query: {
      cursor?: string
      limit: number
      updated_since?: string
    }) => Promise<PipedriveResponse<CursorPage<unknown>>>,
    parse: (raw: unknown) => ContactPage<T>,
    store: {
      upsert(items: T[]): number
      remove(ids: number[]): number
      removeExcept(ids: number[]): number
      latest(): string | null
    },
    check: () => void,
  ): Promise<boolean> {
    const resumeFrom = catalog.meta(meta.cursor(kind))
    const full = resumeFrom !== undefined || age(meta.fullAt(kind)) >= fullEveryMs
    const latest = full ? null : store.latest()
    // A complete listing that starts from the top names every record: the rest are gone.
    const seen = full && resumeFrom === undefined ? new Set<number>() : null
    let cursor = full ? resumeFrom : undefined
    let changed = false
    let skipped = 0
    // Every cursor this listing asked for: one handed back again would start a loop.
    const asked = new Set<string>()
    let pages = 0
    do {
      if (cursor) asked.add(cursor)
      const query = {
        limit: pageSize,
        ...(cursor ? { cursor } : {}),
        ...(latest ? { updated_since: updatedSince(latest, overlapMs) } : {}),
      }
      let page: PipedriveResponse<CursorPage<unknown>>
      try {
        page = await list(query)
      } catch (error) {
        // A stored cursor may have expired: start the listing over next time.
        if (cursor && cursor === resumeFrom && error instanceof PipedriveFailure) {
          if (error.kind === 'validation') catalog.deleteMeta(meta.cursor(kind))
        }
        throw error
      }
      check()
      const parsed = parse(page.data.items)
      skipped += parsed.skipped
      changed = store.upsert(parsed.items) > 0 || changed
      changed = store.remove(parsed.deleted) > 0 || changed
      for (const item of parsed.items) seen?.add(item.id)
      pages += 1
      cursor = page.data.nextCursor ?? undefined
      // What the pages read stays stored either way; only the listing ends here, failed, so
      // it neither drops records it did not see nor counts as complete.
      if (cursor && asked.has(cursor)) {
        // A cursor that leads back into the listing is no place to resume from: the next
        // complete listing starts from the top.
        if (full) catalog.deleteMeta(meta.cursor(kind))
        throw runaway(kind, pages, `Pipedrive repeated a ${kind} cursor after ${pages} pages`)
      }
      if (full) {
        if (cursor) catalog.setMeta(meta.cursor(kind), cursor)
        else catalog.deleteMeta(meta.cursor(kind))
      }
      // The stored cursor stays: the next refresh resumes the listing where this one stopped.
      if (cursor && pages >= maxPages) {
        throw runaway(kind, pages, `Pipedrive's ${kind} list did not end after ${pages} pages`)
      }
    } while (cursor)
    if (seen) changed = store.removeExcept([...seen]) > 0 || changed
    if (full) catalog.setMeta(meta.fullAt(kind), String(now()))
    if (skipped > 0)
      log.warn({ kind, skipped }, 'catalog refresh skipped records it could not read')
    return changed
  }

  function runaway(kind: ContactKind, pages: number, message: string): RunawayListing {
    const error = new RunawayListing(`${message}; gave the listing up`)
    log.error({ kind, pages, maxPages }, error.message)
    return error
  }

  async function run(signal: AbortSignal): Promise<boolean> {
    const session = options.session()
    if (!session) return false
    const { account } = session
    const client = session.client.for('catalog')
    const check = () => {
      if (options.session()?.account !== account) throw new AccountChanged()
    }
    let changed = catalog.adoptAccount(account)
    if (changed) log.info('catalog cleared: another account signed in')
    try {
      if (forceReference || age(meta.referenceAt) >= referenceEveryMs) {
        forceReference = false
        changed = (await refreshReference(client, signal, check)) || changed
      }
      changed =
        (await refreshContacts(
          'persons',
          (query) => client.getPersons(query, { signal }),
          parsePersons,
          {
            upsert: (items) => catalog.upsertPersons(items),
            remove: (ids) => catalog.removePersons(ids),
            removeExcept: (ids) => catalog.removePersonsExcept(ids),
            latest: () => catalog.latestPersonUpdate(),
          },
          check,
        )) || changed
      changed =
        (await refreshContacts(
          'organizations',
          (query) => client.getOrganizations(query, { signal }),
          parseOrganizations,
          {
            upsert: (items) => catalog.upsertOrganizations(items),
            remove: (ids) => catalog.removeOrganizations(ids),
            removeExcept: (ids) => catalog.removeOrganizationsExcept(ids),
            latest: () => catalog.latestOrganizationUpdate(),
          },
          check,
        )) || changed
      catalog.setMeta(meta.refreshedAt, String(now()))
      return true
    } catch (error) {
      // The next account's refresh is already on its way (sign-in wakes it).
      if (error instanceof AccountChanged) return false
      throw error
    } finally {
      if (changed) options.onChange()
    }
  }

  const schedule = createRefreshSchedule({
    name: 'catalog',
    run,
    ready: () => options.session() !== null && options.network.isOnline(),
    network: options.network,
    log,
    periodMs: plan.catalogEvery[options.attention ?? 'hidden'],
    now,
    ...(options.timers ? { timers: options.timers } : {}),
    lastRefreshAt: Number(catalog.meta(meta.refreshedAt)) || null,
  })

  return {
    start: schedule.start,
    stop: schedule.stop,
    wake: (reason) => schedule.wake(reason),
    refresh() {
      forceReference = true
      return schedule.refresh('on demand')
    },
    setAttention: (attention) => schedule.setPeriod(plan.catalogEvery[attention]),
    quickAddOpened() {
      const { lastRefreshAt, refreshing } = schedule.status()
      if (
        refreshing ||
        (lastRefreshAt !== null && now() - lastRefreshAt < plan.catalogOnQuickAddAfter)
      ) {
        return
      }
      schedule.wake('quick add opened')
    },
    status: schedule.status,
  }
}
