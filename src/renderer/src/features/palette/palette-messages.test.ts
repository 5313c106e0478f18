import { describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../../../shared/ipc/contract'
import { retryAllMessage, syncNowMessage } from './palette-messages'

describe('what the palette says a command did', () => {
  it('counts the retried rows', () => {
    expect(retryAllMessage(0, 0)).toBe('Nothing needs attention.')
    expect(retryAllMessage(1, 0)).toBe('Retrying 1 item that needed attention.')
    expect(retryAllMessage(3, 1)).toBe('Retrying 2 items; 1 item could not be retried.')
    expect(retryAllMessage(2, 2)).toBe('Could not retry 2 items. Open the Outbox to see why.')
  })

  it('says why Sync now cannot send', () => {
    const status = (online: boolean, signedIn: boolean, unreachableSince: number | null = null) =>
      ({ online, signedIn, unreachableSince }) as SyncStatus
    expect(syncNowMessage(status(true, true))).toBe('Syncing now.')
    expect(syncNowMessage(status(false, true))).toMatch(/^Offline/)
    expect(syncNowMessage(status(true, false))).toMatch(/Pipedrive account/)
    expect(syncNowMessage(undefined)).toBe('Syncing now.')
    expect(syncNowMessage(status(true, true, 1_000))).toMatch(/not been answering/)
  })
})
