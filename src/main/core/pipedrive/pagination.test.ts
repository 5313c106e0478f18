import { describe, expect, it } from 'vitest'
import { allCursorPages, allPages, nextCursor, nextStart } from './pagination'

describe('v1 pagination', () => {
  it('reads the flat shape of the lead lists, computing the next start', () => {
    expect(nextStart({ start: 0, limit: 2, more_items_in_collection: true }, 0, 2)).toBe(2)
    expect(nextStart({ start: 4, limit: 2, more_items_in_collection: false }, 4, 1)).toBeNull()
  })

  it('reads the nested shape, preferring next_start when given', () => {
    const nested = { pagination: { start: 0, limit: 3, more_items_in_collection: true } }
    expect(nextStart(nested, 0, 3)).toBe(3)
    expect(nextStart({ pagination: { ...nested.pagination, next_start: 5 } }, 0, 3)).toBe(5)
    expect(
      nextStart({ pagination: { more_items_in_collection: false, next_start: 9 } }, 0, 3),
    ).toBe(null)
  })

  it('stops on anything that would not move forward', () => {
    expect(nextStart(null, 0, 0)).toBeNull()
    expect(nextStart({ more_items_in_collection: true }, 10, 0)).toBeNull()
    expect(nextStart({ pagination: { more_items_in_collection: true, next_start: 2 } }, 4, 2)).toBe(
      null,
    )
  })

  it('collects every page', async () => {
    const data = ['a', 'b', 'c', 'd', 'e']
    const seen: number[] = []
    const items = await allPages(async (start) => {
      seen.push(start)
      const items = data.slice(start, start + 2)
      return { items, nextStart: start + 2 < data.length ? start + items.length : null }
    })
    expect(items).toEqual(data)
    expect(seen).toEqual([0, 2, 4])
  })

  it('fails, rather than answer with part of a list, when the list never ends', async () => {
    let asked = 0
    const endless = allPages(async (start) => {
      asked++
      return { items: [start], nextStart: start + 1 }
    }, 5)
    await expect(endless).rejects.toMatchObject({ kind: 'server_error' })
    expect(asked).toBe(5)
    const cursors = allCursorPages(
      async (cursor) => ({
        items: [cursor],
        nextCursor: `${cursor ?? ''}x`,
      }),
      3,
    )
    await expect(cursors).rejects.toThrow(/had not ended after 3 pages/)
  })

  it('reads a list of exactly the bound', async () => {
    const items = await allPages(
      async (start) => ({ items: [start], nextStart: start < 4 ? start + 1 : null }),
      5,
    )
    expect(items).toEqual([0, 1, 2, 3, 4])
  })
})

describe('v2 cursors', () => {
  it('reads next_cursor, null at the end', () => {
    expect(nextCursor({ next_cursor: 'abc' })).toBe('abc')
    expect(nextCursor({ next_cursor: null })).toBeNull()
    expect(nextCursor(null)).toBeNull()
  })
})
