import type { Logger } from '../log/logger'
import type { OutboxQueue, QueuedRow, Settlement } from '../outbox/outbox-queue'
import { PipedriveFailure } from '../pipedrive/failure'
import type { OutboxGateway, RemoteLead } from '../pipedrive/outbox-gateway'
import { fullJitterDelay } from './backoff'
import type { NetworkSignals } from './network'
import { attemptRow } from './attempt'

/** The signed-in account, as the engine needs it. */
export interface SyncSession {
  account: string
  gateway: OutboxGateway
  /** A cheap request that proves Pipedrive is reachable (the OS's "online" can lie). */
  confirmReachable?(): Promise<boolean>
}

export interface SyncEngineOptions {
  queue: OutboxQueue
  session(): SyncSession | null
  network: NetworkSignals
  log: Logger
  /** Called after every change of a row's state. */
  onChange(): void
  /**
   * Called when Pipedrive has a row: what it made (null when its answer named nothing), and
   * the lead as Pipedrive answered after the change, when it did.
   */
  onSent?(row: QueuedRow, remoteId: string | null, lead: RemoteLead | null): void
  /** Called when rows newly need the user: a native notification in the app. */
  onAttention?(count: number): void
  now?: () => number
  random?: () => number
  /** Rows sent at once; the client's rate limiter paces them within Pipedrive's window. */
  concurrency?: number
  /** A wake-up even when nothing asked for one. */
  periodMs?: number
}

export interface EngineStatus {
  running: boolean
  /** Row ids on the wire right now. */
  sending: number[]
  /** When the next automatic attempt is due, if one waits; null when one is due now. */
  nextAttemptAt: number | null
  pausedUntil: number | null
  /** Since when Pipedrive has not answered while the network was up; null when it has. */
  unreachableSince: number | null
  lastError: string | null
}

export interface SyncEngine {
  start(): void
  stop(): Promise<void>
  /** Look for work now: a new row, the network back, resume from sleep, "Sync now". */
  wake(reason: string): void
  status(): EngineStatus
  /** Resolves when no pass is running and nothing is ready (for tests and tools). */
  idle(): Promise<void>
}

const blockedPauseMs = 15 * 60_000
/** Between two passes, however soon a row is due: no busy loop on a zero backoff. */
const minimumWaitMs = 50

function describe(failure: PipedriveFailure): string {
  const parts = [failure.error, failure.errorInfo].filter(
    (part): part is string => typeof part === 'string' && part.length > 0,
  )
  return parts.length > 0 ? parts.join(': ') : failure.message
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { queue, log } = options
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const concurrency = options.concurrency ?? 4
  const periodMs = options.periodMs ?? 30_000

  let running = false
  let pass: Promise<void> | null = null
  let again = false
  let timer: ReturnType<typeof setTimeout> | null = null
  let pausedUntil: number | null = null
  let lastError: string | null = null
  let unreachableUntil = 0
  let unreachableSince: number | null = null
  /**
   * Pipedrive answered since the network last changed: the next pass sends without first
   * asking whether it is there (2 tokens a pass). A request left unanswered, or a network
   * change, asks again.
   */
  let answering = false
  /** Set by a failure that stops the whole drain: budget spent, blocked, sign-in refused. */
  let halted = false
  const sending = new Set<number>()
  const stopNetwork = options.network.onChange((online) => {
    answering = false
    if (!online) return
    queue.clearBackoff()
    unreachableUntil = 0
    engine.wake('network back')
  })

  /** Pipedrive gave no answer while the network was up: said, and tried again later. */
  function unreachable(): void {
    answering = false
    unreachableSince ??= now()
    unreachableUntil = now() + periodMs
    options.onChange()
  }

  function reached(): void {
    if (unreachableSince === null) return
    unreachableSince = null
    options.onChange()
  }

  /** What a failure means for the row, and for the engine as a whole. */
  function settlementFor(row: QueuedRow, failure: PipedriveFailure): Settlement {
    const backoff = now() + fullJitterDelay(row.attempts, { random })
    const message = describe(failure)
    const status = failure.status
    // Every request would meet the same refusal: the engine stops for a while, saying why.
    const pauseFor = (words: string): Settlement => {
      pausedUntil = now() + blockedPauseMs
      halted = true
      lastError = words
      return { to: 'queued', nextAttemptAt: pausedUntil, error: message, status }
    }
    switch (failure.kind) {
      case 'validation':
      case 'forbidden':
      case 'not_found':
        return { to: 'needs_attention', error: message, status }
      case 'unknown_outcome':
        answering = false
        // It may be in Pipedrive already, or get there still: the queue holds the row (and the
        // lead's later changes) until it cannot, then its kind looks or sends again.
        return { to: 'uncertain', error: message, status }
      case 'burst_limit': {
        const waitSeconds =
          failure.rateLimit?.retryAfterSeconds ?? failure.rateLimit?.resetSeconds ?? 2
        return {
          to: 'queued',
          nextAttemptAt: now() + Math.max(2, waitSeconds) * 1_000,
          error: message,
          status,
        }
      }
      case 'daily_budget': {
        const midnight = new Date(now())
        midnight.setUTCHours(24, 0, 0, 0)
        pausedUntil = midnight.getTime()
        halted = true
        lastError = `Pipedrive's daily request budget for your company is used up. Syncing resumes at ${midnight.toISOString()}.`
        return { to: 'queued', nextAttemptAt: pausedUntil, error: message, status }
      }
      case 'blocked':
        return pauseFor(
          'Pipedrive is refusing requests from Leadbox for now (too many requests). Syncing is stopped for 15 minutes; your leads are safe here.',
        )
      case 'redirected':
        // Every request would meet the same redirect: stop, say why, and keep the row as it
        // was (a redirect is answered before anything is applied).
        return pauseFor(
          "Something on this network is sending Leadbox's requests away from Pipedrive (a redirect), so syncing is stopped for 15 minutes to keep your sign-in safe. A Wi-Fi sign-in page or a proxy can do this. Your leads are safe here.",
        )
      case 'unauthorized':
        halted = true
        lastError =
          'Pipedrive no longer accepts this sign-in. Sign in again in Settings; your leads wait here.'
        return { to: 'queued', nextAttemptAt: now(), error: message, status }
      case 'not_sent':
        // Nothing went out: no connection, or the attempt's time ran out while waiting its
        // turn. The next pass asks whether Pipedrive is there before sending again.
        answering = false
        return { to: 'queued', nextAttemptAt: backoff, error: message, status }
      case 'server_error':
        return { to: 'queued', nextAttemptAt: backoff, error: message, status }
    }
  }

  async function process(id: number, session: SyncSession): Promise<'attention' | 'ok' | 'stop'> {
    const row = queue.claim(id, session.account)
    if (!row) return 'ok'
    sending.add(id)
    options.onChange()
    let settlement: Settlement
    // Every request of the attempt is cut off at one deadline, so a request whose answer is
    // lost can land no later than the queue's landing window allows for.
    const deadline = AbortSignal.timeout(queue.timing.attemptTimeoutMs)
    try {
      settlement = await attemptRow(row, queue, { gateway: session.gateway.bound(deadline), now })
    } catch (error) {
      if (error instanceof PipedriveFailure) {
        settlement = settlementFor(row, error)
        log.warn(
          { row: row.id, kind: row.kind, failure: error.kind, status: error.status },
          'send failed',
        )
      } else {
        log.error({ row: row.id, kind: row.kind, err: error }, 'send crashed')
        // Whether a request left first is unknown: treated as lost, so it is looked up.
        settlement = {
          to: 'uncertain',
          error:
            'Something went wrong inside Leadbox while sending. It will check Pipedrive and try again.',
        }
      }
    } finally {
      sending.delete(id)
    }
    queue.settle(id, settlement)
    options.onChange()
    if (settlement.to === 'sent') {
      reached()
      options.onSent?.(row, settlement.remoteId, settlement.lead ?? null)
      if (!halted) lastError = null
      return 'ok'
    }
    if (settlement.to === 'needs_attention') return 'attention'
    return halted ? 'stop' : 'ok'
  }

  async function runPass(): Promise<void> {
    do {
      again = false
      const session = options.session()
      if (!session || !options.network.isOnline() || halted) return
      if (unreachableUntil > now()) return
      // Nothing to send: no request, and no tokens spent proving Pipedrive is there. Once it
      // was unreachable, passes go on asking, so the status clears when it answers again.
      const waiting = queue.ready(session.account, 1, now()).length > 0
      if (!waiting && unreachableSince === null) return
      const ask = !answering || unreachableSince !== null
      if (ask && session.confirmReachable && !(await session.confirmReachable())) {
        unreachable()
        return
      }
      reached()
      answering = true
      let attention = 0
      let stop = false
      // Each row gets one attempt per pass; what fails waits for its backoff and a later pass.
      const passStart = now()
      // A pool of `concurrency` sends: a slot that frees takes the next ready row at once, so
      // the limiter, not the slowest of a batch, sets the pace. Claimed rows are 'sending'
      // and no longer ready, so no row goes out twice.
      const inFlight = new Set<Promise<void>>()
      // A sign-out or a switch of account during the pass ends it: no row is claimed with a
      // session that is no longer the user's.
      const current = () => options.session()?.account === session.account
      while (running && !stop) {
        const free = concurrency - inFlight.size
        const next = free > 0 && current() ? queue.ready(session.account, free, passStart) : []
        for (const { id } of next) {
          const sendOne: Promise<void> = process(id, session).then((outcome) => {
            inFlight.delete(sendOne)
            if (outcome === 'attention') attention += 1
            if (outcome === 'stop') stop = true
          })
          inFlight.add(sendOne)
        }
        if (inFlight.size === 0) break
        await Promise.race(inFlight)
      }
      await Promise.all(inFlight)
      if (attention > 0) options.onAttention?.(attention)
    } while (again && running)
  }

  function startPass(): void {
    pass = runPass()
      .catch((error: unknown) => log.error({ err: error }, 'sync pass failed'))
      .finally(() => {
        pass = null
        // A wake that came as the pass was ending (after its last look at `again`) gets a
        // pass of its own now, not at the next timer.
        if (again && running) {
          again = false
          startPass()
        } else schedule()
      })
  }

  function schedule(): void {
    if (!running) return
    if (timer) clearTimeout(timer)
    const session = options.session()
    const due = session ? queue.nextDue(session.account) : null
    const at = Math.min(due ?? Infinity, pausedUntil ?? Infinity, now() + periodMs)
    timer = setTimeout(() => engine.wake('timer'), Math.max(minimumWaitMs, at - now()))
    timer.unref?.()
  }

  const engine: SyncEngine = {
    start() {
      if (running) return
      running = true
      const recovered = queue.recoverInterrupted()
      if (recovered > 0) log.warn({ rows: recovered }, 'rows left sending by a stop are uncertain')
      engine.wake('start')
    },
    async stop() {
      running = false
      if (timer) clearTimeout(timer)
      stopNetwork()
      await pass
    },
    wake(reason) {
      if (!running) return
      // A new sign-in, "Sync now" or the end of a pause lifts a halt.
      if (
        reason === 'sync now' ||
        reason === 'auth changed' ||
        (pausedUntil !== null && pausedUntil <= now())
      ) {
        if (reason === 'sync now') queue.clearBackoff()
        halted = false
        pausedUntil = null
        unreachableUntil = 0
      }
      if (pass) {
        again = true
        return
      }
      startPass()
    },
    status() {
      const session = options.session()
      const at = now()
      const due = session ? queue.nextDue(session.account) : null
      const next = unreachableSince !== null ? Math.max(unreachableUntil, due ?? 0) : due
      return {
        running,
        sending: [...sending],
        nextAttemptAt: next !== null && next > at ? next : null,
        pausedUntil: pausedUntil !== null && pausedUntil > at ? pausedUntil : null,
        unreachableSince,
        lastError,
      }
    },
    async idle() {
      while (pass) await pass
    },
  }
  return engine
}
