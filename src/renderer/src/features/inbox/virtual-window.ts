/** The rows to draw: from `start` up to, not including, `end`. */
export interface RowRange {
  start: number
  end: number
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
