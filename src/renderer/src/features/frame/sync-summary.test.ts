import { describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../../../shared/ipc/contract'
import { summarizeSync } from './sync-summary'

const status = (overrides: Partial<SyncStatus>, counts: Partial<SyncStatus['counts']> = {}) =>
  ({
    online: true,
    signedIn: false,
    nextAttemptAt: null,
    pausedUntil: null,
    unreachableSince: null,
    lastError: null,
    budget: null,
    ...overrides,
    counts: {
      queued: 0,
      sending: 0,
      uncertain: 0,
      sent: 0,
      needs_attention: 0,
      cancelled: 0,
      ...counts,
    },
  }) satisfies SyncStatus

describe('summarizeSync', () => {
  it('names connection, account and queue in its label', () => {
    expect(summarizeSync(status({})).label).toBe(
      'Sync status: Online, Pipedrive not connected, nothing waiting',
    )
  })

  it('counts queued, sending and uncertain as waiting, and attention apart', () => {
    const summary = summarizeSync(
      status({ online: false, signedIn: true }, { queued: 2, uncertain: 1, needs_attention: 1 }),
    )
    expect(summary.queue).toBe('3 waiting to sync, 1 needs attention')
    expect(summary.tone).toBe('attention')
    expect(summary.label).toMatch(/^Sync status: Offline, Pipedrive connected/)
  })

  it('picks a tone from the most pressing fact', () => {
    expect(summarizeSync(status({ online: false })).tone).toBe('offline')
    expect(summarizeSync(status({ signedIn: true })).tone).toBe('ok')
    expect(summarizeSync(status({})).tone).toBe('idle')
  })

  it('says Pipedrive is unreachable while the network is up, since when and the next try', () => {
    const now = new Date(2025, 4, 6, 10, 0).getTime()
    const summary = summarizeSync(
      status(
        { signedIn: true, unreachableSince: now - 5 * 60_000, nextAttemptAt: now + 60_000 },
        { queued: 2 },
      ),
      now,
      'en-GB',
    )
    expect(summary.state).toBe('unreachable')
    expect(summary.connection).toBe('Pipedrive unreachable')
    expect(summary.account).toBe('No answer since 09:55; next try 10:01')
    expect(summary.queue).toBe('2 waiting to sync')
    expect(summary.tone).toBe('offline')
  })

  it('says a next try that is due or past as now, never as a time', () => {
    const now = new Date(2025, 4, 6, 10, 0).getTime()
    const summary = summarizeSync(
      status({ signedIn: true, unreachableSince: now - 1000, nextAttemptAt: null }),
      now,
      'en-GB',
    )
    expect(summary.account).toBe('No answer since 09:59; next try now')
  })

  it('tells offline, signed out, paused, syncing and all sent apart', () => {
    const now = new Date(2025, 4, 6, 10, 0).getTime()
    const state = (overrides: Partial<SyncStatus>, counts: Partial<SyncStatus['counts']> = {}) =>
      summarizeSync(status(overrides, counts), now, 'en-GB')
    expect(state({ online: false, signedIn: true }).state).toBe('offline')
    expect(state({ online: false, unreachableSince: now }).connection).toBe('Offline')
    expect(state({ signedIn: false }, { queued: 1 }).state).toBe('signed_out')
    const paused = state({ signedIn: true, pausedUntil: now + 30 * 60_000 }, { queued: 1 })
    expect(paused.state).toBe('paused')
    expect(paused.account).toBe('Pipedrive connected; syncing paused until 10:30')
    expect(state({ signedIn: true }, { sending: 1, queued: 1 }).queue).toBe(
      'Sending 1, 2 waiting to sync',
    )
    const sent = state({ signedIn: true }, { sent: 3 })
    expect(sent.state).toBe('all_sent')
    expect(sent.queue).toBe('All sent')
  })
})

describe('the daily API budget in the sync summary', () => {
  it('warns while less than a tenth of the day’s budget is left, in plain words', () => {
    const low = summarizeSync(
      status({ signedIn: true, budget: { left: 2900, limit: 30000 } }),
      Date.now(),
      'en-US',
    )
    expect(low.budget).toBe('Daily API budget almost used up: 2,900 of 30,000 tokens left')
    expect(low.tone).toBe('attention')
    expect(low.label).toMatch(/\. Daily API budget almost used up: 2,900 of 30,000 tokens left$/)
  })

  it('stays quiet with enough left, or when Pipedrive has not said', () => {
    for (const budget of [{ left: 3000, limit: 30000 }, null]) {
      const summary = summarizeSync(status({ signedIn: true, budget }))
      expect(summary.budget).toBeNull()
      expect(summary.tone).toBe('ok')
    }
  })

  it('judges by a tenth of the smallest budget when the whole is unknown', () => {
    const say = (left: number) =>
      summarizeSync(status({ signedIn: true, budget: { left, limit: null } }), 0, 'en-US').budget
    expect(say(2999)).toBe('Daily API budget almost used up: 2,999 tokens left')
    expect(say(3000)).toBeNull()
  })

  it('says a spent budget is used up, and nothing once signed out', () => {
    const spent = { left: 0, limit: 30000 }
    expect(summarizeSync(status({ signedIn: true, budget: spent })).budget).toBe(
      "Pipedrive's daily API budget is used up",
    )
    expect(summarizeSync(status({ signedIn: false, budget: spent })).budget).toBeNull()
  })
})
