// startSandbox(): a local, faithful Pipedrive for development and tests. See README.md.
import type { Server, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { registerActivities } from './activities'
import { registerAccount } from './account'
import type { App, SandboxOptions } from './app'
import { resolveConfig } from './app'
import { registerContacts } from './contacts'
import { handleControl } from './control'
import { registerConversions } from './conversions'
import type { Count, RequestMatch, StoreThenFailStatus } from './faults'
import { FaultTable, storeThenFailStatuses } from './faults'
import { registerLeads } from './leads'
import { registerNotes } from './notes'
import { OAuthServer } from './oauth'
import { createPipeline } from './pipeline'
import { RateLimiter } from './rate-limit'
import type { LoggedRequest, Outcome } from './request-log'
import { RequestLog } from './request-log'
import { Router } from './router'
import { registerSearch } from './search'
import { createSeedData } from './seed'
import { activityView, labelView, leadView, noteView, organizationView, personView } from './views'

type Scoped<T = object> = RequestMatch & { count?: Count } & T

export interface Faults {
  /** The next `count` matching requests get a 500, 502 or 503 without being processed. */
  failNext(count: number, options?: RequestMatch & { status?: number }): void
  /**
   * Process the request (the record is stored) and then destroy the socket instead of answering.
   * Logged as `reset`.
   */
  storeThenReset(count?: Count, match?: RequestMatch): void
  /**
   * Process the request (the record is stored) and then answer a 5xx instead of the real answer:
   * 500 (default) and 503 as Pipedrive's JSON errors, 502 and 504 as the gateway's HTML page.
   * Logged as `store-then-500` … `store-then-504`.
   */
  storeThenFail(count?: Count, options?: RequestMatch & { status?: StoreThenFailStatus }): void
  /**
   * Process the request (the record is stored) and then never answer, until the client gives up
   * or `clear()`, `reset()` or `close()` cuts the connection. Logged as `store-then-hang`.
   */
  storeThenHang(count?: Count, match?: RequestMatch): void
  /**
   * Hold matching requests for `ms` before processing them normally. Processing happens even if
   * the client has gone meanwhile (timed out, aborted): the way to model a write that completes
   * on the server after its client stopped waiting. The log entry then has `clientGone: true`.
   * With `giveUpAfterMs`, a request the process could not get back to within that long of its
   * arrival (an event-loop stall on a busy machine) is dropped unprocessed, connection reset:
   * a server's lateness stays within the bound a test promises its client.
   */
  delay(ms: number, options?: Scoped<{ giveUpAfterMs?: number }>): void
  /** Never process nor answer matching requests (until the client gives up, clear, reset, close). */
  hang(options?: Scoped): void
  /** Answer 429 regardless of the limiter, with Retry-After when given (seconds). */
  force429(options?: Scoped<{ retryAfter?: number }>): void
  /** Answer with Cloudflare's HTML 403 block page. */
  cloudflare403(options?: Scoped): void
  /**
   * The company's daily token budget drops to zero: every API call gets 429 until midnight, or,
   * with forMs, until forMs have passed (wall clock or sandbox clock, whichever is first), when
   * the tokens left before come back.
   */
  exhaustDailyBudget(options?: { forMs?: number }): void
  setDailyBudget(remaining: number): void
  /** Every OAuth access token issued so far answers 401; refresh tokens keep working. */
  expireAccessTokens(): void
  /**
   * 'refuse' closes the listener (ECONNREFUSED) and re-listens on the same port when switched
   * back; 'reset' keeps listening but destroys each connection (ECONNRESET). Existing keep-alive
   * connections are cut either way. With forMs it switches back by itself.
   */
  refuseConnections(options?: { forMs?: number; mode?: 'refuse' | 'reset' }): Promise<void>
  acceptConnections(): Promise<void>
  /**
   * Writes within the last `ms` are not in the search index yet: new records are not found,
   * updated ones are found as they were. Until clear(); the default is `searchIndexLagMs`.
   */
  searchIndexLag(ms: number): void
  /** Lead conversions end in `failed`. */
  failConversions(on?: boolean): void
  list(): ReturnType<FaultTable['list']>
  /**
   * Removes every fault, cuts held (hung) answers, accepts connections again and puts the search
   * index lag back to the configured `searchIndexLagMs`. A spent daily budget stays spent.
   */
  clear(): Promise<void>
}

export interface SandboxState {
  /** Stored leads in API shape, archived ones included. */
  readonly leads: Array<Record<string, unknown>>
  readonly removedLeads: Array<{ removed: 'deleted' | 'converted'; lead: Record<string, unknown> }>
  readonly persons: Array<Record<string, unknown>>
  readonly organizations: Array<Record<string, unknown>>
  readonly notes: Array<Record<string, unknown>>
  readonly activities: Array<Record<string, unknown>>
  readonly leadLabels: Array<Record<string, unknown>>
  readonly conversions: Array<Record<string, unknown>>
  readonly requests: LoggedRequest[]
  /** `{ 'POST /api/v1/leads': { '201': 2, reset: 1 } }` */
  counts(): Record<string, Record<string, number>>
  /** Requests to `POST /api/v1/leads` (spec path), optionally only with one outcome. */
  count(endpoint: string, outcome?: Outcome): number
  readonly dailyBudget: { limit: number; remaining: number }
  readonly oauth: { activeAccessTokens: number; activeGrants: number }
  snapshot(): Record<string, unknown>
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:8787; the API lives under /api/v1 and /api/v2, OAuth under /oauth. */
  url: string
  port: number
  apiToken: string
  oauth: {
    clientId: string
    clientSecret: string
    /** The first registered redirect URI. */
    redirectUri: string
    redirectUris: string[]
    scope: string
    /** The consent page URL the app would open in a browser. */
    authorizeUrl(state?: string, redirectUri?: string): string
    /** A fresh authorization code, as if the user had clicked Allow. */
    issueCode(redirectUri?: string): string
  }
  faults: Faults
  state: SandboxState
  /** Moves the sandbox clock forward (on top of the `now` option). */
  advanceTime(ms: number): void
  now(): number
  /** Back to the seed data: no faults, no tokens or codes, fresh limits, empty request log. */
  reset(): Promise<void>
  close(): Promise<void>
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const config = resolveConfig(options)
  let offset = 0
  const now = () => (options.now ? options.now() : Date.now()) + offset
  const company = options.company ?? createSeedData
  const data = company(now())
  const app: App = {
    config,
    now,
    url: '',
    data,
    oauth: new OAuthServer(config, now, data.company.id),
    limiter: new RateLimiter(config.limits, now),
    faults: new FaultTable(config.searchIndexLagMs),
    log: new RequestLog(config.logLimit),
  }

  const router = new Router()
  registerLeads(router)
  registerAccount(router)
  registerNotes(router)
  registerActivities(router)
  registerContacts(router)
  registerSearch(router)
  registerConversions(router)
  app.oauth.register(router, app)

  const hung = new Set<ServerResponse>()
  const sockets = new Set<Socket>()
  let server: Server | null = null
  let mode: 'accept' | 'refuse' | 'reset' = 'accept'
  let port = options.port ?? 0
  let restoreTimer: NodeJS.Timeout | undefined
  let budgetTimer: NodeJS.Timeout | undefined
  // Listener changes run one after another even when tests fire them back to back.
  let lifecycle: Promise<void> = Promise.resolve()
  const serially = (step: () => Promise<void>) => (lifecycle = lifecycle.then(step, step))

  const pipeline = createPipeline(app, router, {
    hung,
    control: (method, path, body) => handleControl(sandbox, method, path, body),
  })

  function listen(): Promise<void> {
    const next = createServer((req, res) => void pipeline(req, res))
    next.keepAliveTimeout = 5000
    next.on('connection', (socket: Socket) => {
      if (mode === 'reset') {
        socket.destroy()
        return
      }
      sockets.add(socket)
      socket.once('close', () => sockets.delete(socket))
    })
    return new Promise((resolve, reject) => {
      next.once('error', reject)
      next.listen(port, '127.0.0.1', () => {
        next.off('error', reject)
        port = (next.address() as AddressInfo).port
        server = next
        resolve()
      })
    })
  }

  function cutConnections(): void {
    for (const res of hung) res.destroy()
    hung.clear()
    for (const socket of sockets) socket.destroy()
  }

  function stopListening(): Promise<void> {
    const current = server
    server = null
    if (!current) return Promise.resolve()
    return new Promise((resolve) => {
      current.close(() => resolve())
      current.closeAllConnections()
      cutConnections()
    })
  }

  const accept = () =>
    serially(async () => {
      clearTimeout(restoreTimer)
      if (mode === 'refuse') {
        mode = 'accept'
        await listen()
      }
      mode = 'accept'
    })

  const table = app.faults
  const faults: Faults = {
    failNext: (count, { status = 500, ...match } = {}) => {
      table.add('fail', match, count, { status })
    },
    storeThenReset: (count = 1, match = {}) => {
      table.add('storeThenReset', match, count)
    },
    storeThenFail: (count = 1, { status = 500, ...match } = {}) => {
      if (!storeThenFailStatuses.includes(status)) {
        throw new Error(`storeThenFail status must be one of ${storeThenFailStatuses.join(', ')}`)
      }
      table.add('storeThenFail', match, count, { status })
    },
    storeThenHang: (count = 1, match = {}) => {
      table.add('storeThenHang', match, count)
    },
    delay: (ms, { count = 1, giveUpAfterMs, ...match } = {}) => {
      table.add('delay', match, count, giveUpAfterMs === undefined ? { ms } : { ms, giveUpAfterMs })
    },
    hang: ({ count = 1, ...match } = {}) => {
      table.add('hang', match, count)
    },
    force429: ({ count = 1, retryAfter, ...match } = {}) => {
      table.add('force429', match, count, retryAfter === undefined ? {} : { retryAfter })
    },
    cloudflare403: ({ count = 1, ...match } = {}) => {
      table.add('cloudflare403', match, count)
    },
    exhaustDailyBudget: ({ forMs } = {}) => {
      clearTimeout(budgetTimer)
      const id = app.limiter.exhaust(forMs)
      if (forMs !== undefined) {
        budgetTimer = setTimeout(() => app.limiter.lift(id), forMs)
        budgetTimer.unref()
      }
    },
    setDailyBudget: (remaining) => app.limiter.setRemaining(remaining),
    expireAccessTokens: () => app.oauth.expireAccessTokens(),
    refuseConnections: ({ forMs, mode: wanted = 'refuse' } = {}) =>
      serially(async () => {
        // Called again while refused, the latest call says when connections come back.
        clearTimeout(restoreTimer)
        if (mode === 'accept') {
          mode = wanted
          if (wanted === 'refuse') await stopListening()
          else cutConnections()
        }
        if (forMs !== undefined) {
          restoreTimer = setTimeout(() => void accept(), forMs)
          restoreTimer.unref()
        }
      }),
    acceptConnections: accept,
    searchIndexLag: (ms) => {
      table.searchIndexLagMs = ms
    },
    failConversions: (on = true) => {
      table.failConversions = on
    },
    list: () => table.list(),
    clear: async () => {
      table.clear()
      // Held answers are the work of hang faults; the control request clearing them is not held.
      for (const res of hung) res.destroy()
      hung.clear()
      await accept()
    },
  }

  const views = {
    leads: () => [...app.data.leads.values()].map(leadView),
    persons: () => [...app.data.persons.values()].map(personView),
    organizations: () => [...app.data.organizations.values()].map(organizationView),
    notes: () => [...app.data.notes.values()].map((n) => noteView(n, app.data)),
    activities: () => [...app.data.activities.values()].map(activityView),
    leadLabels: () => [...app.data.leadLabels.values()].map(labelView),
    removedLeads: () =>
      [...app.data.removedLeads.values()].map(({ removed, ...lead }) => ({
        removed,
        lead: leadView(lead),
      })),
    conversions: () => [...app.data.conversions.values()].map((c) => ({ ...c })),
  }

  const state: SandboxState = {
    get leads() {
      return views.leads()
    },
    get removedLeads() {
      return views.removedLeads()
    },
    get persons() {
      return views.persons()
    },
    get organizations() {
      return views.organizations()
    },
    get notes() {
      return views.notes()
    },
    get activities() {
      return views.activities()
    },
    get leadLabels() {
      return views.leadLabels()
    },
    get conversions() {
      return views.conversions()
    },
    get requests() {
      return app.log.list()
    },
    counts: () => app.log.counts(),
    count: (endpoint, outcome) => app.log.count(endpoint, outcome),
    get dailyBudget() {
      return app.limiter.budget()
    },
    get oauth() {
      return app.oauth.stats()
    },
    snapshot: () => ({
      leads: views.leads(),
      removedLeads: views.removedLeads(),
      persons: views.persons(),
      organizations: views.organizations(),
      notes: views.notes(),
      activities: views.activities(),
      leadLabels: views.leadLabels(),
      conversions: views.conversions(),
      requestCounts: app.log.counts(),
      dailyBudget: app.limiter.budget(),
      oauth: app.oauth.stats(),
      faults: table.list(),
      searchIndexLagMs: table.searchIndexLagMs,
      now: new Date(now()).toISOString(),
    }),
  }

  const sandbox: Sandbox = {
    url: '',
    port: 0,
    apiToken: config.apiToken,
    oauth: {
      clientId: config.oauth.clientId,
      clientSecret: config.oauth.clientSecret,
      redirectUri: config.oauth.redirectUris[0] ?? '',
      redirectUris: [...config.oauth.redirectUris],
      scope: config.oauth.scope,
      authorizeUrl: (stateParam, redirectUri = config.oauth.redirectUris[0] ?? '') => {
        const url = new URL('/oauth/authorize', sandbox.url)
        url.searchParams.set('client_id', config.oauth.clientId)
        url.searchParams.set('redirect_uri', redirectUri)
        if (stateParam !== undefined) url.searchParams.set('state', stateParam)
        return url.toString()
      },
      issueCode: (redirectUri = config.oauth.redirectUris[0] ?? '') =>
        app.oauth.issueCode(redirectUri, app.data.meId),
    },
    faults,
    state,
    advanceTime: (ms) => {
      offset += ms
    },
    now,
    reset: async () => {
      await faults.clear()
      clearTimeout(budgetTimer)
      app.data = company(now())
      app.oauth.reset()
      app.limiter.reset()
      app.log.clear()
    },
    close: () =>
      serially(async () => {
        clearTimeout(restoreTimer)
        clearTimeout(budgetTimer)
        mode = 'accept'
        await stopListening()
        cutConnections()
      }),
  }

  await listen()
  sandbox.port = port
  sandbox.url = `http://127.0.0.1:${port}`
  app.url = sandbox.url
  return sandbox
}
