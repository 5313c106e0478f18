import type { RefreshStatus } from '../../../shared/ipc/contract'
import type { CatalogSession } from '../catalog/catalog-refresh'
import { isoTime, updatedSince } from '../catalog/pipedrive-time'
import { createRefreshSchedule, type Timers } from '../catalog/refresh-schedule'
import { freshnessPlan, type Attention, type FreshnessPlan } from '../freshness/freshness-plan'
import type { Logger } from '../log/logger'
import { PipedriveFailure } from '../pipedrive/failure'
import type { Page } from '../pipedrive/pagination'
import type { PipedriveClient } from '../pipedrive/pipedrive-client'
import type { NetworkSignals } from '../sync/network'
import type { InboxCache } from './inbox-cache'
import { parseActivity, type LeadActivity } from './pipedrive-activity'
import { parseLead, type CachedLead } from './pipedrive-lead'

export interface InboxRefresherOptions {
  cache: InboxCache
  session(): CatalogSession | null
  network: NetworkSignals
  log: Logger
  /** Something cached changed: the windows refetch. */
  onChange(): void
  /** Leads name persons or organizations the catalog does not know yet. */
  onUnknownContacts?(): void
  now?: () => number
  timers?: Timers
  /** How often to look, by what the user is looking at. */
  plan?: FreshnessPlan
  /** Until told otherwise: before a window shows, nobody sees the inbox. */
  attention?: Attention
  /** A complete listing of archived leads, which are many and rarely change. */
  archivedFullEveryMs?: number
  /** How far back each incremental look reaches past the newest lead seen. */
  overlapMs?: number
  /** After the sync engine sent something: wait this long for more, then look. */
  afterSendDelayMs?: number
  pageSize?: number
  /** Leads missing from a complete listing are checked one by one up to this many. */
  checkMissingUpTo?: number
}

export interface InboxRefresher {
  start(): void
  stop(): Promise<void>
  wake(reason: string): void
  /** The sync engine delivered something: the inbox shows it soon. */
  leadsSent(): void
  /** Now, everything; resolves when done. Failures are in the status, never thrown. */
  refresh(): Promise<RefreshStatus>
  /** How much the user looks at the inbox: it looks as often as the plan says for that. */
  setAttention(attention: Attention): void
  /**
   * The user opened the archive: archived leads are read, unless they were a moment ago.
   * Nothing reads them by timer (40 tokens a page).
   */
  archiveOpened(): void
  status(): RefreshStatus
}

class AccountChanged extends Error {}

const meta = {
  /** Newest update_time seen in /leads and in /leads/archived: where the next look starts. */
  liveSince: 'leads.since',
  archivedSince: 'archived.since',
  archivedAt: 'archived.checkedAt',
  archivedFullAt: 'archived.fullAt',
  fullAt: 'full.refreshedAt',
  refreshedAt: 'refreshedAt',
  /** Newest update_time seen among activities, and when they were last read. */
  activitiesSince: 'activities.since',
  activitiesAt: 'activities.checkedAt',
}

/** v2 GET /activities takes up to 100 ids a request. */
const idsPerRequest = 100
/** At most this many requests of due dates a look: a big company's first look spreads out. */
const idRequestsPerLook = 10

const activitiesOf = (items: readonly unknown[]): LeadActivity[] =>
  items.flatMap((raw) => {
    const activity = parseActivity(raw)
    return activity ? [activity] : []
  })

const later = (a: string | undefined, b: string | null) =>
  b !== null && (a === undefined || b > a) ? b : (a ?? null)

/**
 * Keeps the cached Leads Inbox in step with Pipedrive, as often as the freshness plan says
 * for what the user is looking at. Each look asks /leads for what changed since the newest
 * lead it has seen (`updated_since`, with an overlap for leads that changed while it paged).
 * /leads holds only live leads: when the user opens the archive, /leads/archived is read
 * newest first until it reaches leads it has seen. Converted and deleted leads leave both
 * lists; a complete listing (every few hours for live leads, daily for archived ones) finds
 * them, and each missing lead is checked on its own before it goes, as offset paging can
 * skip a lead when another leaves the list meanwhile.
 */
export function createInboxRefresher(options: InboxRefresherOptions): InboxRefresher {
  const { cache, log } = options
  const now = options.now ?? Date.now
  const plan = options.plan ?? freshnessPlan
  const fullEveryMs = plan.inboxFullEvery
  const archivedFullEveryMs = options.archivedFullEveryMs ?? 24 * 60 * 60_000
  const overlapMs = options.overlapMs ?? 10 * 60_000
  const afterSendDelayMs = options.afterSendDelayMs ?? 2_000
  const pageSize = options.pageSize ?? 500
  const checkMissingUpTo = options.checkMissingUpTo ?? 20
  /** On demand: archived leads too, and a complete listing unless one just ran. */
  let onDemand = false
  /** The archive was opened with stale leads: the next look reads it. */
  let archiveWanted = false
  let lastStartedAt = 0
  let lastUnknown = '0:0'
  // Refresh clicked twice in a row lists everything once, not twice.
  const onDemandFullAfterMs = 5 * 60_000

  const age = (key: string) => {
    const at = Number(cache.meta(key))
    return Number.isFinite(at) ? now() - at : Number.POSITIVE_INFINITY
  }

  /** Pages through one list, storing each page as it comes; answers leads changed. */
  async function listAll(
    fetchPage: (start: number) => Promise<Page<unknown>>,
    archived: boolean,
    listedAt: number,
    check: () => void,
    /** Stops paging once a page reaches leads older than this (lists sorted newest first). */
    stopBelow?: string,
  ): Promise<{ changed: number; newest: string | null }> {
    let start: number | null = 0
    let changed = 0
    let newest: string | null = null
    let skipped = 0
    for (let page = 0; start !== null && page < 1_000; page++) {
      const result = await fetchPage(start)
      check()
      const leads: CachedLead[] = []
      for (const raw of result.items) {
        const lead = parseLead(raw, archived)
        if (!lead) skipped += 1
        else leads.push(lead)
      }
      const fresh = stopBelow === undefined ? leads : leads.filter((l) => l.updateTime >= stopBelow)
      changed += cache.upsert(fresh, listedAt)
      for (const lead of fresh)
        if (newest === null || lead.updateTime > newest) newest = lead.updateTime
      start = fresh.length < leads.length ? null : result.nextStart
    }
    if (skipped > 0)
      log.warn({ archived, skipped }, 'inbox refresh skipped leads it could not read')
    return { changed, newest }
  }

  const live = (client: PipedriveClient, signal: AbortSignal, since?: string) => (start: number) =>
    client
      .getLeads({ start, limit: pageSize, ...(since ? { updated_since: since } : {}) }, { signal })
      .then((r) => r.data)

  // The spec's enum names only fields, but its text (and Pipedrive) take "field DIRECTION".
  const newestFirst = 'update_time DESC' as 'update_time'
  const archivedLeads =
    (client: PipedriveClient, signal: AbortSignal, byNewest: boolean) => (start: number) =>
      client
        .getArchivedLeads(
          { start, limit: pageSize, ...(byNewest ? { sort: newestFirst } : {}) },
          { signal },
        )
        .then((r) => r.data)

  /**
   * Leads a complete listing did not name: gone, unless Pipedrive still has them (a live
   * lead archived meanwhile, or one that offset paging skipped).
   */
  async function settleMissing(
    client: PipedriveClient,
    signal: AbortSignal,
    listedAt: number,
    archived: boolean,
    check: () => void,
  ): Promise<number> {
    const missing = cache.unlistedSince(listedAt, archived)
    if (missing.length > checkMissingUpTo) return cache.remove(missing)
    let changed = 0
    for (const id of missing) {
      try {
        const found = await client.getLead(id, { signal })
        check()
        const lead = parseLead(found.data, false)
        if (lead) changed += cache.upsert([lead], listedAt)
      } catch (error) {
        if (!(error instanceof PipedriveFailure) || error.kind !== 'not_found') throw error
        check()
        changed += cache.remove([id])
      }
    }
    return changed
  }

  /**
   * Each lead's next activity and when it is due. The lead listings name the next activity,
   * but the official spec does not say that a lead's update_time moves when its next activity
   * is added, done or moved (it only calls next_activity_id "the ID of the next activity
   * associated with the lead"), so an incremental listing may not see it. Activities changed
   * since the last read are therefore read too (done ones included: marking the next one done
   * changes which is next), on the plan's own cadence, and due dates are read by id, 100 a
   * request, only for next activities not read before.
   */
  async function readNextActivities(
    client: PipedriveClient,
    signal: AbortSignal,
    startedAt: number,
    asked: boolean,
    check: () => void,
  ): Promise<number> {
    let changed = 0
    const since = cache.meta(meta.activitiesSince)
    if (since === undefined) {
      // The first look listed every lead with its next activity: changes start from here.
      cache.setMeta(meta.activitiesSince, new Date(startedAt).toISOString())
      cache.setMeta(meta.activitiesAt, String(startedAt))
    } else if (asked || age(meta.activitiesAt) >= plan.inboxActivitiesEvery) {
      const items = await client.listActivities(
        { updated_since: updatedSince(since, overlapMs), sort_by: 'update_time' },
        pageSize,
        { signal },
      )
      check()
      changed += cache.applyActivities(activitiesOf(items))
      let newest: string | null = null
      for (const item of items) {
        const time = isoTime((item as { update_time?: unknown }).update_time)
        if (time !== null && (newest === null || time > newest)) newest = time
      }
      const next = later(since, newest)
      if (next) cache.setMeta(meta.activitiesSince, next)
      cache.setMeta(meta.activitiesAt, String(startedAt))
    }
    // A next activity done, deleted or moved later: the lead's open activities say which
    // comes first now.
    for (const leadId of cache.staleNextActivities(checkMissingUpTo)) {
      const open = await client.listActivities({ lead_id: leadId, done: false }, pageSize, {
        signal,
      })
      check()
      changed += cache.setOpenActivities(leadId, activitiesOf(open))
    }
    const unread = cache.unreadNextActivities().slice(0, idsPerRequest * idRequestsPerLook)
    for (let at = 0; at < unread.length; at += idsPerRequest) {
      const ids = unread.slice(at, at + idsPerRequest)
      const page = await client.getActivities(
        { ids: ids.join(','), limit: idsPerRequest },
        { signal },
      )
      check()
      const found = activitiesOf(page.data.items)
      changed += cache.applyActivities(found)
      // Deleted, or not visible to this user: planned, with no due date to show.
      const returned = new Set(found.map((activity) => activity.id))
      changed += cache.nextActivitiesUnreadable(ids.filter((id) => !returned.has(id)))
    }
    return changed
  }

  async function run(signal: AbortSignal): Promise<boolean> {
    const session = options.session()
    if (!session) return false
    lastStartedAt = now()
    const { account } = session
    const client = session.client.for('inbox')
    const check = () => {
      if (options.session()?.account !== account) throw new AccountChanged()
    }
    let changed = cache.adoptAccount(account) ? 1 : 0
    const asked = onDemand
    onDemand = false
    const forArchive = archiveWanted
    archiveWanted = false
    try {
      const startedAt = now()
      // Live leads: all of them every few hours (or on demand), else what changed since the
      // last look.
      const liveFull =
        age(meta.fullAt) >= (asked ? Math.min(onDemandFullAfterMs, fullEveryMs) : fullEveryMs)
      const liveSince = liveFull ? undefined : cache.meta(meta.liveSince)
      const liveList = await listAll(
        live(client, signal, liveSince ? updatedSince(liveSince, overlapMs) : undefined),
        false,
        startedAt,
        check,
      )
      changed += liveList.changed
      if (liveFull) changed += await settleMissing(client, signal, startedAt, false, check)
      const newestLive = later(cache.meta(meta.liveSince), liveList.newest)
      if (newestLive) cache.setMeta(meta.liveSince, newestLive)
      if (liveFull) cache.setMeta(meta.fullAt, String(startedAt))

      // Archived leads, when the user opens the archive (or asks): all of them daily (there
      // may be years of them, at 40 tokens a page), else newest first down to the newest one
      // seen.
      const archivedDue =
        asked ||
        forArchive ||
        (plan.archivedEvery !== null && age(meta.archivedAt) >= plan.archivedEvery)
      if (archivedDue) {
        const archivedFull = age(meta.archivedFullAt) >= archivedFullEveryMs
        const archivedSince = archivedFull ? undefined : cache.meta(meta.archivedSince)
        const archivedList = await listAll(
          archivedLeads(client, signal, !archivedFull),
          true,
          startedAt,
          check,
          archivedSince ? updatedSince(archivedSince, overlapMs) : undefined,
        )
        changed += archivedList.changed
        if (archivedFull) changed += await settleMissing(client, signal, startedAt, true, check)
        const newestArchived = later(cache.meta(meta.archivedSince), archivedList.newest)
        if (newestArchived) cache.setMeta(meta.archivedSince, newestArchived)
        if (archivedFull) cache.setMeta(meta.archivedFullAt, String(startedAt))
        cache.setMeta(meta.archivedAt, String(startedAt))
      }
      changed += await readNextActivities(client, signal, startedAt, asked, check)
      cache.setMeta(meta.refreshedAt, String(now()))
      // Once per new set of unknown names: a person the user may not see stays unknown, and
      // must not cost a catalog refresh every two minutes.
      const unknown = cache.unknownContacts()
      const unknownKey = `${unknown.persons}:${unknown.organizations}`
      if (unknownKey !== lastUnknown && unknown.persons + unknown.organizations > 0) {
        options.onUnknownContacts?.()
      }
      lastUnknown = unknownKey
      return true
    } catch (error) {
      if (error instanceof AccountChanged) return false
      // The retry still reads the archive the user opened.
      if (forArchive) archiveWanted = true
      throw error
    } finally {
      if (changed > 0) options.onChange()
    }
  }

  const schedule = createRefreshSchedule({
    name: 'inbox',
    run,
    ready: () => options.session() !== null && options.network.isOnline(),
    network: options.network,
    log,
    periodMs: plan.inboxEvery[options.attention ?? 'hidden'],
    now,
    ...(options.timers ? { timers: options.timers } : {}),
    lastRefreshAt: Number(cache.meta(meta.refreshedAt)) || null,
  })

  return {
    start: schedule.start,
    stop: schedule.stop,
    wake: (reason) => schedule.wake(reason),
    leadsSent() {
      // A drain sends many leads: one look a little after, and not more than every 5 s.
      const wait = Math.max(afterSendDelayMs, lastStartedAt + 5_000 - now())
      schedule.wake('leads sent', wait)
    },
    refresh() {
      onDemand = true
      return schedule.refresh('on demand')
    },
    setAttention(attention) {
      schedule.setPeriod(plan.inboxEvery[attention])
    },
    archiveOpened() {
      if (archiveWanted || age(meta.archivedAt) < plan.archivedStaleAfter) return
      archiveWanted = true
      schedule.wake('archive opened')
    },
    status: schedule.status,
  }
}
