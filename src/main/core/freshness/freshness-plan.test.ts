import { describe, expect, it } from 'vitest'
import {
  attentionOf,
  freshnessPlan,
  idleAfterMs,
  leadTimelineDue,
  leadTimelineFreshForMs,
} from './freshness-plan'

describe('attention', () => {
  it('is in use while the window is focused and someone touches the machine', () => {
    expect(attentionOf({ visible: true, focused: true, idleMs: 0 })).toBe('in-use')
    expect(attentionOf({ visible: true, focused: false, idleMs: 30_000 })).toBe('on-screen')
  })

  it('is idle on screen once nobody has touched the machine for a while', () => {
    expect(attentionOf({ visible: true, focused: true, idleMs: idleAfterMs })).toBe('idle')
    expect(attentionOf({ visible: true, focused: true, idleMs: idleAfterMs - 1 })).toBe('in-use')
  })

  it('is hidden whenever the window is not on screen', () => {
    expect(attentionOf({ visible: false, focused: true, idleMs: 0 })).toBe('hidden')
  })
})

describe('the freshness plan', () => {
  it('shows a change made in Pipedrive within 5 minutes while the inbox is on screen', () => {
    for (const attention of ['in-use', 'on-screen'] as const) {
      expect(freshnessPlan.inboxEvery[attention]).toBeLessThan(5 * 60_000)
    }
  })

  it('reads nothing by timer while nobody looks, archived leads included', () => {
    for (const attention of ['idle', 'hidden'] as const) {
      expect(freshnessPlan.inboxEvery[attention]).toBeNull()
      expect(freshnessPlan.catalogEvery[attention]).toBeNull()
    }
    expect(freshnessPlan.archivedEvery).toBeNull()
    expect(freshnessPlan.listAfterSend).toBe(false)
  })
})

describe("a lead's activities and notes", () => {
  it('are read on opening when never read, or read at least a few minutes ago', () => {
    expect(leadTimelineDue(null, 0)).toBe(true)
    expect(leadTimelineDue(1_000, 1_000 + leadTimelineFreshForMs - 1)).toBe(false)
    expect(leadTimelineDue(1_000, 1_000 + leadTimelineFreshForMs)).toBe(true)
    expect(leadTimelineFreshForMs).toBeLessThanOrEqual(5 * 60_000)
  })
})
