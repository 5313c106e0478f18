import { describe, expect, it } from 'vitest'
import { seedIds } from '../../../../test/pipedrive-sandbox/index'
import { useRigs, type Rig } from '../accounts/testing'

// The whole core: the account signs in, the engine drains what the user captured.

const rigs = useRigs()

function capture(r: Rig, title: string, extra: Record<string, unknown> = {}) {
  const item = r.core.outbox.enqueueLead({
    title,
    person: { kind: 'existing', id: seedIds.persons.maria },
    ...extra,
  })
  r.core.outboxChanged()
  return item
}

const sentCount = (r: Rig) => r.core.outbox.counts().sent

describe('syncing with a signed-in account', () => {
  it('sends what was captured once an API token signs in, and reports it', async () => {
    const r = await rigs.start()
    const item = capture(r, 'Captured before sign-in')
    // The pass the capture woke has ended, without an account to send with.
    await r.core.sync.idle()
    expect(r.core.outbox.get(item.id)).toMatchObject({ state: 'queued', attempts: 0 })
    expect(r.sandbox.state.count('POST /api/v1/leads')).toBe(0)
    expect(r.core.syncStatus().signedIn).toBe(false)

    const statuses: number[] = []
    r.core.events.on('sync:status', (status) => statuses.push(status.counts.sent))
    await r.core.accounts.signInWithToken(r.sandbox.apiToken)
    await expect.poll(() => r.core.outbox.get(item.id)?.state).toBe('sent')
    expect(
      r.sandbox.state.leads.filter((lead) => lead['origin_id'] === item.clientId),
    ).toHaveLength(1)
    expect(statuses.at(-1)).toBe(1)
    expect(r.core.syncStatus()).toMatchObject({ signedIn: true, lastError: null })
  })

  it('refreshes an expired OAuth token once and delivers every lead once', async () => {
    const r = await rigs.start()
    await r.signInWithOAuth()
    const tokenCalls = r.sandbox.state.count('POST /oauth/token')
    r.sandbox.faults.expireAccessTokens()
    const items = [1, 2, 3, 4].map((n) => capture(r, `OAuth lead ${n}`))
    await expect.poll(() => sentCount(r), { timeout: 10_000 }).toBe(4)
    for (const item of items) {
      expect(
        r.sandbox.state.leads.filter((lead) => lead['origin_id'] === item.clientId),
      ).toHaveLength(1)
    }
    expect(r.sandbox.state.count('POST /oauth/token')).toBe(tokenCalls + 1)
  })

  it('keeps rows through a sign-out and sends them after the next sign-in', async () => {
    const r = await rigs.start()
    await r.core.accounts.signInWithToken(r.sandbox.apiToken)
    await r.core.accounts.signOut()
    const item = capture(r, 'Captured while signed out')
    await r.core.sync.idle()
    expect(r.core.outbox.get(item.id)).toMatchObject({ state: 'queued', attempts: 0 })
    expect(r.sandbox.state.leads.filter((lead) => lead['origin_id'] === item.clientId)).toEqual([])
    await r.core.accounts.signInWithToken(r.sandbox.apiToken)
    await expect.poll(() => r.core.outbox.get(item.id)?.state).toBe('sent')
  })
})
