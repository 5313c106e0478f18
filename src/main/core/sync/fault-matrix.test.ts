import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Outcome } from '../../../../test/pipedrive-sandbox/request-log'
import { seedIds, startSandbox, type Sandbox } from '../../../../test/pipedrive-sandbox/index'
import { networkSwitch } from '../../../../test/support/network-switch'
import { useTempDirs } from '../../../../test/support/temp-dir'
import type { LeadDraft } from '../../../shared/leads/lead-draft'
import { openDatabase } from '../db/database'
import { createSilentLogger } from '../log/logger'
import { createOutbox, type Outbox } from '../outbox/outbox'
import { createOutboxQueue } from '../outbox/outbox-queue'
import { createOutboxGateway } from '../pipedrive/pipedrive-gateway'
import { fixedAuth, testClient } from '../pipedrive/testing'
import { createSyncEngine, type SyncEngine } from './sync-engine'

// Every fault the sandbox can play, against a mix of leads (some with new persons and
// organizations, one with a note, one with a next activity). Whatever fails, each lead must end up in Pipedrive
// exactly once with its fields, and the outbox with every row sent. The engine keeps the
// product's rules on a short clock: an attempt is cut off after 1 s, and a request whose
// answer was lost is not looked up (nor sent again) until 2.5 s after its attempt began.
const timing = { attemptTimeoutMs: 1_000, landingWindowMs: 2_500 }

const tempDir = useTempDirs()
let sandbox: Sandbox | undefined
let engine: SyncEngine | undefined
afterEach(async () => {
  await engine?.stop()
  await sandbox?.close()
  engine = undefined
  sandbox = undefined
})

const mix: LeadDraft[] = [
  {
    title: 'Fleet renewal',
    person: { kind: 'existing', id: seedIds.persons.maria },
    value: { amount: 5000, currency: 'EUR' },
    labelIds: [seedIds.labels.hot],
  },
  { title: 'Warehouse vans', organization: { kind: 'existing', id: seedIds.organizations.acme } },
  {
    title: 'Trade fair contact',
    person: { kind: 'new', name: 'Nora Fairweather', email: 'nora@fair.example' },
    expectedCloseDate: '2026-12-24',
    activity: { type: 'call', subject: 'Call Nora', dueDate: '2026-12-18' },
  },
  {
    title: 'New depot',
    organization: { kind: 'new', name: 'Depot Partners GmbH' },
    note: 'Met at the fair; call in January',
  },
  {
    title: 'Referral',
    person: { kind: 'new', name: 'Pat Quinlan' },
    organization: { kind: 'new', name: 'Quinlan Freight' },
    visibleTo: '3',
  },
]

async function setup(options: { timeoutMs?: number; clock?: () => number } = {}) {
  const clock = options.clock ?? Date.now
  sandbox = await startSandbox({ limits: { plan: 'power' }, now: clock })
  const { db } = openDatabase(join(tempDir(), 'leadbox.db'), { log: createSilentLogger() })
  const outbox = createOutbox(db, clock)
  const { client } = testClient(fixedAuth(sandbox.url, { apiToken: sandbox.apiToken }), {
    timeoutMs: options.timeoutMs ?? 400,
    limiter: { burstLimit: 100 },
    now: clock,
  })
  const gateway = createOutboxGateway(client)
  const attention: number[] = []
  engine = createSyncEngine({
    queue: createOutboxQueue(db, clock, timing),
    session: () => ({ account: 'company:user', gateway }),
    network: networkSwitch(true),
    log: createSilentLogger(),
    onChange: () => {},
    onAttention: (count) => attention.push(count),
    random: () => 0,
    now: clock,
  })
  const items = mix.map((draft) => outbox.enqueueLead(draft))
  return { outbox, items, engine, sandbox, attention }
}

const open = (outbox: Outbox) =>
  outbox.list().filter((row) => ['queued', 'uncertain', 'sending'].includes(row.state))

/** "Sync now", then the engine on its own timers until nothing is left to send (bounded). */
async function drain(target: SyncEngine, outbox: Outbox, reason = 'sync now') {
  target.start()
  target.wake(reason)
  await expect.poll(() => open(outbox), { timeout: 20_000, interval: 50 }).toEqual([])
  await target.idle()
}

/** Writes the outbox makes: a fault on each of them has to be survived. */
const writes = [
  'POST /api/v2/persons',
  'POST /api/v2/organizations',
  'POST /api/v1/leads',
  'POST /api/v1/notes',
  'POST /api/v2/activities',
]
const pathOf = (endpoint: string) => endpoint.slice(endpoint.indexOf(' ') + 1)

/** Each lead once, with its fields; each new person and organization once. */
function expectDeliveredOnce(box: Sandbox, outbox: Outbox, itemIds: number[]) {
  const rows = outbox.list()
  expect(rows.filter((row) => row.state !== 'sent')).toEqual([])
  for (const [index, draft] of mix.entries()) {
    const row = rows.find((candidate) => candidate.id === itemIds[index])!
    const stored = box.state.leads.filter((lead) => lead['origin_id'] === row.clientId)
    expect(stored, draft.title).toHaveLength(1)
    expect(box.state.leads.filter((lead) => lead['title'] === draft.title)).toHaveLength(1)
    expect(stored[0]!['id']).toBe(row.remoteId)
    if (draft.value) expect(stored[0]!['value']).toEqual(draft.value)
    if (draft.labelIds) expect(stored[0]!['label_ids']).toEqual(draft.labelIds)
    if (draft.expectedCloseDate)
      expect(stored[0]!['expected_close_date']).toBe(draft.expectedCloseDate)
    if (draft.visibleTo) expect(stored[0]!['visible_to']).toBe(draft.visibleTo)
  }
  for (const name of ['Nora Fairweather', 'Pat Quinlan']) {
    expect(
      box.state.persons.filter((person) => person['name'] === name),
      name,
    ).toHaveLength(1)
  }
  for (const name of ['Depot Partners GmbH', 'Quinlan Freight']) {
    expect(
      box.state.organizations.filter((org) => org['name'] === name),
      name,
    ).toHaveLength(1)
  }
  const nora = box.state.persons.find((person) => person['name'] === 'Nora Fairweather')!
  const noraLead = box.state.leads.find((lead) => lead['title'] === 'Trade fair contact')!
  expect(noraLead['person_id']).toBe(nora['id'])
  const depot = box.state.leads.find((lead) => lead['title'] === 'New depot')!
  const notes = box.state.notes.filter((note) => note['lead_id'] === depot['id'])
  expect(notes.map((note) => note['content'])).toEqual(['Met at the fair; call in January'])
  const calls = box.state.activities.filter((activity) => activity['lead_id'] === noraLead['id'])
  expect(calls).toEqual([
    expect.objectContaining({
      subject: 'Call Nora',
      participants: [{ person_id: nora['id'], primary: true }],
    }),
  ])
}

describe('the sync engine against every fault', () => {
  it('delivers everything once when nothing fails', async () => {
    const { outbox, items, engine: e, sandbox: box } = await setup()
    await drain(e, outbox)
    expectDeliveredOnce(
      box,
      outbox,
      items.map((item) => item.id),
    )
  })

  it('waits out refused connections, then delivers', async () => {
    const { outbox, items, engine: e, sandbox: box } = await setup()
    await box.faults.refuseConnections()
    e.start()
    await e.idle()
    expect(outbox.list().some((row) => row.attempts > 0 && row.state === 'queued')).toBe(true)
    expect(outbox.list().filter((row) => row.state === 'sent')).toEqual([])
    await box.faults.acceptConnections()
    await drain(e, outbox)
    expectDeliveredOnce(
      box,
      outbox,
      items.map((item) => item.id),
    )
  })

  it.each([500, 502, 503])('retries %i on writes that stored nothing', async (status) => {
    const { outbox, items, engine: e, sandbox: box } = await setup()
    box.faults.failNext(4, { status, method: 'POST' })
    await drain(e, outbox)
    expectDeliveredOnce(
      box,
      outbox,
      items.map((item) => item.id),
    )
    expect(box.state.requests.filter((r) => r.outcome === status)).toHaveLength(4)
  })

  const lostAnswers: Array<[string, (box: Sandbox, path: string) => void, Outcome]> = [
    ['reset', (box, path) => box.faults.storeThenReset(1, { method: 'POST', path }), 'reset'],
    ...([500, 502, 503, 504] as const).map(
      (status): [string, (box: Sandbox, path: string) => void, Outcome] => [
        `${status}`,
        (box, path) => box.faults.storeThenFail(1, { method: 'POST', path, status }),
        `store-then-${status}`,
      ],
    ),
    [
      'hang',
      (box, path) => box.faults.storeThenHang(1, { method: 'POST', path }),
      'store-then-hang',
    ],
  ]

  it.each(lostAnswers)(
    'finds what each write stored before its answer was lost (%s), and never sends it again',
    async (_name, fault, outcome) => {
      const { outbox, items, engine: e, sandbox: box } = await setup()
      for (const endpoint of writes) fault(box, pathOf(endpoint))
      await drain(e, outbox)
      // Every fault really fired: each write stored its record and lost its answer once.
      for (const endpoint of writes) expect(box.state.count(endpoint, outcome), endpoint).toBe(1)
      expectDeliveredOnce(
        box,
        outbox,
        items.map((item) => item.id),
      )
    },
  )

  it('treats a hung write that stored nothing as unknown, and sends it once it cannot land', async () => {
    const { outbox, items, engine: e, sandbox: box } = await setup()
    for (const endpoint of writes)
      box.faults.hang({ count: 1, method: 'POST', path: pathOf(endpoint) })
    await drain(e, outbox)
    for (const endpoint of writes) expect(box.state.count(endpoint, 'hang'), endpoint).toBe(1)
    expectDeliveredOnce(
      box,
      outbox,
      items.map((item) => item.id),
    )
  })

  it('does not look before a request that is still on its way can no longer land', async () => {
    const { outbox, items, engine: e, sandbox: box } = await setup()
    // The server takes 1.2 s; the client gives up after 0.4 s, and the request lands later.
    for (const endpoint of writes) {
      box.faults.delay(1_200, { method: 'POST', path: pathOf(endpoint) })
    }
    await drain(e, outbox)
    for (const endpoint of writes) {
      const late = box.state.requests.filter((r) => r.endpoint === endpoint && r.clientGone)
      expect(late, endpoint).toHaveLength(1)
    }
    expectDeliveredOnce(
      box,
      outbox,
      items.map((item) => item.id),
    )
  })

  it.each([{ retryAfter: 1 }, {}])('waits for the window after a 429 (%o)', async (options) => {
    const { outbox, items, engine: e, sandbox: box } = await setup()
    box.faults.force429({ count: 2, method: 'POST', ...options })
    await drain(e, outbox)
    expectDeliveredOnce(
      box,
      outbox,
      items.map((item) => item.id),
    )
  })

  it('pauses when the daily budget is spent, says until when, and resumes after the reset', async () => {
    // One clock for Pipedrive, the client and the engine, moved past midnight by the test.
    let offset = 0
    const clock = () => Date.now() + offset
    const { outbox, items, engine: e, sandbox: box } = await setup({ clock })
    box.faults.exhaustDailyBudget()
    e.start()
    await e.idle()
    const pausedUntil = e.status().pausedUntil
    expect(pausedUntil).not.toBeNull()
    expect(new Date(pausedUntil!).toISOString()).toMatch(/T00:00:00\.000Z$/)
    expect(e.status().lastError).toMatch(/daily request budget/)
    expect(outbox.list().every((row) => row.state === 'queued')).toBe(true)

    offset = pausedUntil! - Date.now() + 1_000
    await drain(e, outbox, 'timer')
    expectDeliveredOnce(
      box,
      outbox,
      items.map((item) => item.id),
    )
  })

  it('stops on an HTML 403 and tells the user, then resumes on "Sync now"', async () => {
    const { outbox, items, engine: e, sandbox: box } = await setup()
    box.faults.cloudflare403({ count: 1, method: 'POST' })
    e.start()
    await e.idle()
    expect(e.status().lastError).toMatch(/refusing requests/)
    expect(e.status().pausedUntil).not.toBeNull()
    // Only the first batch went out; nothing after the 403, even when woken by the timer.
    const sentBeforeStop = box.state.requests.length
    expect(
      box.state.count('POST /api/v2/persons') + box.state.count('POST /api/v2/organizations'),
    ).toBeLessThanOrEqual(4)
    e.wake('timer')
    await e.idle()
    expect(box.state.requests.length).toBe(sentBeforeStop)
    await drain(e, outbox)
    expectDeliveredOnce(
      box,
      outbox,
      items.map((item) => item.id),
    )
  })

  it('keeps every row when Pipedrive refuses the sign-in', async () => {
    sandbox = await startSandbox()
    const { db } = openDatabase(join(tempDir(), 'leadbox.db'), { log: createSilentLogger() })
    const outbox = createOutbox(db)
    const { client } = testClient(fixedAuth(sandbox.url, { apiToken: 'revoked-token' }))
    engine = createSyncEngine({
      queue: createOutboxQueue(db),
      session: () => ({ account: 'a', gateway: createOutboxGateway(client) }),
      network: networkSwitch(true),
      log: createSilentLogger(),
      onChange: () => {},
    })
    outbox.enqueueLead(mix[0]!)
    outbox.enqueueLead(mix[1]!)
    engine.start()
    await engine.idle()
    expect(engine.status().lastError).toMatch(/Sign in again/)
    expect(outbox.list().map((row) => row.state)).toEqual(['queued', 'queued'])
    const refused = sandbox.state.count('POST /api/v1/leads', 401)
    expect(refused).toBeGreaterThan(0)
    engine.wake('timer')
    await engine.idle()
    expect(sandbox.state.count('POST /api/v1/leads', 401)).toBe(refused)
  })

  it("sets bad data aside with Pipedrive's own message and sends the rest", async () => {
    const { outbox, engine: e, sandbox: box, attention } = await setup()
    const bad = outbox.enqueueLead({
      title: 'Unknown label',
      person: { kind: 'existing', id: seedIds.persons.tom },
      labelIds: ['00000000-0000-4000-8000-000000000000'],
    })
    await drain(e, outbox)
    const row = outbox.get(bad.id)!
    expect(row.state).toBe('needs_attention')
    expect(row.lastError).toMatch(/./)
    expect(outbox.list().filter((item) => item.state === 'sent')).toHaveLength(
      outbox.list().length - 1,
    )
    expect(box.state.leads.filter((lead) => lead['title'] === 'Unknown label')).toEqual([])
    // The user hears of it once (a native notification in the app).
    expect(attention).toEqual([1])
  })
})
