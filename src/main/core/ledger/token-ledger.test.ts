import { describe, expect, it } from 'vitest'
import { seedIds } from '../../../../test/pipedrive-sandbox/index'
import { apiPurposes, type ApiPurpose } from '../../../shared/api-usage'
import type { SyncStatus } from '../../../shared/ipc/contract'
import { useRigs, type Rig } from '../accounts/testing'

// The ledger against the sandbox, which keeps its own account of the company's daily budget:
// what Leadbox counts for each purpose must be what the sandbox charged meanwhile.

const rigs = useRigs()
const dayMs = 24 * 60 * 60_000

/** Tokens the sandbox charged today. */
const spentToday = (r: Rig) =>
  r.sandbox.state.dailyBudget.limit - r.sandbox.state.dailyBudget.remaining

/** Tokens the sandbox charged while `act` ran. */
async function charged(r: Rig, act: () => Promise<unknown>): Promise<number> {
  const before = r.sandbox.state.dailyBudget.remaining
  await act()
  return before - r.sandbox.state.dailyBudget.remaining
}

const purposeTokens = (r: Rig, purpose: ApiPurpose) =>
  r.core.usageToday()?.byPurpose.find((row) => row.purpose === purpose)?.tokens ?? 0

function capture(r: Rig, title: string) {
  const item = r.core.outbox.enqueueLead({
    title,
    person: { kind: 'existing', id: seedIds.persons.maria },
  })
  r.core.outboxChanged()
  return item
}

/**
 * What the sandbox charged while `act` ran, and what the ledger counted meanwhile per
 * purpose. The sync engine checks Pipedrive is there (GET /v1/users/me) before its first
 * send after a start or a network change, so 'account' may grow beside whatever `act` does.
 */
async function step(r: Rig, act: () => Promise<unknown>) {
  const before = Object.fromEntries(apiPurposes.map((p) => [p, purposeTokens(r, p)]))
  const spent = await charged(r, act)
  const counted = Object.fromEntries(
    apiPurposes.map((p) => [p, purposeTokens(r, p) - (before[p] ?? 0)]),
  ) as Record<ApiPurpose, number>
  expect(Object.values(counted).reduce((sum, tokens) => sum + tokens, 0)).toBe(spent)
  return { spent, counted, besidesAccount: spent - counted.account }
}

describe('the token ledger', () => {
  it('counts every purpose at what the sandbox charged, sign-in included', async () => {
    const r = await rigs.start({ core: { backgroundRefresh: false } })
    expect(r.core.usageToday()).toBeNull()

    const signIn = await step(r, () => r.core.accounts.signInWithToken(r.sandbox.apiToken))
    expect(signIn.counted.account).toBeGreaterThanOrEqual(2) // GET /v1/users/me

    const catalog = await step(r, () => r.core.catalogRefresher.refresh())
    expect(catalog.counted.catalog).toBeGreaterThan(0)
    expect(catalog.counted.catalog).toBe(catalog.besidesAccount)

    const inbox = await step(r, () => r.core.inboxRefresher.refresh())
    expect(inbox.counted.inbox).toBeGreaterThan(0)
    expect(inbox.counted.inbox).toBe(inbox.besidesAccount)

    const sent = await step(r, async () => {
      const item = capture(r, 'Counted lead')
      await expect.poll(() => r.core.outbox.get(item.id)?.state).toBe('sent')
      await r.core.sync.idle()
    })
    expect(sent.counted.capture).toBe(10) // POST /v1/leads
    expect(sent.counted.capture).toBe(sent.besidesAccount)

    const { limit, remaining } = r.sandbox.state.dailyBudget
    const usage = r.core.usageToday()
    expect(usage?.tokens).toBe(limit - remaining)
    expect(usage?.requests).toBe(
      r.sandbox.state.requests.filter((request) => request.path.startsWith('/api/')).length,
    )
    expect(purposeTokens(r, 'lookups')).toBe(0)
  })

  it('counts the listings that look for a lost send as lookups', async () => {
    const r = await rigs.start({
      core: {
        backgroundRefresh: false,
        sync: { attemptTimeoutMs: 1000, landingWindowMs: 1500 },
      },
    })
    await r.core.accounts.signInWithToken(r.sandbox.apiToken)
    r.sandbox.faults.storeThenReset(1, { method: 'POST', path: '/api/v1/leads' })
    const lost = await step(r, async () => {
      const item = capture(r, 'Lost answer')
      await expect.poll(() => r.core.outbox.get(item.id)?.state, { timeout: 10_000 }).toBe('sent')
      await r.core.sync.idle()
    })
    expect(r.sandbox.state.count('GET /api/v1/leads')).toBe(1)
    // The lost POST was charged by Pipedrive and counted by Leadbox; one listing found it.
    expect(lost.counted.capture).toBe(10)
    expect(lost.counted.lookups).toBe(20)
    expect(lost.besidesAccount).toBe(30)
  })

  it('keeps what is left of the budget as Pipedrive says, and warns the sync status when low', async () => {
    const r = await rigs.start({
      core: { backgroundRefresh: false },
      sandbox: { limits: { dailyTokens: 30_000 } },
    })
    await r.core.accounts.signInWithToken(r.sandbox.apiToken)
    await r.core.sync.idle()
    const left = () => r.sandbox.state.dailyBudget.remaining
    expect(r.core.usageToday()?.budget).toMatchObject({ left: left(), limit: 30_000 })
    expect(r.core.syncStatus().budget).toEqual({ left: left(), limit: 30_000 })

    const statuses: SyncStatus[] = []
    r.core.events.on('sync:status', (status) => statuses.push(status))
    r.sandbox.faults.setDailyBudget(2_500)
    await r.core.catalogRefresher.refresh()
    expect(r.core.syncStatus().budget).toEqual({ left: left(), limit: 30_000 })
    // Told once, as the budget turned low, not at every request.
    expect(statuses.filter((status) => status.budget !== null)).toHaveLength(1)
    expect(statuses[0]?.budget?.left).toBeLessThan(3_000)
  })

  it('says nothing about the budget when Pipedrive leaves its daily headers out, and still counts', async () => {
    const r = await rigs.start({
      core: { backgroundRefresh: false },
      sandbox: { limits: { dailyHeaders: false } },
    })
    const spent = await charged(r, async () => {
      await r.core.accounts.signInWithToken(r.sandbox.apiToken)
      await r.core.catalogRefresher.refresh()
    })
    expect(r.core.usageToday()).toMatchObject({ tokens: spent, budget: null })
    expect(r.core.syncStatus().budget).toBeNull()
  })

  it('takes a spent budget from a 429 even without headers', async () => {
    const r = await rigs.start({
      core: { backgroundRefresh: false },
      sandbox: { limits: { dailyHeaders: false } },
    })
    await r.core.accounts.signInWithToken(r.sandbox.apiToken)
    await r.core.sync.idle()
    const before = r.core.usageToday()?.tokens
    r.sandbox.faults.exhaustDailyBudget()
    await r.core.catalogRefresher.refresh().catch(() => undefined)
    expect(r.core.syncStatus().budget).toEqual({ left: 0, limit: null })
    // Refused requests cost nothing.
    expect(r.core.usageToday()?.tokens).toBe(before)
    expect(r.core.usageToday()?.requests).toBeGreaterThan(0)
  })

  it('starts a new day at UTC midnight and forgets old days', async () => {
    let offset = 0
    const now = () => Date.now() + offset
    const r = await rigs.start({
      core: { backgroundRefresh: false, now },
      sandbox: { now },
    })
    await r.core.accounts.signInWithToken(r.sandbox.apiToken)
    await r.core.sync.idle()
    const firstDay = r.core.usageToday()
    expect(firstDay?.tokens).toBe(spentToday(r))

    offset += dayMs
    expect(r.core.usageToday()).toMatchObject({ requests: 0, tokens: 0, budget: null })
    expect(r.core.syncStatus().budget).toBeNull()
    await r.core.catalogRefresher.refresh()
    expect(r.core.usageToday()?.day).not.toBe(firstDay?.day)
    expect(r.core.usageToday()?.budget?.left).toBe(r.sandbox.state.dailyBudget.remaining)

    const days = () => r.core.db.prepare('SELECT DISTINCT day FROM api_usage').pluck().all()
    expect(days()).toHaveLength(2)
    r.core.ledger.prune(0)
    expect(days()).toEqual([r.core.usageToday()?.day])
  })

  it('keeps each account apart, shows none once signed out, and goes on after signing in again', async () => {
    const r = await rigs.start({ core: { backgroundRefresh: false } })
    await r.core.accounts.signInWithToken(r.sandbox.apiToken)
    await r.core.sync.idle()
    r.core.ledger.record('other:account', {
      method: 'POST',
      path: '/api/v1/leads',
      purpose: 'capture',
      status: 201,
      failure: null,
      rateLimit: null,
    })
    expect(r.core.usageToday()?.tokens).toBe(spentToday(r))
    expect(r.core.ledger.today('other:account')).toMatchObject({ requests: 1, tokens: 10 })

    await r.core.accounts.signOut()
    expect(r.core.usageToday()).toBeNull()
    await r.core.accounts.signInWithToken(r.sandbox.apiToken)
    await r.core.sync.idle()
    // The same account again: today's count goes on from where it was.
    expect(r.core.usageToday()?.tokens).toBe(spentToday(r))
    expect(r.core.ledger.today('other:account')).toMatchObject({ requests: 1, tokens: 10 })
  })
})
