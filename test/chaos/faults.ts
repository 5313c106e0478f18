// The chaos controller's fault storm: random faults on every write endpoint (and some on the
// reads that reconcile lost answers), injected through the sandbox's Faults API while the
// worker runs, and an account of which of them really fired.
import type { Faults, RequestMatch, Sandbox } from '../pipedrive-sandbox/index'
import type { Random } from './plan'
import { maxLateMs } from './protocol'

const writes: RequestMatch[] = [
  { method: 'POST', path: '/api/v1/leads' },
  { method: 'PATCH', path: '/api/v1/leads/{id}' },
  { method: 'DELETE', path: '/api/v1/leads/{id}' },
  { method: 'POST', path: '/api/v2/persons' },
  { method: 'POST', path: '/api/v2/organizations' },
  { method: 'POST', path: '/api/v1/notes' },
  { method: 'POST', path: '/api/v2/activities' },
  { method: 'PATCH', path: '/api/v2/activities/{id}' },
  { method: 'POST', path: '/api/v2/leads/{id}/convert/deal' },
]
/** Any write of a method. */
const broadWrites: RequestMatch[] = [{ method: 'POST' }, { method: 'PATCH' }, { method: 'DELETE' }]
/**
 * The next read of any kind: lookups of lost answers, a conversion's progress, refreshes.
 * Which reads a run makes is its own; a fault waiting for one route might never meet it.
 */
const anyRead: RequestMatch = { method: 'GET', path: '/api/*' }

export const faultKinds = [
  'refuseConnections',
  'resetConnections',
  'hang',
  'fail5xx',
  'storeThenReset',
  'storeThenFail',
  'storeThenHang',
  'force429RetryAfter',
  'force429',
  'dailyBudget',
  'lateCompletion',
  'readFail',
  'readHang',
] as const
export type FaultKind = (typeof faultKinds)[number]

/** Rule-based kinds: fired = how much of their count the sandbox used up. */
const ruleKinds = new Set<FaultKind>([
  'hang',
  'fail5xx',
  'storeThenReset',
  'storeThenFail',
  'storeThenHang',
  'force429RetryAfter',
  'force429',
  'lateCompletion',
  'readFail',
  'readHang',
])

export interface FaultReport {
  injected: Record<string, number>
  /** Uses of rule faults; windowed faults (connections, budget) are counted by the worker. */
  fired: Record<string, number>
  /** Faults the sandbox does not have yet, and what stood in for them. */
  standIns: string[]
}

export type WindowKind = 'refuseConnections' | 'resetConnections' | 'dailyBudget'

export interface FaultStorm {
  /** One fault that lasts a moment, now, for `forMs` (in turn with the storm's own). */
  window(kind: WindowKind, forMs: number): Promise<void>
  /** Stops injecting, counts what fired, clears every fault. */
  finish(): Promise<FaultReport>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const debug = Boolean(process.env['CHAOS_DEBUG'])

/**
 * Faults the sandbox may not have in every version: each is used when present, and the
 * nearest older fault stands in for it otherwise (the report says which).
 */
function capabilities(faults: Faults) {
  const has = (name: string) =>
    typeof (faults as unknown as Record<string, unknown>)[name] === 'function'
  return {
    storeThenFail: has('storeThenFail'),
    storeThenHang: has('storeThenHang'),
  }
}

export function startFaultStorm(
  sandbox: Sandbox,
  random: Random,
  options: { searchIndexLagMs: number },
): FaultStorm {
  const { faults } = sandbox
  const can = capabilities(faults)
  const injected: Record<string, number> = {}
  const standIns = new Set<string>()
  /** Rule id → what it is and how many uses it was given. */
  const rules = new Map<number, { kind: FaultKind; count: number }>()
  const aimed = new Set<FaultKind>()
  let running = true
  let budgetTimer: NodeJS.Timeout | undefined
  let budgetBefore: number | null = null
  let connectionsBackAt = 0

  /** Adds a rule and remembers its id, read back from the sandbox's list. */
  const track = (kind: FaultKind, count: number, add: () => void) => {
    const before = new Set(faults.list().map((rule) => rule.id))
    add()
    for (const rule of faults.list()) {
      if (!before.has(rule.id)) rules.set(rule.id, { kind, count })
    }
  }

  /** A fault that lasts a moment: connections refused or reset, the daily budget spent. */
  async function windowFault(kind: WindowKind, forMs: number): Promise<void> {
    if (kind === 'dailyBudget') {
      budgetBefore ??= sandbox.state.dailyBudget.remaining
      const restore = budgetBefore
      faults.exhaustDailyBudget({ forMs })
      // Older sandboxes take no forMs: the budget comes back here either way.
      clearTimeout(budgetTimer)
      budgetTimer = setTimeout(() => {
        faults.setDailyBudget(restore)
        budgetBefore = null
      }, forMs)
      return
    }
    // One window at a time: the sandbox's refuseConnections, called while connections are
    // already refused, cancels the timer that would accept them again.
    if (Date.now() < connectionsBackAt) await sleep(connectionsBackAt - Date.now())
    connectionsBackAt = Date.now() + forMs + 100
    await faults.refuseConnections({
      forMs,
      mode: kind === 'refuseConnections' ? 'refuse' : 'reset',
    })
  }

  async function inject(kind: FaultKind): Promise<void> {
    if (debug) console.error(`chaos: inject ${kind}`)
    injected[kind] = (injected[kind] ?? 0) + 1
    // The first fault of each kind aims at any POST (captures never stop coming), so every
    // kind surely fires at least once a seed; later ones at one endpoint or method each.
    const first = !aimed.has(kind)
    aimed.add(kind)
    const write: RequestMatch = first
      ? { method: 'POST' }
      : random.chance(0.25)
        ? random.pick(broadWrites)
        : random.pick(writes)
    const count = random.int(1, 2)
    switch (kind) {
      case 'refuseConnections':
      case 'resetConnections':
        return windowFault(kind, random.int(150, 700))
      case 'hang':
        return track(kind, 1, () => faults.hang({ count: 1, ...write }))
      case 'fail5xx':
        return track(kind, count, () =>
          faults.failNext(count, { status: random.pick([500, 502, 503]), ...write }),
        )
      case 'storeThenReset':
        return track(kind, count, () => faults.storeThenReset(count, write))
      case 'storeThenFail':
        if (can.storeThenFail) {
          return track(kind, count, () =>
            faults.storeThenFail(count, { status: random.pick([500, 502, 503, 504]), ...write }),
          )
        }
        standIns.add('storeThenFail → storeThenReset')
        return track(kind, count, () => faults.storeThenReset(count, write))
      case 'storeThenHang':
        if (can.storeThenHang) return track(kind, 1, () => faults.storeThenHang(1, write))
        // Stored after the client gave up: the same lost answer, by way of a late completion.
        standIns.add('storeThenHang → delay(maxLateMs)')
        return track(kind, 1, () => faults.delay(maxLateMs, { count: 1, ...write }))
      case 'force429RetryAfter':
        return track(kind, count, () =>
          faults.force429({ count, retryAfter: random.int(1, 2), ...write }),
        )
      case 'force429':
        return track(kind, count, () => faults.force429({ count, ...write }))
      case 'dailyBudget':
        return windowFault(kind, random.int(500, 1_500))
      case 'lateCompletion':
        return track(kind, count, () =>
          faults.delay(random.int(200, maxLateMs), { count, giveUpAfterMs: maxLateMs, ...write }),
        )
      case 'readFail':
        return track(kind, 1, () =>
          faults.failNext(1, { status: random.pick([500, 503]), ...anyRead }),
        )
      case 'readHang':
        return track(kind, 1, () => faults.hang({ count: 1, ...anyRead }))
    }
  }

  faults.searchIndexLag(options.searchIndexLagMs)
  const loop = (async () => {
    let deck: FaultKind[] = []
    while (running) {
      await sleep(random.int(400, 1_500))
      if (!running) break
      if (deck.length === 0) deck = random.shuffle(faultKinds)
      const kind = deck.pop()!
      // A spent budget stops that run of the worker for good (the client then waits for
      // midnight, as Pipedrive's budget would): rarer than the others.
      if (kind === 'dailyBudget' && !random.chance(0.4)) continue
      await inject(kind)
    }
  })()

  return {
    window: windowFault,
    async finish() {
      running = false
      await loop
      const fired: Record<string, number> = {}
      const left = new Map(faults.list().map((rule) => [rule.id, rule.remaining]))
      for (const [id, { kind, count }] of rules) {
        const remaining = left.get(id)
        const used = count - (remaining === undefined ? 0 : remaining === 'always' ? 0 : remaining)
        fired[kind] = (fired[kind] ?? 0) + used
      }
      for (const kind of faultKinds) if (ruleKinds.has(kind)) fired[kind] ??= 0
      clearTimeout(budgetTimer)
      await faults.clear()
      if (budgetBefore !== null) faults.setDailyBudget(budgetBefore)
      // Pipedrive's search lags behind writes always, not only during a storm.
      faults.searchIndexLag(options.searchIndexLagMs)
      return { injected, fired, standIns: [...standIns] }
    },
  }
}
