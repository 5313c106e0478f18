/** The rows to draw: from `start` up to, not including, `end`. */
export interface RowRange {
  start: number
  end: number
}

/**
 * The rows a scroll position shows, plus `overscan` on each side, so a fast wheel does not
 * reveal blank space before React draws. Rows have one fixed height.
 */
export function visibleRows(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan: number,
): RowRange {
  if (count <= 0) return { start: 0, end: 0 }
  const first = Math.floor(Math.max(scrollTop, 0) / rowHeight)
  const shown = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight) + 1
  const start = Math.max(0, Math.min(first, count - 1) - overscan)
  const end = Math.min(count, first + shown + overscan)
  return { start, end }
}

/** Offsets of the pages that hold a range of rows. The first page is always read: it has the total. */
export function pageOffsets(range: RowRange, pageSize: number): number[] {
  const offsets = [0]
  if (range.end <= range.start) return offsets
  const first = Math.floor(range.start / pageSize) * pageSize
  for (let offset = first; offset < range.end; offset += pageSize) {
    if (offset !== 0) offsets.push(offset)
  }
  return offsets
}

/** The scroll position that brings a row into view, or null when it is in view already. */
export function scrollToShow(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number | null {
  const top = index * rowHeight
  if (top < scrollTop) return top
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight
  return null
}
