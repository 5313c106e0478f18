import { join } from 'node:path'
import type { ApiUsage } from '../../shared/api-usage'
import type {
  AppInfo,
  DatabaseHealth,
  QuickAddContextData,
  SyncStatus,
} from '../../shared/ipc/contract'
import { openExternalUrl } from './links/external-link'
import { createClipboardOffer, type ClipboardOffer } from './capture/clipboard-offer'
import { createAccounts, type Accounts } from './accounts/accounts'
import type { SecretStore } from './auth/secret-store'
import { openDatabase, type Db } from './db/database'
import { keepQueryStatistics, type QueryStatistics } from './db/query-statistics'
import { checkIntegrityLater, type IntegrityCheck } from './db/integrity-check'
import { createCoreEvents, type CoreEvents } from './events/core-events'
import { createFileLogger, type Logger } from './log/logger'
import { createCatalog, type Catalog } from './catalog/catalog'
import { createCatalogRefresher, type CatalogRefresher } from './catalog/catalog-refresh'
import type { Timers } from './catalog/refresh-schedule'
import { freshnessPlan, type Attention, type FreshnessPlan } from './freshness/freshness-plan'
import { createContactSearch, type ContactSearch } from './catalog/contact-search'
import { createLabelCreator, type LabelCreator } from './catalog/label-creator'
import { createTokenLedger, type TokenLedger } from './ledger/token-ledger'
import { createInboxCache, type InboxCache } from './leads/inbox-cache'
import { createInboxRefresher, type InboxRefresher } from './leads/inbox-refresh'
import { createLeadTimelines, type LeadTimelines } from './leads/lead-timeline'
import { createLeadTimelineCache } from './leads/lead-timeline-cache'
import { parseLead } from './leads/pipedrive-lead'
import { createOutbox, type Outbox } from './outbox/outbox'
import type { ActivityCreatePayload } from './outbox/row-writer'
import { lostRequestTiming, type LostRequestTiming } from './outbox/lost-requests'
import { createActivityChanges, type ActivityChanges } from './outbox/activity-changes'
import { createOutboxQueue } from './outbox/outbox-queue'
import { createLeadChanges, type LeadChanges } from './outbox/lead-changes'
import { createLeadSeeds, type LeadSeeds } from './outbox/lead-seeds'
import { createPendingLeads, type PendingLeads } from './outbox/pending-lead'
import { createSettingsStore, type SettingsStore } from './settings/settings-store'
import type { NetworkSignals } from './sync/network'
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from './sync/sync-engine'
import { currentSyncStatus } from './sync/sync-status'

/** Everything the platform gives the core. Electron's pieces in the app, Node's in tests. */
export interface CoreOptions {
  /** The user-data folder: the database and the logs live here. */
  dataDir: string
  version: string
  platform: string
  fetch: typeof fetch
  secrets: SecretStore
  network: NetworkSignals
  /** Opens a URL in the system browser (already validated by the core). */
  openExternal(url: string): Promise<void>
  /** Opens a folder in the OS file manager; resolves to an error message or ''. */
  openPath(path: string): Promise<string>
  /** better-sqlite3 built for the running runtime, when it is not the one in node_modules. */
  sqliteBinding?: string
  now?: () => number
  /** A native notification: rows that need the user while the window may be hidden. */
  notify?(title: string, body: string): void
  /**
   * Development only (never from the renderer): one URL that replaces Pipedrive's API and
   * OAuth hosts, e.g. the sandbox at http://127.0.0.1:8787.
   */
  pipedriveUrl?: string
  /** The Pipedrive app built into this copy; otherwise it can be entered in Settings. */
  oauthClient?: { clientId: string; clientSecret: string }
  /** The loopback port of the OAuth callback URL (default 53682). */
  oauthCallbackPort?: number
  /**
   * Refresh the catalog and the inbox from Pipedrive by themselves (default true). Off for
   * tests and tools that count requests; `refresh()` still works.
   */
  backgroundRefresh?: boolean
  /** What to read from Pipedrive and how often (default: the product's plan). */
  freshness?: FreshnessPlan
  /** The background refreshes' timers; a simulated day passes its own clock's. */
  timers?: Timers
  /** How long one request to Pipedrive may take once it has left (default 30 s). */
  requestTimeoutMs?: number
  /** The sync engine's clock for unanswered requests; tests and tools shorten it. */
  sync?: Partial<LostRequestTiming> & Pick<SyncEngineOptions, 'concurrency'>
}

export interface Core {
  log: Logger
  db: Db
  database: DatabaseHealth
  /** The database's check after a start, when the file was too large to check at open. */
  integrityCheck: IntegrityCheck | null
  /** Keeps SQLite's table statistics current, so queries keep good plans as the cache grows. */
  queryStatistics: QueryStatistics
  settings: SettingsStore
  outbox: Outbox
  /** Edits, archives and deletes of leads, queued in the outbox like captures. */
  leadChanges: LeadChanges
  /** Notes and activities added to a lead, and activities marked done, queued likewise. */
  activityChanges: ActivityChanges
  /** Leads not yet in Pipedrive, as whole drafts to edit. */
  pendingLeads: PendingLeads
  /** Quick add's hand-over of an unfinished lead to the full form. */
  leadSeeds: LeadSeeds
  /** What the clipboard held when the user opened quick add, offered there once. */
  clipboardOffer: ClipboardOffer
  catalog: Catalog
  /** What quick add reads a line against: the catalog, and what still waits in the outbox. */
  quickAddContext(): QuickAddContextData
  /** Keeps the catalog in step with Pipedrive: at sign-in, while looked at, on demand. */
  catalogRefresher: CatalogRefresher
  /** Pipedrive's own person and organization search, for the typeahead; hits are cached. */
  contactSearch: ContactSearch
  /** New lead labels, created in Pipedrive while online and cached at once. */
  labelCreator: LabelCreator
  /** The cached Pipedrive Leads Inbox, readable offline. */
  inbox: InboxCache
  /** Keeps the inbox in step: at sign-in, while looked at, when the archive opens, on demand. */
  inboxRefresher: InboxRefresher
  /** A lead's activities and notes for its pane, read when opened and kept for offline. */
  leadTimelines: LeadTimelines
  /** How much the user is looking at the inbox; the refreshes follow. */
  setAttention(attention: Attention): void
  /** The Pipedrive account: sign-in, sign-out, and `session()` for whatever talks to Pipedrive. */
  accounts: Accounts
  /** Sends the outbox to Pipedrive while signed in and online. */
  sync: SyncEngine
  /** Every request to Pipedrive with its token cost, per account, day and purpose. */
  ledger: TokenLedger
  /** The signed-in account's use of the API today; null when signed out. */
  usageToday(): ApiUsage | null
  secrets: SecretStore
  events: CoreEvents
  logDir: string
  info(): AppInfo
  syncStatus(): SyncStatus
  /** Tells the windows the outbox moved: they refetch what they show. */
  outboxChanged(): void
  openLink(url: unknown): Promise<boolean>
  openLogsFolder(): Promise<void>
  close(): Promise<void>
}

/** The one composition root: builds every Electron-free service from the options. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? Date.now
  const plan = options.freshness ?? freshnessPlan
  const refreshTiming = { now, plan, ...(options.timers ? { timers: options.timers } : {}) }
  const logDir = join(options.dataDir, 'logs')
  const fileLog = await createFileLogger(logDir)
  const log = fileLog.log
  const databaseFile = join(options.dataDir, 'leadbox.db')
  const opened = openDatabase(databaseFile, {
    log,
    now: () => new Date(now()),
    ...(options.sqliteBinding ? { nativeBinding: options.sqliteBinding } : {}),
  })
  const { db, checkLater } = opened
  let health = opened.health
  const events = createCoreEvents()
  const settings = createSettingsStore(db, now)
  const outbox = createOutbox(db, now, {
    knownLabelIds: () => catalog.knownLabelIds(),
    activityTypes: () => catalog.activityTypes(),
    landingWindowMs: lostRequestTiming(options.sync).landingWindowMs,
  })
  const leadChanges = createLeadChanges(db, outbox, now)
  const activityChanges = createActivityChanges(db, outbox, now)
  const pendingLeads = createPendingLeads(db, outbox, now)
  const catalog = createCatalog(db)
  const ledger = createTokenLedger(db, {
    now,
    log,
    onBudgetChange: () => events.emit('sync:status', syncStatus()),
  })
  ledger.prune()
  const signedInAccount = () => settings.get('pipedriveAccount')?.id ?? null
  const syncStatus = () => {
    const account = signedInAccount()
    return {
      ...currentSyncStatus(
        options.network,
        outbox.counts(),
        sync.status(),
        account ? ledger.budget(account) : null,
      ),
      signedIn: accounts.status().account !== null,
    }
  }
  const outboxChanged = () => {
    events.emit('outbox:changed', undefined)
    events.emit('sync:status', syncStatus())
  }
  const accounts = createAccounts({
    fetch: options.fetch,
    secrets: options.secrets,
    settings,
    log,
    openLink: (url) => openExternalUrl(url, options.openExternal),
    onChange() {
      events.emit('auth:changed', undefined)
      events.emit('sync:status', syncStatus())
      sync.wake('auth changed')
    },
    now,
    ledger,
    ...(options.requestTimeoutMs ? { timeoutMs: options.requestTimeoutMs } : {}),
    ...(options.pipedriveUrl ? { pipedriveUrl: options.pipedriveUrl } : {}),
    ...(options.oauthClient ? { oauthClient: options.oauthClient } : {}),
    ...(options.oauthCallbackPort ? { oauthCallbackPort: options.oauthCallbackPort } : {}),
  })
  const sync = createSyncEngine({
    queue: createOutboxQueue(db, now, options.sync),
    session: () => accounts.session(),
    network: options.network,
    log,
    now,
    ...(options.sync?.concurrency ? { concurrency: options.sync.concurrency } : {}),
    onChange: outboxChanged,
    onSent(row, remoteId, lead) {
      // What Leadbox sent is in the cached inbox at once, not at the next listing: a lead
      // created, edited, archived or restored as Pipedrive answered, one deleted or
      // converted gone.
      const gone = row.kind === 'lead.delete' || row.kind === 'lead.convert'
      const leadId = (row.payload as { remoteId?: string }).remoteId ?? row.parents.lead
      const cached = lead && !gone ? parseLead(lead, lead.is_archived) : null
      const changed = gone
        ? leadId !== undefined && inbox.remove([leadId]) > 0
        : cached !== null && inbox.upsert([cached], now()) > 0
      if (changed) events.emit('leads:changed', undefined)
      // A person or organization Leadbox made is named in the inbox at once, without a
      // catalog listing to learn of it.
      if (remoteId !== null && row.kind === 'person.create') {
        const person = row.payload as { name: string; email?: string; orgId?: number }
        const organizationId = row.parents.organization ?? person.orgId
        catalog.addFoundPersons([
          {
            id: Number(remoteId),
            name: person.name,
            email: person.email ?? null,
            organizationId: organizationId ? Number(organizationId) : null,
          },
        ])
      }
      if (remoteId !== null && row.kind === 'organization.create') {
        const { name } = row.payload as { name: string }
        catalog.addFoundOrganizations([{ id: Number(remoteId), name }])
      }
      // A note, activity or done mark shows in the lead's pane without reading it back.
      const account = signedInAccount()
      if (account) leadTimelines.sent(account, row, remoteId)
      // An activity added is the lead's next one if it comes first; one marked done makes
      // the next look ask which comes next.
      const activityLead =
        row.parents.lead ?? (row.payload as { leadId?: string }).leadId ?? undefined
      if (remoteId !== null && activityLead !== undefined && row.kind === 'activity.create') {
        const { dueDate, dueTime } = row.payload as ActivityCreatePayload
        const due = dueTime === undefined ? dueDate : `${dueDate}T${dueTime}`
        const activity = { id: Number(remoteId), leadId: activityLead, due, open: true }
        if (inbox.applyActivities([activity]) > 0) events.emit('leads:changed', undefined)
      }
      if (row.kind === 'activity.done') {
        const { activityId } = row.payload as { activityId: number }
        const done = { id: activityId, leadId: null, due: null, open: false }
        if (inbox.applyActivities([done]) > 0) inboxRefresher.leadsSent()
      }
      // A lead change Pipedrive answered without the lead: only a listing shows it.
      const told = gone || cached !== null || !row.kind.startsWith('lead.')
      if (plan.listAfterSend || !told) inboxRefresher.leadsSent()
    },
    onAttention: (count) =>
      options.notify?.(
        count === 1 ? 'A lead needs your attention' : `${count} leads need your attention`,
        'Pipedrive did not accept it. Open the Outbox in Leadbox to fix or discard it.',
      ),
  })
  // History of sent rows is kept a month; then it goes.
  outbox.prune(30 * 24 * 60 * 60_000)
  const stopWatchingNetwork = options.network.onChange((online) => {
    log.info({ online }, 'network changed')
    events.emit('sync:status', syncStatus())
  })
  const catalogRefresher = createCatalogRefresher({
    catalog,
    session: () => accounts.session(),
    network: options.network,
    log,
    ...refreshTiming,
    onChange: () => events.emit('catalog:changed', undefined),
  })
  const contactSearch = createContactSearch({
    catalog,
    session: () => accounts.session(),
    network: options.network,
    log,
    onChange: () => events.emit('catalog:changed', undefined),
  })
  const labelCreator = createLabelCreator({
    catalog,
    session: () => accounts.session(),
    network: options.network,
    log,
    onChange: () => events.emit('catalog:changed', undefined),
  })
  const inbox = createInboxCache(db, now)
  const inboxRefresher = createInboxRefresher({
    cache: inbox,
    session: () => accounts.session(),
    network: options.network,
    log,
    ...refreshTiming,
    onChange: () => events.emit('leads:changed', undefined),
    onUnknownContacts: () => catalogRefresher.wake('leads name unknown contacts'),
  })
  const timelineCache = createLeadTimelineCache(db)
  // A lead not opened for a month is read again when it is.
  timelineCache.prune(now() - 30 * 24 * 60 * 60_000)
  const leadTimelines = createLeadTimelines({
    db,
    cache: timelineCache,
    session: () => accounts.session(),
    network: options.network,
    activityTypes: (includeInactive) => catalog.activityTypes(includeInactive),
    log,
    now,
  })
  const stopRefreshingOnAuth = events.on('auth:changed', () => {
    catalogRefresher.wake('auth changed')
    inboxRefresher.wake('auth changed')
  })
  const integrityCheck = checkLater
    ? checkIntegrityLater(db, {
        file: databaseFile,
        log,
        ...(options.timers ? { timers: options.timers } : {}),
        onDamage(reason) {
          health = { status: 'damaged', reason }
          options.notify?.(
            'Leadbox found damage in its database',
            'Restart Leadbox to repair it. Settings › Diagnostics says what happens to the damaged file.',
          )
        },
      })
    : null
  const queryStatistics = keepQueryStatistics(db, {
    log,
    ...(options.timers ? { timers: options.timers } : {}),
  })
  log.info({ version: options.version, platform: options.platform }, 'core started')
  sync.start()
  if (options.backgroundRefresh !== false) {
    catalogRefresher.start()
    inboxRefresher.start()
  }

  return {
    log,
    db,
    get database() {
      return health
    },
    integrityCheck,
    queryStatistics,
    settings,
    outbox,
    leadChanges,
    activityChanges,
    pendingLeads,
    leadSeeds: createLeadSeeds(),
    clipboardOffer: createClipboardOffer(settings),
    catalog,
    quickAddContext() {
      const context = catalog.quickAddContext()
      const waiting = outbox.waiting()
      return {
        ...context,
        openLeads: [...waiting.leads, ...(context.openLeads ?? [])],
        waitingPersons: waiting.persons,
      }
    },
    catalogRefresher,
    contactSearch,
    labelCreator,
    inbox,
    inboxRefresher,
    leadTimelines,
    setAttention(attention) {
      catalogRefresher.setAttention(attention)
      inboxRefresher.setAttention(attention)
    },
    accounts,
    sync,
    ledger,
    usageToday() {
      const account = signedInAccount()
      return account ? ledger.today(account) : null
    },
    secrets: options.secrets,
    events,
    logDir,
    info: () => ({
      name: 'Leadbox',
      version: options.version,
      platform: options.platform,
      database: health,
    }),
    syncStatus,
    outboxChanged() {
      outboxChanged()
      sync.wake('outbox changed')
    },
    openLink: (url) => openExternalUrl(url, options.openExternal),
    async openLogsFolder() {
      const problem = await options.openPath(logDir)
      if (problem) log.warn({ problem }, 'could not open the logs folder')
    },
    async close() {
      integrityCheck?.stop()
      stopWatchingNetwork()
      stopRefreshingOnAuth()
      await Promise.all([catalogRefresher.stop(), inboxRefresher.stop(), sync.stop()])
      await accounts.close()
      queryStatistics.stop()
      db.close()
      log.info('core stopped')
      await fileLog.close()
    },
  }
}
