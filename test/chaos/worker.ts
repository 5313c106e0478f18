// The chaos test's worker: the real core (createCore, the app's database file, the real
// keychain) doing what a user does, from the seed's plan, while its sync engine sends to the
// sandbox. The controller kills it with SIGKILL at random moments and starts it again; the
// worker reads the database to learn which operations committed and carries on after them.
//
// Run by the controller; by hand: node --import tsx test/chaos/worker.ts '<WorkerConfig json>'
import { writeSync } from 'node:fs'
import keytar from 'keytar'
import { createKeychainSecretStore } from '../../src/main/core/auth/secret-store'
import { createCore, type Core } from '../../src/main/core/index'
import type { LeadChange, LeadRef } from '../../src/shared/leads/lead-change'
import type { LeadDraft } from '../../src/shared/leads/lead-draft'
import { LeadboxError } from '../../src/shared/result'
import { networkSwitch } from '../support/network-switch'
import {
  makePlan,
  opOfTitle,
  rowsOfCapture,
  type ActivityTarget,
  type CaptureOp,
  type ChangeOp,
  type LeadTarget,
  type Plan,
  type WaitingEditOp,
  waitingEditOfTitle,
} from './plan'
import {
  emptyStats,
  linePrefix,
  timing,
  type Arm,
  type OpenRow,
  type WorkerConfig,
  type WorkerMessage,
} from './protocol'

const config = JSON.parse(process.argv[2] ?? '{}') as WorkerConfig
let stage = 'starting the core'
let finished = false

function emit(message: WorkerMessage): void {
  const bytes = Buffer.from(`${linePrefix}${JSON.stringify(message)}\n`)
  let written = 0
  // Synchronous, so a line is out before the process stops dead at a kill point.
  while (written < bytes.length) {
    try {
      written += writeSync(1, bytes, written)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const stats = emptyStats()
let statsDirty = false

/** Stops the whole process where it is, after saying so: the controller kills it now. */
function stopDead(arm: Arm, detail: string): void {
  emit({ type: 'stats', stats })
  emit({ type: 'hit', arm, detail })
  // A synchronous wait: nothing else runs, so the kill lands exactly here.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30_000)
  emit({ type: 'fatal', message: `not killed within 30 s of the ${arm} stop (${detail})` })
}

let armed: Arm = config.arm

function errorCode(error: unknown): string {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current; depth++) {
    const { code, name } = current as { code?: unknown; name?: unknown }
    if (typeof code === 'string') return code
    if (name === 'AbortError' || name === 'TimeoutError') return name
    // Connecting to every address of a host fails as one AggregateError.
    const { errors, cause } = current as { errors?: unknown[]; cause?: unknown }
    current = cause ?? errors?.[0]
  }
  return 'unknown'
}

/** The platform's fetch, counting what the network and Pipedrive answered. */
const countingFetch: typeof fetch = async (input, init) => {
  const url =
    typeof input === 'string' ? input : input instanceof URL ? input.href : (input as Request).url
  const method = (
    init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET')
  ).toUpperCase()
  stats.requests += 1
  statsDirty = true
  let response: Response
  try {
    response = await fetch(input, init)
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ECONNREFUSED') stats.refused += 1
    else if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
      stats.reset += 1
    } else if (code === 'AbortError' || code === 'TimeoutError') stats.timeout += 1
    else stats.otherError += 1
    throw error
  }
  const status = response.status
  if (status < 400) stats.ok += 1
  else if (status === 429) {
    stats.status429 += 1
    if (response.headers.has('retry-after')) stats.status429RetryAfter += 1
    if (response.headers.get('x-daily-ratelimit-token-remaining') === '0') {
      stats.status429Daily += 1
    }
  } else if (status >= 500) stats.status5xx += 1
  else stats.status4xx += 1
  const path = new URL(url).pathname
  if (status === 200 && method === 'POST' && (armed === 'convert-start' || armed === 'convert')) {
    if (/\/leads\/[^/]+\/convert\/deal$/.test(path)) {
      armed = 'none'
      stopDead('convert-start', path)
    }
  }
  if (status === 200 && method === 'GET' && (armed === 'convert-poll' || armed === 'convert')) {
    if (/\/leads\/[^/]+\/convert\/status\/[^/]+$/.test(path)) {
      armed = 'none'
      stopDead('convert-poll', path)
    }
  }
  return response
}

/** The capture or change being committed right now, for the in-transaction stops. */
let committing: { n: number; kind: 'capture' | 'change'; inserts: number; stopAt: number } | null =
  null

/**
 * One change through the core's API, as a screen makes it: a refusal is reported as the user
 * would see it; anything else is a defect, and the worker stops.
 */
function change(core: Core, n: number, make: () => void): void {
  committing = { n, kind: 'change', inserts: 0, stopAt: 0 }
  try {
    make()
  } catch (error) {
    if (error instanceof LeadboxError) {
      emit({ type: 'refused', n, message: `${error.code}: ${error.message}` })
    } else {
      emit({ type: 'op-error', n, message: String((error as Error).stack ?? error) })
      process.exit(3)
    }
  } finally {
    committing = null
  }
  core.outboxChanged()
}

/**
 * Kill points inside the core's own transactions, without touching src/: TEMP triggers live
 * only in this connection (never in the file, never in a migration) and call back into JS.
 */
function installStops(core: Core): void {
  core.db.function('chaos_stop', (event: unknown, kind: unknown, id: unknown) => {
    const detail = `${String(event)} ${String(kind)} row ${String(id)}`
    if (event === 'insert' && committing) {
      const at = committing.inserts
      committing.inserts += 1
      if (armed === committing.kind && at === committing.stopAt) {
        armed = 'none'
        stopDead(committing.kind, `op${committing.n}: ${detail}`)
      }
    }
    if (event === 'sent' && armed === 'settle') {
      armed = 'none'
      stopDead('settle', detail)
    }
    return null
  })
  core.db.exec(`
    CREATE TEMP TRIGGER chaos_insert AFTER INSERT ON main.outbox
    BEGIN SELECT chaos_stop('insert', NEW.kind, NEW.id); END;
    CREATE TEMP TRIGGER chaos_sent AFTER UPDATE OF state ON main.outbox
    WHEN NEW.state = 'sent' AND OLD.state <> 'sent'
    BEGIN SELECT chaos_stop('sent', NEW.kind, NEW.id); END;
  `)
}

/** Which ops the database already holds: the worker goes on after the last of them. */
function readProgress(core: Core, plan: Plan) {
  const createRows = new Map<number, number>()
  let last = -1
  for (const item of core.outbox.list()) {
    const n = opOfTitle(config.seed, item.kind, item.title)
    if (n === null) continue
    last = Math.max(last, n)
    // An edit of a waiting lead rewrites its row, and says so in the title.
    if (item.kind === 'lead.create') last = Math.max(last, waitingEditOfTitle(item.title) ?? -1)
    if (item.kind === 'lead.create') createRows.set(n, item.id)
  }
  // A discard leaves the lead's row cancelled, and nothing else cancels one.
  for (const op of plan.ops) {
    if (op.type !== 'discardWaiting' || op.n <= last) continue
    const row = createRows.get(op.target)
    if (row !== undefined && core.outbox.get(row)?.state === 'cancelled') last = op.n
  }
  return { createRows, next: last + 1 }
}

const openStates = new Set(['queued', 'sending', 'uncertain'])

function openConverts(core: Core): number {
  return core.outbox
    .list()
    .filter((row) => row.kind === 'lead.convert' && openStates.has(row.state)).length
}

/**
 * Rows the engine still has to do. A change queued behind a change of the same lead that
 * needs the user waits for the user (changes of a lead go in order), not for the engine.
 */
function openCount(core: Core): number {
  return core.db
    .prepare(
      `SELECT count(*) FROM outbox o
       WHERE o.state IN ('queued', 'sending', 'uncertain')
         AND NOT (o.state = 'queued' AND o.lead_ref IS NOT NULL AND EXISTS (
           SELECT 1 FROM outbox e
           WHERE e.lead_ref = o.lead_ref AND e.id < o.id AND e.state = 'needs_attention'))`,
    )
    .pluck()
    .get() as number
}

function draftOf(op: CaptureOp, createRows: Map<number, number>, core: Core): LeadDraft {
  const draft: LeadDraft = { title: op.title }
  if (op.person) draft.person = { ...op.person }
  // The person chosen on the chip: the one the other capture queued.
  const sharedLead = op.shares === undefined ? undefined : createRows.get(op.shares)
  if (draft.person?.kind === 'new' && sharedLead !== undefined) {
    const queued = core.outbox
      .get(sharedLead)
      ?.dependsOn.map((id) => core.outbox.get(id))
      .find((row) => row?.kind === 'person.create')
    if (queued) draft.person.queuedAs = queued.id
  }
  if (op.organization) draft.organization = { ...op.organization }
  if (op.value) draft.value = { ...op.value }
  if (op.note) draft.note = op.note
  if (op.activity) draft.activity = { ...op.activity }
  return draft
}

/** The lead as the user picks it: Pipedrive's id once its create is sent, else the row's. */
function leadRef(core: Core, createRows: Map<number, number>, target: number): LeadRef {
  const rowId = createRows.get(target)
  if (rowId === undefined) throw new Error(`op${target}'s lead is not in the outbox`)
  const row = core.outbox.get(rowId)
  if (!row) throw new Error(`outbox row ${rowId} of op${target} is gone`)
  return row.state === 'sent' && row.remoteId ? { remoteId: row.remoteId } : { outboxId: rowId }
}

/** A lead of the plan as the pane names it: a capture's, or one only Pipedrive has. */
function paneLead(core: Core, createRows: Map<number, number>, target: LeadTarget): LeadRef {
  if (target.kind === 'pipedrive') return { remoteId: config.pipedriveLeads[target.index]!.id }
  return leadRef(core, createRows, target.n)
}

/**
 * The Pipedrive ids the pane shows a done box for: the lead's and the activity's, once both
 * are in Pipedrive; null while either is on its way. No waiting: a kill comes every second
 * or so, and a wait would be started again at each run.
 */
function shownInPipedrive(
  core: Core,
  plan: Plan,
  createRows: Map<number, number>,
  lead: LeadTarget,
  activity: ActivityTarget,
): { leadId: string; activityId: number } | null {
  const leadId =
    lead.kind === 'pipedrive'
      ? config.pipedriveLeads[lead.index]!.id
      : (() => {
          const ref = leadRef(core, createRows, lead.n)
          return 'remoteId' in ref ? ref.remoteId : null
        })()
  let activityId: number | null = null
  if (activity.kind === 'pipedrive') {
    activityId = config.pipedriveLeads[activity.lead]!.activityIds[activity.index]!
  } else {
    const op = plan.ops[activity.n]
    const subject = op?.type === 'capture' || op?.type === 'activity' ? op.activity?.subject : null
    const row = core.outbox
      .list()
      .find(
        (item) =>
          item.kind === 'activity.create' && item.title === subject && item.state !== 'cancelled',
      )
    if (row?.state === 'sent' && row.remoteId) activityId = Number(row.remoteId)
  }
  return leadId !== null && activityId !== null ? { leadId, activityId } : null
}

/**
 * The lead form's edit: written into the waiting lead's rows, or, once the lead is on its
 * way, queued as a change of a sent lead.
 */
function editWaiting(core: Core, createRows: Map<number, number>, op: WaitingEditOp): void {
  const rowId = createRows.get(op.target)
  const state = rowId === undefined ? undefined : core.outbox.get(rowId)?.state
  if (rowId !== undefined && (state === 'queued' || state === 'needs_attention')) {
    // A person the edit lets go that is on the wire cannot be called back: say which.
    for (const parent of core.outbox.get(rowId)?.dependsOn ?? []) {
      const row = core.outbox.get(parent)
      if (row?.kind === 'person.create' && (row.state === 'sending' || row.state === 'uncertain'))
        emit({ type: 'on-its-way', rowId: row.id })
    }
    try {
      const draft = core.pendingLeads.draftOf(rowId)
      const person = { kind: 'existing' as const, id: op.personId }
      core.pendingLeads.edit(rowId, { ...draft, title: op.title, person })
      return
    } catch (error) {
      // Taken for sending meanwhile: the form edits it as a sent lead.
      if (!(error instanceof LeadboxError)) throw error
    }
  }
  const change: LeadChange = {
    kind: 'update',
    lead: leadRef(core, createRows, op.target),
    after: { title: op.title, personId: op.personId },
    before: { title: op.before },
  }
  core.leadChanges.enqueue(change, op.leadTitle)
}

function changeOf(op: ChangeOp, lead: LeadRef): LeadChange {
  if (op.kind === 'update') {
    return { kind: 'update', lead, after: { ...op.after }, before: { ...op.before } }
  }
  return { kind: op.kind, lead }
}

async function signIn(core: Core): Promise<void> {
  while (core.accounts.status().account === null) {
    try {
      await core.accounts.signInWithToken(config.token)
    } catch (error) {
      emit({ type: 'signin-retry', message: (error as Error).message })
      await sleep(300)
    }
  }
}

async function main(): Promise<void> {
  const network = networkSwitch(true)
  const core = await createCore({
    dataDir: config.dataDir,
    version: '0.0.0-chaos',
    platform: process.platform,
    fetch: countingFetch,
    secrets: createKeychainSecretStore(keytar, config.keychainService),
    network,
    openExternal: async () => {},
    openPath: async () => '',
    pipedriveUrl: config.url,
    backgroundRefresh: false,
    requestTimeoutMs: timing.requestTimeoutMs,
    sync: { attemptTimeoutMs: timing.attemptTimeoutMs, landingWindowMs: timing.landingWindowMs },
  })
  const health = core.database
  emit(
    health.status === 'ok'
      ? { type: 'health', status: 'ok' }
      : {
          type: 'health',
          status: health.status,
          detail:
            health.status === 'recovered'
              ? `${health.movedAsideAs}: ${health.reason}`
              : health.reason,
        },
  )
  installStops(core)
  // Not unref'd: like the app's, this process lives until it is told to go. (Without it, a
  // request nothing answers yet, held only by its unref'd timeout, would let it end quietly.)
  setInterval(() => {
    if (!statsDirty) return
    statsDirty = false
    emit({ type: 'stats', stats })
  }, 200)

  stage = 'signing in'
  await signIn(core)
  stage = 'reading progress'
  const plan = makePlan(config.seed, config.ops)
  const progress = readProgress(core, plan)
  emit({
    type: 'ready',
    nextOp: progress.next,
    openConverts: openConverts(core),
    counts: core.outbox.counts(),
  })
  let lastReport = 0
  const report = (nextOp: number) => {
    if (Date.now() - lastReport < 250) return
    lastReport = Date.now()
    emit({
      type: 'progress',
      nextOp,
      openConverts: openConverts(core),
      counts: core.outbox.counts(),
    })
  }

  for (const op of plan.ops.slice(progress.next)) {
    stage = `at op${op.n} (${op.type})`
    if (core.accounts.status().account === null) await signIn(core)
    switch (op.type) {
      case 'capture': {
        committing = {
          n: op.n,
          kind: 'capture',
          inserts: 0,
          stopAt: config.armIndex % rowsOfCapture(op),
        }
        try {
          const item = core.outbox.enqueueLead(draftOf(op, progress.createRows, core))
          progress.createRows.set(op.n, item.id)
        } catch (error) {
          const fields = error instanceof LeadboxError ? JSON.stringify(error.fields ?? {}) : ''
          emit({
            type: 'op-error',
            n: op.n,
            message: `${String((error as Error).stack ?? error)} ${fields}`,
          })
          process.exit(3)
        } finally {
          committing = null
        }
        core.outboxChanged()
        break
      }
      case 'change': {
        change(core, op.n, () => {
          const lead = leadRef(core, progress.createRows, op.target)
          core.leadChanges.enqueue(changeOf(op, lead), op.leadTitle)
        })
        break
      }
      case 'discardWaiting': {
        change(core, op.n, () => {
          const rowId = progress.createRows.get(op.target)!
          const state = core.outbox.get(rowId)?.state
          if (state === 'queued' || state === 'needs_attention') core.outbox.discard(rowId)
          else {
            const lead = leadRef(core, progress.createRows, op.target)
            core.leadChanges.enqueue({ kind: 'delete', lead }, op.leadTitle)
          }
        })
        break
      }
      case 'waitingEdit': {
        change(core, op.n, () => {
          editWaiting(core, progress.createRows, op)
        })
        break
      }
      case 'note':
      case 'activity':
      case 'done': {
        let ids: { leadId: string; activityId: number } | null = null
        if (op.type === 'done') {
          ids = shownInPipedrive(core, plan, progress.createRows, op.lead, op.activity)
          if (!ids) {
            emit({ type: 'skipped', n: op.n, message: 'the activity is not in Pipedrive yet' })
            break
          }
        }
        change(core, op.n, () => {
          if (op.type === 'done') {
            core.activityChanges.markDone({ ...ids!, subject: op.subject })
          } else {
            const lead = paneLead(core, progress.createRows, op.lead)
            if (op.type === 'note') core.activityChanges.addNote({ lead, content: op.content })
            else {
              core.activityChanges.addActivity({
                lead,
                leadTitle: 'Lead',
                activity: { ...op.activity },
              })
            }
          }
        })
        break
      }
      case 'syncNow':
        core.sync.wake('sync now')
        break
      case 'networkFlap':
        network.set(false)
        await sleep(op.offMs)
        network.set(true)
        break
    }
    report(op.n + 1)
    await sleep(op.pauseMs)
  }
  emit({ type: 'plan-done' })
  stage = 'draining'

  // Then the user waits for the outbox to empty, pressing "Sync now" now and then. (That
  // lifts the engine's pauses; a daily budget the client saw spent stays spent for this run
  // of the worker, as Pipedrive's would until midnight, though the sandbox's comes back.)
  const deadline = Date.now() + config.drainDeadlineMs
  for (;;) {
    core.sync.wake('sync now')
    await sleep(config.final ? 500 : 1_000)
    report(plan.ops.length)
    if (!config.final) continue
    if (openCount(core) === 0) {
      await core.sync.idle()
      if (openCount(core) > 0) continue
      emit({ type: 'drained', counts: core.outbox.counts() })
      break
    }
    if (Date.now() > deadline) {
      const open: OpenRow[] = core.outbox
        .list()
        .filter((row) => openStates.has(row.state))
        .map((row) => ({
          id: row.id,
          kind: row.kind,
          state: row.state,
          attempts: row.attempts,
          lastError: row.lastError,
        }))
      emit({ type: 'drain-timeout', counts: core.outbox.counts(), open })
      break
    }
  }
  emit({ type: 'stats', stats })
  stage = 'closing the core'
  await core.close()
  emit({ type: 'done' })
  finished = true
  process.exit(0)
}

// The event loop running dry (a promise nothing will ever settle) ends a process quietly,
// with code 0: say so, and where.
process.on('exit', (code) => {
  if (!finished) emit({ type: 'fatal', message: `exited with code ${code} while ${stage}` })
})

main().catch((error: unknown) => {
  finished = true
  emit({ type: 'fatal', message: String((error as Error).stack ?? error) })
  process.exit(4)
})
