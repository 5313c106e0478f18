import { describe, expect, it } from 'vitest'
import { pageOffsets, scrollToShow, visibleRows } from './virtual-window'

describe('visibleRows', () => {
  it('draws the rows in view plus the overscan, within the list', () => {
    expect(visibleRows(0, 520, 52, 10_000, 8)).toEqual({ start: 0, end: 19 })
    expect(visibleRows(52 * 5000, 520, 52, 10_000, 8)).toEqual({ start: 4992, end: 5019 })
    expect(visibleRows(52 * 9990, 520, 52, 10_000, 8)).toEqual({ start: 9982, end: 10_000 })
  })

  it('draws nothing for an empty list, and stays in range past the end', () => {
    expect(visibleRows(0, 520, 52, 0, 8)).toEqual({ start: 0, end: 0 })
    expect(visibleRows(1e9, 520, 52, 3, 8)).toEqual({ start: 0, end: 3 })
  })
})

describe('pageOffsets', () => {
  it('always reads the first page, and every page the range touches', () => {
    expect(pageOffsets({ start: 0, end: 19 }, 200)).toEqual([0])
    expect(pageOffsets({ start: 190, end: 215 }, 200)).toEqual([0, 200])
    expect(pageOffsets({ start: 9982, end: 10_000 }, 200)).toEqual([0, 9800])
  })
})

describe('scrollToShow', () => {
  it('scrolls only as far as brings the row into view', () => {
    expect(scrollToShow(5, 0, 520, 52)).toBeNull()
    expect(scrollToShow(20, 0, 520, 52)).toBe(21 * 52 - 520)
    expect(scrollToShow(2, 520, 520, 52)).toBe(104)
  })
})
