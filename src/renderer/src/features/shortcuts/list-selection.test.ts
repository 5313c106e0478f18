import { describe, expect, it } from 'vitest'
import { moveSelection, resolveSelection, type RowIds } from './list-selection'

const ids = [11, 12, 13]

describe('moving the selection through a list', () => {
  it('starts at the top, whichever way the first key goes', () => {
    expect(moveSelection(ids, null, 1)).toEqual({ id: 11, index: 0 })
    expect(moveSelection(ids, null, -1)).toEqual({ id: 11, index: 0 })
  })

  it('moves one row and stops at the ends', () => {
    expect(moveSelection(ids, { id: 11, index: 0 }, 1)).toEqual({ id: 12, index: 1 })
    expect(moveSelection(ids, { id: 13, index: 2 }, 1)).toEqual({ id: 13, index: 2 })
    expect(moveSelection(ids, { id: 12, index: 1 }, -1)).toEqual({ id: 11, index: 0 })
    expect(moveSelection(ids, { id: 11, index: 0 }, -1)).toEqual({ id: 11, index: 0 })
  })

  it('has nothing to select in an empty list', () => {
    expect(moveSelection([], null, 1)).toBeNull()
    expect(moveSelection([], { id: 11, index: 0 }, 1)).toBeNull()
  })

  it('follows a row that moved, e.g. when a new lead arrives above it', () => {
    expect(resolveSelection([10, 11, 12, 13], { id: 12, index: 1 })).toEqual({ id: 12, index: 2 })
    expect(moveSelection([10, 11, 12, 13], { id: 12, index: 1 }, 1)).toEqual({ id: 13, index: 3 })
  })

  it('hands the selection of a row that left to the row now at its place', () => {
    expect(resolveSelection([11, 13], { id: 12, index: 1 })).toEqual({ id: 13, index: 1 })
    expect(resolveSelection([11], { id: 13, index: 2 })).toEqual({ id: 11, index: 0 })
    expect(resolveSelection([], { id: 13, index: 2 })).toBeNull()
  })

  it('works with string ids too (Pipedrive leads)', () => {
    expect(moveSelection(['a', 'b'], { id: 'a', index: 0 }, 1)).toEqual({ id: 'b', index: 1 })
  })

  it('reads a long list one row at a time, searching it only when the row moved', () => {
    let searches = 0
    const long: RowIds = {
      length: 100_000,
      at: (index) => (index >= 0 && index < 100_000 ? `lead-${index}` : undefined),
      indexOf: (id) => {
        searches += 1
        const index = Number(String(id).slice('lead-'.length))
        return Number.isInteger(index) ? index : -1
      },
    }
    expect(moveSelection(long, { id: 'lead-500', index: 500 }, 1)).toEqual({
      id: 'lead-501',
      index: 501,
    })
    expect(searches).toBe(0)
    expect(resolveSelection(long, { id: 'lead-7', index: 3 })).toEqual({ id: 'lead-7', index: 7 })
    expect(searches).toBe(1)
  })
})
