// The chaos controller: one sandbox for the whole run, and for each seed a worker process
// (the real core) killed with SIGKILL at random moments, and at chosen ones (inside a
// capture's transaction, while a conversion runs…), under a storm of faults; then, faults
// off, a last run to drain, and the verdict. Used by chaos.test.ts and scripts/soak.mjs.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { build } from 'esbuild'
import keytar from 'keytar'
import { accountKey, keychainItems } from '../../src/main/core/auth/keychain-items'
import { seedIds, startSandbox, type Sandbox } from '../pipedrive-sandbox/index'
import { startFaultStorm, type FaultReport, type WindowKind } from './faults'
import { makePlan, pipedriveLeads as pipedriveLeadCounts, Random, streams } from './plan'
import {
  emptyStats,
  keychainService,
  linePrefix,
  type Arm,
  type FetchStats,
  type PipedriveLead,
  type WorkerConfig,
  type WorkerMessage,
} from './protocol'
import { baselineOf, verify } from './verify'

export interface SeedOptions {
  seed: number
  /** Operations in the plan. */
  ops: number
  /** SIGKILLs at least, before the last run. */
  kills: number
  /** How long the last run may take to empty the outbox. */
  drainDeadlineMs?: number
  /** Stop killing after this long; the last run then finishes the plan. */
  chaosBudgetMs?: number
  /** Progress lines, for the soak script. */
  log?: (line: string) => void
}

export interface SeedResult {
  seed: number
  failures: string[]
  /** What to type to run this seed again. */
  replay: string
  durationMs: number
  kills: number
  killsAt: Record<string, number>
  incarnations: number
  /** Median time from spawning the worker to its 'ready' (ms). */
  medianStartMs: number
  /** How long the killing phase and the last run took (ms). */
  phaseMs: { killing: number; last: number }
  faults: FaultReport
  /** Summed over every run of the worker (a killed run's last ~200 ms are not counted). */
  fetch: FetchStats
  /** Request outcomes in the sandbox's log during this seed, by endpoint. */
  requestOutcomes: Record<string, Record<string, number>>
  acceptedAttention: string[]
  facts: Record<string, number>
  /** Kept when the seed failed: the database and the core's logs. */
  dataDir: string | null
}

/**
 * Namesakes made by a colleague shortly before the run: persons and an organization with
 * names the plan gives new contacts. They existed before any request of the run began, so
 * none of them is the record a lost request made.
 */
async function colleagueNamesakes(sandbox: Sandbox): Promise<void> {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-token': sandbox.apiToken },
      body: JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`seeding namesakes: ${path} answered ${response.status}`)
  }
  await post('/api/v2/persons', { name: 'Anna Weber' })
  await post('/api/v2/persons', { name: 'Anna Weber' })
  await post('/api/v2/persons', {
    name: 'Jonas Wolf',
    emails: [{ value: 'jonas.wolf@colleague.example', primary: true }],
  })
  await post('/api/v2/organizations', { name: 'Weber Logistik' })
}

/**
 * Leads a colleague made in Pipedrive, each with open activities: Leadbox never created
 * them, so a note, activity or done mark on one names the lead by its Pipedrive id.
 */
async function colleagueLeads(sandbox: Sandbox): Promise<PipedriveLead[]> {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-token': sandbox.apiToken },
      body: JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`seeding leads: ${path} answered ${response.status}`)
    return ((await response.json()) as { data: { id: string | number } }).data.id
  }
  const persons = Object.values(seedIds.persons)
  const made: PipedriveLead[] = []
  for (let index = 0; index < pipedriveLeadCounts.count; index++) {
    const id = String(
      await post('/api/v1/leads', {
        title: `Colleague's lead ${index}`,
        person_id: persons[index % persons.length],
      }),
    )
    const activityIds: number[] = []
    for (let a = 0; a < pipedriveLeadCounts.activitiesEach; a++) {
      activityIds.push(
        Number(
          await post('/api/v2/activities', {
            subject: `Colleague's call ${index}.${a}`,
            type: 'call',
            lead_id: id,
            due_date: '2027-03-01',
          }),
        ),
      )
    }
    made.push({ id, activityIds })
  }
  return made
}

export const defaultOps = { test: 150, soak: 400 }
export const defaultKills = { test: 25, soak: 30 }

export const replayCommand = (seed: number, ops: number, kills: number) =>
  `npm run soak -- --seed ${seed} --ops ${ops} --kills ${kills}`

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** CHAOS_DEBUG=1: the worker's reports and the faults as they come, on stderr. */
const debug = Boolean(process.env['CHAOS_DEBUG'])

// --- The worker process ---

interface Launcher {
  command: string
  args(config: WorkerConfig): string[]
  env: NodeJS.ProcessEnv
  cleanup(): void
}

const root = process.cwd()
const workerSource = resolve(root, 'test/chaos/worker.ts')

/**
 * The worker bundled once per run: `node --import tsx` compiles the core at every start
 * (~3 s here), and a seed starts the worker 25+ times. The bundle is the same source; set
 * CHAOS_WORKER=tsx to run worker.ts through tsx instead.
 */
async function prepareWorker(): Promise<Launcher> {
  if (!existsSync(workerSource)) {
    throw new Error(`Run the chaos test from the repository root (${workerSource} not found).`)
  }
  if (process.env['CHAOS_WORKER'] === 'tsx') {
    return {
      command: process.execPath,
      args: (config) => ['--import', 'tsx', workerSource, JSON.stringify(config)],
      env: process.env,
      cleanup: () => {},
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'leadbox-chaos-worker-'))
  const outfile = join(dir, 'worker.cjs')
  await build({
    entryPoints: [workerSource],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    sourcemap: true,
    // Native modules load from node_modules (NODE_PATH).
    external: ['better-sqlite3', 'keytar'],
    logLevel: 'silent',
  })
  return {
    command: process.execPath,
    args: (config) => ['--enable-source-maps', outfile, JSON.stringify(config)],
    env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}

class WorkerRun {
  readonly child: ChildProcess
  readonly messages: WorkerMessage[] = []
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  readonly startedAt = Date.now()
  private stderr = ''
  private waiters = new Set<() => void>()
  exitedAt: { code: number | null; signal: NodeJS.Signals | null } | null = null

  constructor(launcher: Launcher, config: WorkerConfig) {
    this.child = spawn(launcher.command, launcher.args(config), {
      env: launcher.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.exited = new Promise((done) => {
      // 'close', not 'exit': the last lines and stderr are read by then.
      this.child.once('close', (code, signal) => {
        this.exitedAt = { code, signal }
        done(this.exitedAt)
        this.notify()
      })
    })
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      if (!line.startsWith(linePrefix)) return
      try {
        this.messages.push(JSON.parse(line.slice(linePrefix.length)) as WorkerMessage)
      } catch {
        return
      }
      this.notify()
    })
    if (debug) this.child.stdout!.on('data', (data: Buffer) => process.stderr.write(data))
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4_000)
    })
  }

  private notify() {
    for (const waiter of [...this.waiters]) waiter()
  }

  /** The first message (from the start) that matches, or 'exit', or 'timeout'. */
  waitFor(
    match: (message: WorkerMessage) => boolean,
    timeoutMs: number,
  ): Promise<WorkerMessage | 'exit' | 'timeout'> {
    return new Promise((done) => {
      const check = () => {
        const found = this.messages.find(match)
        if (found) return finish(found)
        if (this.exitedAt) return finish('exit')
      }
      const timer = setTimeout(() => finish('timeout'), timeoutMs)
      const finish = (result: WorkerMessage | 'exit' | 'timeout') => {
        clearTimeout(timer)
        this.waiters.delete(check)
        done(result)
      }
      this.waiters.add(check)
      check()
    })
  }

  async kill(): Promise<void> {
    if (!this.exitedAt) this.child.kill('SIGKILL')
    await this.exited
  }

  tail(): string {
    const fatal = this.messages.flatMap((m) =>
      m.type === 'fatal' || m.type === 'op-error' ? [m.message] : [],
    )
    return [...fatal, this.stderr.trim()].filter(Boolean).join('\n').slice(-3_000)
  }
}

// --- One seed ---

function addStats(total: FetchStats, run: FetchStats): void {
  for (const key of Object.keys(total) as Array<keyof FetchStats>) total[key] += run[key]
}

function diffCounts(
  before: Record<string, Record<string, number>>,
  after: Record<string, Record<string, number>>,
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {}
  for (const [endpoint, outcomes] of Object.entries(after)) {
    for (const [outcome, n] of Object.entries(outcomes)) {
      const delta = n - (before[endpoint]?.[outcome] ?? 0)
      if (delta > 0) (out[endpoint] ??= {})[outcome] = delta
    }
  }
  return out
}

const sumOutcomes = (counts: Record<string, Record<string, number>>, match: RegExp) =>
  Object.values(counts).reduce(
    (sum, outcomes) =>
      sum +
      Object.entries(outcomes).reduce((s, [outcome, n]) => (match.test(outcome) ? s + n : s), 0),
    0,
  )

export interface ChaosEnvironment {
  sandbox: Sandbox
  runSeed(options: SeedOptions): Promise<SeedResult>
  close(): Promise<void>
}

export async function startChaosEnvironment(): Promise<ChaosEnvironment> {
  if (process.platform === 'linux' && !process.env['LEADBOX_TEST_KEYRING']) {
    throw new Error('Run the chaos test through scripts/with-keyring.sh: it needs a keychain.')
  }
  const launcher = await prepareWorker()
  const clock = { aheadMs: 0 }
  const sandbox = await startSandbox({
    now: () => Date.now() + clock.aheadMs,
    // Generous: the storm brings its own 429s; the run must not hit the real ceilings.
    limits: { plan: 'enterprise', seats: 10, dailyTokens: 50_000_000, blockAfter: 500 },
    conversion: { polls: 2, ms: 1_500 },
    searchIndexLagMs: 1_500,
    logLimit: 1_000,
  })
  return {
    sandbox,
    runSeed: (options) => runSeed(sandbox, clock, launcher, options),
    async close() {
      await sandbox.close()
      launcher.cleanup()
    },
  }
}

async function runSeed(
  sandbox: Sandbox,
  /** How far Pipedrive's clock is ahead of ours. */
  clock: { aheadMs: number },
  launcher: Launcher,
  options: SeedOptions,
): Promise<SeedResult> {
  const started = Date.now()
  const { seed, ops, kills: minKills } = options
  const log = options.log ?? (() => {})
  const drainDeadlineMs = options.drainDeadlineMs ?? 45_000
  const chaosDeadline = started + (options.chaosBudgetMs ?? Math.max(150_000, ops * 600))
  // Long enough that the plan is done after about `kills` runs (an op takes ~80 ms).
  const killWindowMs = Math.max(1_300, Math.round((ops * 200) / options.kills))
  const plan = makePlan(seed, ops)
  const random = new Random(seed, streams.kills)
  const dataDir = mkdtempSync(join(tmpdir(), `leadbox-chaos-s${seed}-`))
  const failures: string[] = []
  const fetchTotal = emptyStats()
  const refused = new Map<number, string>()
  const skipped = new Set<number>()
  const onTheirWay = new Set<number>()
  const killsAt: Record<string, number> = {
    random: 0,
    startup: 0,
    capture: 0,
    change: 0,
    settle: 0,
    'convert-start': 0,
    'convert-poll': 0,
  }
  // Each seed starts from the same Pipedrive, so that it replays alone as it ran here:
  // the seed data, and namesakes a colleague made just before the run.
  clock.aheadMs = 0
  await sandbox.reset()
  await colleagueNamesakes(sandbox)
  const pipedriveLeads = await colleagueLeads(sandbox)
  // Made well before the first request of the run: Pipedrive's clock moves on 10 s (and
  // stays 10 s ahead of ours, a skew the engine must allow for anyway), more than the 5 s an
  // engine that knows Pipedrive's clock may allow for its Date header's whole seconds.
  clock.aheadMs = 10_000
  const baseline = baselineOf(sandbox)
  const countsBefore = sandbox.state.counts()
  const planConverts = plan.ops.some(
    (op) => op.type === 'change' && op.kind === 'convert' && !op.late,
  )

  let kills = 0
  let incarnations = 0
  /** From spawn to 'ready', per run of the worker (ms). */
  const startMs: number[] = []
  let planDone = false
  let openConverts = 0
  let nextOp = 0

  const config = (final: boolean, arm: Arm): WorkerConfig => ({
    dataDir,
    url: sandbox.url,
    token: sandbox.apiToken,
    seed,
    ops,
    final,
    arm,
    armIndex: random.int(0, 3),
    drainDeadlineMs,
    keychainService,
    pipedriveLeads,
  })

  /** What a run of the worker said, whatever became of it. */
  const absorb = (run: WorkerRun) => {
    let last: FetchStats | null = null
    for (const message of run.messages) {
      switch (message.type) {
        case 'stats':
          last = message.stats
          break
        case 'refused':
          refused.set(message.n, message.message)
          break
        case 'skipped':
          skipped.add(message.n)
          break
        case 'on-its-way':
          onTheirWay.add(message.rowId)
          break
        case 'plan-done':
          planDone = true
          break
        case 'ready':
        case 'progress':
          nextOp = Math.max(nextOp, message.nextOp)
          openConverts = message.openConverts
          break
        case 'health':
          if (message.status !== 'ok') {
            failures.push(
              `the database was not whole at a start: ${message.status} ${message.detail ?? ''}`,
            )
          }
          break
        case 'op-error':
          failures.push(`op${message.n} failed in the worker: ${message.message}`)
          break
        case 'fatal':
          failures.push(`the worker failed: ${message.message}`)
          break
        case 'signin-retry':
        case 'hit':
        case 'drained':
        case 'drain-timeout':
        case 'done':
          break
      }
    }
    if (last) addStats(fetchTotal, last)
  }

  const convertKills = () => killsAt['convert-start']! + killsAt['convert-poll']!
  /** Runs armed for a kill point; one that cannot be reached is given up after a few. */
  const tries = { settle: 0, convert: 0, change: 0 }

  /** Where this run of the worker dies: mostly a kill point not hit yet, else at random. */
  const chooseArm = (): { arm: Arm; startup: boolean } => {
    // Captures stop with the plan: the first kill point to get.
    if (!planDone && killsAt['capture']! < 1 && incarnations >= 1) {
      return { arm: 'capture', startup: false }
    }
    // A conversion is open only now and then: the next kill point to get, while one is.
    if (planConverts && openConverts > 0 && convertKills() < 1 && tries.convert < 12) {
      return { arm: 'convert', startup: false }
    }
    const missing: Arm[] = []
    if (killsAt['settle']! < 1 && tries.settle < 8) missing.push('settle')
    if (!planDone && killsAt['change']! < 1 && tries.change < 6) missing.push('change')
    if (incarnations >= 1 && missing.length > 0 && random.chance(0.75)) {
      return { arm: random.pick(missing), startup: false }
    }
    const roll = random.next()
    if (!planDone && killsAt['capture']! < 3 && roll < 0.1)
      return { arm: 'capture', startup: false }
    if (!planDone && killsAt['change']! < 2 && roll < 0.16) return { arm: 'change', startup: false }
    if (openConverts > 0 && convertKills() < 4 && roll < 0.35) {
      return { arm: random.pick<Arm>(['convert', 'convert-start', 'convert-poll']), startup: false }
    }
    if (killsAt['settle']! < 4 && roll < 0.47) return { arm: 'settle', startup: false }
    // Now and then while it starts: migrations, recovery, sign-in.
    return { arm: 'none', startup: random.chance(0.1) }
  }
  /** The kill points still missing that can still be hit. */
  const missing = () =>
    (killsAt['settle']! < 1 && tries.settle < 8) ||
    (planConverts && openConverts > 0 && convertKills() < 1 && tries.convert < 12)

  const storm = startFaultStorm(sandbox, new Random(seed, streams.faults), {
    searchIndexLagMs: 1_500,
  })
  type Window = [WindowKind, () => number]
  const windows: Window[] = [
    ['refuseConnections', () => fetchTotal.refused],
    ['resetConnections', () => fetchTotal.reset],
    ['dailyBudget', () => fetchTotal.status429Daily],
  ]
  // A window can fall where the worker happened to send nothing: a few runs each, not one.
  const windowTries = windows.map(() => 0)
  const maxWindowTries = 3
  /** A run of the worker that meets one fault that lasts a moment, then is killed. */
  const windowRun = async ([kind]: Window) => {
    const run = new WorkerRun(launcher, config(false, 'none'))
    incarnations += 1
    await run.waitFor((m) => m.type === 'ready', 30_000)
    await sleep(150)
    await storm.window(kind, 1_500)
    await sleep(1_800)
    if (run.exitedAt) {
      absorb(run)
      failures.push(`the worker stopped by itself (${JSON.stringify(run.exitedAt)}): ${run.tail()}`)
      return
    }
    await run.kill()
    absorb(run)
    kills += 1
    killsAt['random'] = (killsAt['random'] ?? 0) + 1
    log(`seed ${seed}: kill ${kills} (a run meeting ${kind}), plan at op${nextOp}/${ops}`)
  }
  let faultReport: FaultReport
  try {
    // --- Killing phase ---
    while (failures.length === 0) {
      if (planDone && kills >= minKills && !missing()) break
      if (Date.now() > chaosDeadline) {
        // The last run finishes the plan; too few kills or kill points fail below.
        log(`seed ${seed}: killing phase out of time at op${nextOp}/${ops}`)
        break
      }
      // Faults that last a moment (connections, the budget) can fall where the worker sent
      // nothing. Past a third of the plan, each that no run has seen yet gets runs of its own
      // (the least tried first, so one that keeps missing does not starve the others while
      // the plan runs out), applied once the worker is up and capturing.
      const unseen = windows
        .map((window, index) => ({ window, index }))
        .filter(
          ({ window: [, seen], index }) => seen() === 0 && windowTries[index]! < maxWindowTries,
        )
        .sort((a, b) => windowTries[a.index]! - windowTries[b.index]!)[0]
      if (unseen && !planDone && nextOp >= ops / 3) {
        windowTries[unseen.index]! += 1
        await windowRun(unseen.window)
        continue
      }
      const { arm, startup } = chooseArm()
      if (arm === 'settle') tries.settle += 1
      if (arm === 'change') tries.change += 1
      const converting = arm === 'convert' || arm === 'convert-start' || arm === 'convert-poll'
      if (converting) tries.convert += 1
      const run = new WorkerRun(launcher, config(false, arm))
      incarnations += 1
      let killedAt = 'random'
      if (startup) {
        await Promise.race([sleep(random.int(50, 900)), run.exited])
        killedAt = 'startup'
      } else {
        const ready = await run.waitFor((m) => m.type === 'ready', 30_000)
        startMs.push(Date.now() - run.startedAt)
        if (ready === 'exit' || ready === 'timeout') {
          failures.push(
            `the worker did not start (${ready} ${JSON.stringify(run.exitedAt)}): ${run.tail()}`,
          )
          await run.kill()
          absorb(run)
          break
        }
        if (arm !== 'none') {
          // A conversion waits for its lead and for the landing windows of what went
          // before it: give it longer.
          const armedMs = converting ? 5_000 : 2_000
          const hit = await run.waitFor((m) => m.type === 'hit', armedMs)
          if (hit !== 'exit' && hit !== 'timeout' && hit.type === 'hit') killedAt = hit.arm
        } else {
          await Promise.race([sleep(random.int(100, killWindowMs)), run.exited])
        }
      }
      if (run.exitedAt) {
        absorb(run)
        failures.push(
          `the worker stopped by itself (${JSON.stringify(run.exitedAt)}): ${run.tail()}`,
        )
        break
      }
      await run.kill()
      absorb(run)
      kills += 1
      killsAt[killedAt] = (killsAt[killedAt] ?? 0) + 1
      const missed = arm !== 'none' && killedAt === 'random' ? `, armed ${arm} in vain` : ''
      log(`seed ${seed}: kill ${kills} (${killedAt}${missed}), plan at op${nextOp}/${ops}`)
    }

    // Those still unseen: once more, with the draining worker pressing "Sync now" each second.
    for (const window of windows) {
      for (let attempt = 0; failures.length === 0 && window[1]() === 0 && attempt < 2; attempt++) {
        await windowRun(window)
      }
    }
  } finally {
    // Faults off, whatever happened.
    faultReport = await storm.finish()
  }

  // --- The last run: no faults, no kill; it drains and exits ---
  const lastStarted = Date.now()
  let drained = false
  let sentBeforeLastRun = 0
  const lastRun = failures.length === 0
  if (lastRun) {
    const run = new WorkerRun(launcher, config(true, 'none'))
    incarnations += 1
    const ready = await run.waitFor((m) => m.type === 'ready', 30_000)
    if (ready !== 'exit' && ready !== 'timeout' && ready.type === 'ready') {
      // How much the engine delivered while it was being killed and faulted.
      const total = Object.values(ready.counts).reduce((sum, n) => sum + n, 0)
      sentBeforeLastRun = total === 0 ? 0 : Math.round((100 * (ready.counts['sent'] ?? 0)) / total)
    }
    // It may still have ops of the plan to do (if the killing phase ran out of time).
    const end = await run.waitFor(
      (m) => m.type === 'done',
      drainDeadlineMs + (ops - nextOp) * 300 + 60_000,
    )
    if (end === 'timeout') {
      failures.push(`the last run did not finish: ${run.tail()}`)
      await run.kill()
    }
    await run.exited
    absorb(run)
    for (const message of run.messages) {
      if (message.type === 'drained') drained = true
      if (message.type === 'drain-timeout') {
        failures.push(
          `the outbox did not empty within ${drainDeadlineMs / 1000} s of the last run: ${message.open.length} rows open: ${message.open
            .slice(0, 12)
            .map(
              (row) =>
                `${row.id} ${row.kind} ${row.state} ×${row.attempts}${row.lastError ? ` (${row.lastError})` : ''}`,
            )
            .join('; ')}`,
        )
      }
    }
    if (!drained && !failures.some((f) => f.includes('did not empty'))) {
      failures.push(
        `the last run ended without draining (${JSON.stringify(run.exitedAt)}): ${run.tail()}`,
      )
    }
  }

  const phaseMs = { killing: lastStarted - started, last: Date.now() - lastStarted }

  // --- The verdict ---
  const requestOutcomes = diffCounts(countsBefore, sandbox.state.counts())
  let acceptedAttention: string[] = []
  let facts: Record<string, number> = {}
  // When the killing phase broke off, what the database holds is no outcome of the plan.
  if (lastRun && existsSync(join(dataDir, 'leadbox.db'))) {
    const verdict = verify({
      plan,
      dbFile: join(dataDir, 'leadbox.db'),
      sandbox,
      baseline,
      refused,
      skipped,
      onTheirWay,
      pipedriveLeads,
    })
    failures.push(...verdict.failures)
    acceptedAttention = verdict.acceptedAttention
    facts = { ...verdict.facts, percentSentBeforeLastRun: sentBeforeLastRun }
  } else if (lastRun) failures.push('the worker never made a database')

  // The chaos really happened.
  if (lastRun) {
    if (kills < minKills) failures.push(`only ${kills} kills (at least ${minKills} wanted)`)
    if (killsAt['capture']! < 1) failures.push('no kill landed inside a capture transaction')
    if (killsAt['settle']! < 1) failures.push('no kill landed between a send and its record')
    if (planConverts && convertKills() < 1) failures.push('no kill landed during a conversion')
    const fired = faultReport.fired
    for (const [kind, n] of Object.entries(fired)) {
      if (n === 0)
        failures.push(
          `fault ${kind} was injected ${faultReport.injected[kind] ?? 0} times and never fired`,
        )
    }
    // Rule faults are counted by the sandbox (above); faults that last a moment, by the worker.
    const windowed: Array<[string, number]> = [
      ['refused connections (ECONNREFUSED seen by the worker)', fetchTotal.refused],
      ['reset connections (ECONNRESET/socket errors seen by the worker)', fetchTotal.reset],
      ['429 for the daily budget', fetchTotal.status429Daily],
    ]
    for (const [what, n] of windowed) if (n === 0) failures.push(`no ${what} during the storm`)
    if (sumOutcomes(requestOutcomes, /^(reset|store-then-)/) === 0) {
      failures.push('no answer was lost after a write (reset / store-then-*) in the sandbox log')
    }
  }

  // Leave the keychain as found (the OS keychain, off Linux).
  await keytar
    .deletePassword(
      keychainService,
      keychainItems.apiToken(accountKey(seedIds.company, seedIds.me)),
    )
    .catch(() => false)
  const keep = failures.length > 0
  if (!keep) rmSync(dataDir, { recursive: true, force: true })

  return {
    seed,
    failures,
    replay: replayCommand(seed, ops, minKills),
    durationMs: Date.now() - started,
    kills,
    killsAt,
    incarnations,
    medianStartMs: [...startMs].sort((a, b) => a - b)[Math.floor(startMs.length / 2)] ?? 0,
    phaseMs,
    faults: faultReport,
    fetch: fetchTotal,
    requestOutcomes,
    acceptedAttention,
    facts,
    dataDir: keep ? dataDir : null,
  }
}

/** A failed seed, for people: what broke, how to replay it, where its database is. */
export function describeFailure(result: SeedResult, limit = 40): string {
  const shown = result.failures.slice(0, limit)
  const more = result.failures.length - shown.length
  return [
    `Chaos seed ${result.seed} failed (${result.failures.length} findings, ${result.kills} kills, ${Math.round(result.durationMs / 1000)} s):`,
    ...shown.map((f) => `  - ${f}`),
    ...(more > 0 ? [`  … and ${more} more`] : []),
    `Replay: ${result.replay}`,
    ...(result.dataDir ? [`Database and core logs kept in ${result.dataDir}`] : []),
  ].join('\n')
}

/** One line per seed: what happened. */
export function describeRun(result: SeedResult): string {
  const facts = Object.entries(result.facts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')
  const killsAt = Object.entries(result.killsAt)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')
  const fired = Object.entries(result.faults.fired)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')
  const f = result.fetch
  return [
    `seed ${result.seed}: ${result.failures.length === 0 ? 'ok' : `${result.failures.length} findings`} in ${Math.round(result.durationMs / 1000)} s; ${result.kills} kills (${killsAt}) over ${result.incarnations} runs (median start ${result.medianStartMs} ms; killing ${Math.round(result.phaseMs.killing / 1000)} s, last run ${Math.round(result.phaseMs.last / 1000)} s)`,
    `  ${facts}`,
    `  faults fired: ${fired}; worker saw ${f.requests} requests: refused ${f.refused}, reset ${f.reset}, timeout ${f.timeout}, 5xx ${f.status5xx}, 429 ${f.status429} (Retry-After ${f.status429RetryAfter}, daily ${f.status429Daily})`,
    ...(result.faults.standIns.length > 0
      ? [`  stand-ins: ${result.faults.standIns.join(', ')}`]
      : []),
    ...(result.acceptedAttention.length > 0
      ? [
          `  accepted needs_attention (late changes of removed leads): ${result.acceptedAttention.length}`,
        ]
      : []),
  ].join('\n')
}
