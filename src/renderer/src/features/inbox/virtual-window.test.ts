import { describe, expect, it } from 'vitest'
import { pageOffsets } from './virtual-window'

describe('pageOffsets', () => {
  it('always reads the first page, and every page the range touches', () => {
    expect(pageOffsets({ start: 0, end: 19 }, 200)).toEqual([0])
    expect(pageOffsets({ start: 190, end: 215 }, 200)).toEqual([0, 200])
    expect(pageOffsets({ start: 9982, end: 10_000 }, 200)).toEqual([0, 9800])
  })
})
