// What Leadbox costs a company's daily Pipedrive token budget. A simulated 10-hour working
// day on a fake clock, against the sandbox (a real HTTP server, charging each endpoint's
// x-token-cost) and the real core (real SQLite): the freshness plan beside the schedule
// Leadbox had before it, in the same run. Then the tokens one captured lead costs from
// capture to synced, beside the calls a script around the official SDK's addLead makes.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { ApiUsage } from '../src/shared/api-usage'
import type { LeadDraft } from '../src/shared/leads/lead-draft'
import { testKeychain } from '../src/main/core/auth/testing'
import {
  freshnessPlan,
  type Attention,
  type FreshnessPlan,
} from '../src/main/core/freshness/freshness-plan'
import { createCore, type Core } from '../src/main/core/index'
import { endpointCost } from '../src/main/core/pipedrive/token-cost'
import { createDemoCompany } from '../test/pipedrive-sandbox/demo-company'
import { seedIds, startSandbox, type Sandbox } from '../test/pipedrive-sandbox/index'
import { networkSwitch } from '../test/support/network-switch'
import { createFakeClock, type FakeClock } from '../test/support/fake-clock'

const minute = 60_000
const hour = 60 * minute
/** A Monday, 08:00 UTC: the day starts with the app already signed in. */
const dayStart = Date.UTC(2027, 0, 11, 8)
const dayLength = 10 * hour

/** Leadbox's schedule before it followed the user's attention (the figures). */
const earlierSchedule: FreshnessPlan = {
  inboxEvery: {
    'in-use': 2 * minute,
    'on-screen': 2 * minute,
    idle: 2 * minute,
    hidden: 15 * minute,
  },
  catalogEvery: {
    'in-use': 15 * minute,
    'on-screen': 15 * minute,
    idle: 15 * minute,
    hidden: 15 * minute,
  },
  // It did not read activities: as often as it looked at leads.
  inboxActivitiesEvery: 2 * minute,
  inboxFullEvery: hour,
  archivedEvery: 10 * minute,
  archivedStaleAfter: Number.POSITIVE_INFINITY,
  catalogOnQuickAddAfter: 15 * minute,
  catalogReferenceEvery: hour,
  listAfterSend: true,
}

/** The inbox on screen, in use: six half hours, 3 hours in all. Hidden otherwise. */
const onScreen: Array<[number, number]> = [
  [0, 30],
  [90, 120],
  [180, 210],
  [300, 330],
  [390, 420],
  [510, 540],
].map(([from, to]) => [dayStart + from! * minute, dayStart + to! * minute])
/** The user opens the archive twice, while looking. */
const archiveOpenedAt = [dayStart + 95 * minute, dayStart + 395 * minute]
const captures = 40
const captureEvery = 15 * minute
/** Someone else changes a lead in Pipedrive this often. */
const changeEvery = 6 * minute
const step = 30_000

const attentionAt = (at: number): Attention =>
  onScreen.some(([from, to]) => at >= from && at < to) ? 'in-use' : 'hidden'

/** How long the inbox was on screen between two moments. */
const onScreenBetween = (from: number, to: number) =>
  onScreen.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, to) - Math.max(a, from)), 0)

interface Rig {
  core: Core
  sandbox: Sandbox
  clock: FakeClock
  settle(): Promise<void>
  /** Enqueues a lead and waits until the outbox delivered everything. */
  capture(draft: unknown): Promise<void>
  usage(): ApiUsage
  close(): Promise<void>
}

async function startRig(plan: FreshnessPlan, start: number): Promise<Rig> {
  const clock = createFakeClock(start)
  const sandbox = await startSandbox({
    now: clock.now,
    limits: { enabled: false },
    company: (at) => createDemoCompany(at),
    logLimit: 100_000,
  })
  const keychain = testKeychain()
  const dir = mkdtempSync(join(tmpdir(), 'leadbox-bench-'))
  const core = await createCore({
    dataDir: dir,
    version: 'bench',
    platform: process.platform,
    fetch,
    secrets: keychain.secrets,
    network: networkSwitch(true),
    openExternal: async () => {},
    openPath: async () => '',
    pipedriveUrl: sandbox.url,
    now: clock.now,
    timers: clock.timers,
    freshness: plan,
  })
  const busy = () =>
    core.inboxRefresher.status().refreshing || core.catalogRefresher.status().refreshing
  const settle = async () => {
    for (;;) {
      await core.sync.idle()
      await new Promise((resolve) => setImmediate(resolve))
      if (!busy() && core.sync.status().sending.length === 0) return
      await sleep(1)
    }
  }
  const status = await core.accounts.signInWithToken(sandbox.apiToken)
  if (!status.account) throw new Error('The sandbox did not accept the sign-in')
  const unsent = () => {
    const counts = core.outbox.counts()
    return counts.queued + counts.sending + counts.uncertain
  }
  return {
    core,
    sandbox,
    clock,
    settle,
    async capture(draft) {
      // Each lead is captured with quick add, which may read the catalog first.
      core.catalogRefresher.quickAddOpened()
      await settle()
      core.outbox.enqueueLead(draft)
      core.outboxChanged()
      while (unsent() > 0) {
        await settle()
        if (unsent() > 0) {
          await sleep(20)
          core.sync.wake('bench')
        }
      }
      await settle()
    },
    usage() {
      const usage = core.usageToday()
      if (!usage) throw new Error('Signed out during the benchmark')
      return usage
    },
    async close() {
      await core.close()
      await sandbox.close()
      await keychain.clear()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

const drafts = (i: number): unknown => {
  const title = `Bench capture ${i}`
  switch (i % 3) {
    case 0:
      return { title, person: { kind: 'existing', id: seedIds.persons.maria } }
    case 1:
      return {
        title,
        person: { kind: 'new', name: `Bench Person ${i}`, email: `bench${i}@example.com` },
        organization: { kind: 'new', name: `Bench Company ${i}` },
      }
    default:
      return {
        title,
        organization: { kind: 'existing', id: seedIds.organizations.acme },
        note: 'Met at the fair; call back next week.',
      }
  }
}

function tokensBy(usage: ApiUsage, minus?: ApiUsage) {
  const out: Record<string, number> = {}
  for (const { purpose, tokens } of usage.byPurpose) {
    const before = minus?.byPurpose.find((p) => p.purpose === purpose)?.tokens ?? 0
    out[purpose] = tokens - before
  }
  return out
}

async function workingDay(name: string, plan: FreshnessPlan) {
  const rig = await startRig(plan, dayStart)
  const { core, clock, sandbox } = rig
  try {
    // Signing in is not part of a working day: the app starts signed in.
    const atStart = rig.usage()
    let attention: Attention | null = null
    let nextCapture = dayStart + 5 * minute
    let captured = 0
    let nextChange = dayStart + 3 * minute
    let archiveOpens = 0
    const liveAtStart = sandbox.state.leads
      .filter((lead) => lead['is_archived'] !== true)
      .map((lead) => String(lead['id']))
    const changes: Array<{ id: string; title: string; at: number; shownAt: number | null }> = []
    const titleOf = core.db.prepare<[string], { title: string }>(
      'SELECT title FROM inbox_lead WHERE id = ?',
    )
    core.inboxRefresher.start()
    core.catalogRefresher.start()
    for (let at = dayStart; at <= dayStart + dayLength; at += step) {
      await clock.advanceTo(at, rig.settle)
      const now = attentionAt(at)
      if (now !== attention) {
        core.setAttention(now)
        attention = now
        await clock.advanceTo(at, rig.settle)
      }
      if (archiveOpens < archiveOpenedAt.length && at >= archiveOpenedAt[archiveOpens]!) {
        core.inboxRefresher.archiveOpened()
        archiveOpens += 1
        await clock.advanceTo(at, rig.settle)
      }
      if (at >= nextChange) {
        // A different lead each time, so no change hides an earlier one.
        const id = liveAtStart[(changes.length * 37) % liveAtStart.length]!
        const title = `Changed elsewhere ${changes.length}`
        const answer = await fetch(`${sandbox.url}/api/v1/leads/${id}`, {
          method: 'PATCH',
          headers: { 'x-api-token': sandbox.apiToken, 'content-type': 'application/json' },
          body: JSON.stringify({ title }),
        })
        await answer.arrayBuffer()
        changes.push({ id, title, at, shownAt: null })
        nextChange += changeEvery
      }
      if (captured < captures && at >= nextCapture) {
        await rig.capture(drafts(captured))
        captured += 1
        nextCapture += captureEvery
      }
      for (const change of changes) {
        if (change.shownAt === null && titleOf.get(change.id)?.title === change.title) {
          change.shownAt = at
        }
      }
    }
    const usage = rig.usage()
    const byPurpose = tokensBy(usage, atStart)
    const tokens = Object.values(byPurpose).reduce((a, b) => a + b, 0)
    // What keeping up with Pipedrive cost: everything but the captures' own writes (those
    // are the user's work, measured per lead below).
    const readTokens = tokens - (byPurpose['capture'] ?? 0) - (byPurpose['lookups'] ?? 0)
    // How long a change waited while the inbox was on screen before it showed (a change made
    // while hidden waits only from the moment the inbox is back).
    const waits = changes.map((c) => onScreenBetween(c.at, c.shownAt ?? dayStart + dayLength))
    const worstWait = Math.max(...waits)
    return {
      name,
      tokens,
      readTokens,
      ...Object.fromEntries(Object.entries(byPurpose).map(([k, v]) => [`${k}Tokens`, v])),
      requests: usage.requests - atStart.requests,
      captured,
      changesInPipedrive: changes.length,
      changesShown: changes.filter((c) => c.shownAt !== null).length,
      worstWaitOnScreenMin: Math.round((worstWait / minute) * 10) / 10,
      shareOfEssentialSeat: Math.round((tokens / 30_000) * 1000) / 1000,
    }
  } finally {
    await rig.close()
  }
}

/** Token cost of what the sandbox logged since `from`: all of it, and the writes alone. */
function costSince(sandbox: Sandbox, from: number) {
  let all = 0
  let writes = 0
  for (const request of sandbox.state.requests.slice(from)) {
    const cost = endpointCost(request.method, request.path) ?? 0
    all += cost
    if (request.method !== 'GET') writes += cost
  }
  return { all, writes }
}

const perLeadCases: Array<{ kind: string; draft: LeadDraft }> = [
  {
    kind: 'existing person',
    draft: { title: 'Per lead: existing', person: { kind: 'existing', id: seedIds.persons.maria } },
  },
  {
    kind: 'new person and organization',
    draft: {
      title: 'Per lead: new contacts',
      person: { kind: 'new', name: 'Pia Neumann', email: 'pia@example.com' },
      organization: { kind: 'new', name: 'Neumann Logistik GmbH' },
    },
  },
  {
    kind: 'with a note',
    draft: {
      title: 'Per lead: note',
      person: { kind: 'existing', id: seedIds.persons.maria },
      note: 'Wants a quote by Friday.',
    },
  },
]

async function perLeadWithLeadbox() {
  const rig = await startRig(freshnessPlan, dayStart)
  try {
    rig.core.inboxRefresher.start()
    rig.core.catalogRefresher.start()
    rig.core.setAttention('in-use')
    await rig.clock.advanceTo(dayStart, rig.settle)
    // The first send after the app starts (or the network changes) checks once that
    // Pipedrive is there: 2 tokens, once, not per lead.
    await rig.capture({ title: 'Warm-up', person: { kind: 'existing', id: seedIds.persons.tom } })
    await rig.clock.advanceTo(dayStart + minute, rig.settle)
    const rows = []
    let at = dayStart + minute
    for (const { kind, draft } of perLeadCases) {
      const before = rig.usage().tokens
      const logged = rig.sandbox.state.requests.length
      await rig.capture(draft)
      // Whatever a send sets off (a listing after it, say) has its time to happen.
      at += 30_000
      await rig.clock.advanceTo(at, rig.settle)
      const tokens = rig.usage().tokens - before
      const { writes } = costSince(rig.sandbox, logged)
      rows.push({ kind, tokens, writes })
    }
    return rows
  } finally {
    await rig.close()
  }
}

/** A script around the official SDK: look the contact up by name, create what is missing, addLead. */
async function perLeadBySdkScript() {
  const sandbox = await startSandbox({ limits: { enabled: false }, logLimit: 10_000 })
  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { 'x-api-token': sandbox.apiToken, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return (await answer.json()) as { data: { id: number | string } & Record<string, unknown> }
  }
  try {
    const rows = []
    for (const { kind, draft } of perLeadCases) {
      const logged = sandbox.state.requests.length
      let personId: number | undefined
      let orgId: number | undefined
      if (draft.person?.kind === 'existing') {
        // A script knows names, not ids: it searches first.
        await call('GET', `/api/v2/persons/search?term=${encodeURIComponent('Maria Schmidt')}`)
        personId = draft.person.id
      }
      if (draft.organization?.kind === 'new') {
        await call(
          'GET',
          `/api/v2/organizations/search?term=${encodeURIComponent(draft.organization.name)}`,
        )
        orgId = Number(
          (await call('POST', '/api/v2/organizations', { name: draft.organization.name })).data.id,
        )
      }
      if (draft.person?.kind === 'new') {
        await call('GET', `/api/v2/persons/search?term=${encodeURIComponent(draft.person.name)}`)
        personId = Number(
          (
            await call('POST', '/api/v2/persons', {
              name: draft.person.name,
              ...(orgId ? { org_id: orgId } : {}),
              ...(draft.person.email
                ? { emails: [{ value: draft.person.email, primary: true }] }
                : {}),
            })
          ).data.id,
        )
      }
      // The SDK's addLead: POST /v1/leads.
      const lead = await call('POST', '/api/v1/leads', {
        title: draft.title,
        ...(personId ? { person_id: personId } : {}),
        ...(orgId ? { organization_id: orgId } : {}),
      })
      if (draft.note) {
        await call('POST', '/api/v1/notes', { content: draft.note, lead_id: lead.data.id })
      }
      // And a sync after, to show the new lead among the others.
      await call('GET', '/api/v1/leads?limit=100')
      const { all, writes } = costSince(sandbox, logged)
      rows.push({ kind, tokens: all, writes })
    }
    return rows
  } finally {
    await sandbox.close()
  }
}

export async function benchApiBudget() {
  const day = await workingDay('working day (10 h, 3 h on screen): freshness plan', freshnessPlan)
  const before = await workingDay(
    'working day (10 h, 3 h on screen): earlier schedule',
    earlierSchedule,
  )
  const leadbox = await perLeadWithLeadbox()
  const script = await perLeadBySdkScript()
  return [
    {
      ...day,
      target: 'readTokens <= 1500, changes shown within 5 min on screen',
      passed: day.readTokens <= 1_500 && day.worstWaitOnScreenMin <= 5,
    },
    before,
    ...leadbox.map((row) => ({
      name: `tokens per lead, capture to synced (${row.kind}): Leadbox`,
      tokens: row.tokens,
      writes: row.writes,
      target: 'tokens <= writes + 10%',
      passed: row.tokens <= row.writes * 1.1,
    })),
    ...script.map((row) => ({
      name: `tokens per lead (${row.kind}): script around the SDK's addLead`,
      tokens: row.tokens,
      writes: row.writes,
    })),
  ]
}
