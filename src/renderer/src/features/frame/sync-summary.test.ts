import { describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../../../shared/ipc/contract'
import { summarizeSync } from './sync-summary'

const status = (overrides: Partial<SyncStatus>, counts: Partial<SyncStatus['counts']> = {}) =>
  ({
    online: true,
    signedIn: false,
    nextAttemptAt: null,
    pausedUntil: null,
    lastError: null,
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
})
