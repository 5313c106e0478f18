import { describe, expect, it } from 'vitest'
import { focusStep } from './focus-request'

const selection = (index: number, focus: boolean) => ({
  selection: { id: `row:${index}`, index },
  focus,
})

describe('when focus follows the selection', () => {
  it('focuses a row that is read, and only once', () => {
    const home = selection(0, true)
    expect(focusStep(home, null, 'ready')).toBe('focus')
    expect(focusStep(home, home, 'ready')).toBe('none')
  })

  it('waits while the row loads, and focuses it once a later render finds it read', () => {
    const end = selection(9999, true)
    expect(focusStep(end, null, 'loading')).toBe('wait')
    expect(focusStep(end, null, 'loading')).toBe('wait')
    expect(focusStep(end, null, 'ready')).toBe('focus')
  })

  it('leaves a newer request to its own render when an older render runs late', () => {
    // Home landed; End's key came before the effect of a render made with Home's selection.
    const home = selection(0, true)
    const end = selection(9999, true)
    const met = home
    expect(focusStep(home, met, 'ready')).toBe('none')
    // End's own render still finds its request open.
    expect(focusStep(end, met, 'loading')).toBe('wait')
    expect(focusStep(end, met, 'ready')).toBe('focus')
  })

  it('does nothing for a click, or for a row not drawn', () => {
    expect(focusStep(selection(3, false), null, 'ready')).toBe('none')
    expect(focusStep(selection(3, true), null, 'absent')).toBe('none')
  })
})
