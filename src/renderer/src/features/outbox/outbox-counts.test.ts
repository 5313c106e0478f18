import { describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../../../shared/ipc/contract'
import { isOutboxEmpty, outboxCounts } from './outbox-counts'

const zero: SyncStatus['counts'] = {
  queued: 0,
  sending: 0,
  uncertain: 0,
  sent: 0,
  needs_attention: 0,
  cancelled: 0,
}

describe('outboxCounts', () => {
  it('lists the five states a user acts on, in order, leaving out cancelled', () => {
    expect(
      outboxCounts({ ...zero, queued: 4, cancelled: 9 }).map((c) => [c.label, c.count]),
    ).toEqual([
      ['Queued', 4],
      ['Sending', 0],
      ['Uncertain', 0],
      ['Needs attention', 0],
      ['Sent', 0],
    ])
  })

  it('is empty only when every shown count is zero', () => {
    expect(isOutboxEmpty(zero)).toBe(true)
    expect(isOutboxEmpty({ ...zero, cancelled: 3 })).toBe(true)
    expect(isOutboxEmpty({ ...zero, sent: 1 })).toBe(false)
  })
})
