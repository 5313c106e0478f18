import { describe, expect, it } from 'vitest'
import { attentionOf, freshnessPlan, idleAfterMs } from './freshness-plan'

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
