import { describe, expect, it } from 'vitest'
import { quickAddPosition } from './placement'

describe('quickAddPosition', () => {
  it('centres the window a quarter of the way down the display under the cursor', () => {
    expect(
      quickAddPosition({ x: 0, y: 25, width: 1440, height: 875 }, { width: 640, height: 240 }),
    ).toEqual({
      x: 400,
      y: 124,
    })
    // A second display left of the first, with negative coordinates.
    expect(
      quickAddPosition({ x: -1920, y: 0, width: 1920, height: 1080 }, { width: 640, height: 240 }),
    ).toEqual({
      x: -1280,
      y: 150,
    })
  })

  it('never places it above the work area on a short display', () => {
    expect(
      quickAddPosition({ x: 0, y: 0, width: 800, height: 300 }, { width: 640, height: 240 }).y,
    ).toBe(0)
  })
})
