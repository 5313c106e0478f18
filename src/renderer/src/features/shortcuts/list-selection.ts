export type ItemId = string | number

/**
 * Row ids in list order, read one at a time: an array serves, and so does a long list that
 * is never built whole (the inbox's 100,000 leads).
 */
export interface RowIds {
  readonly length: number
  at(index: number): ItemId | undefined
  indexOf(id: ItemId): number
}

/** The selected row: its id, and where it was, so a row that leaves hands on its place. */
export type Selection = { id: ItemId; index: number } | null

/**
 * The row that holds the selection in the list as it is now. When the selected row left
 * (a lead that reached Pipedrive), the row now at its place takes over, or the last one.
 */
export function resolveSelection(ids: RowIds, selection: Selection): Selection {
  if (!selection || ids.length === 0) return null
  // Where it was, most of the time: no search through a long list.
  if (ids.at(selection.index) === selection.id) return selection
  const index = ids.indexOf(selection.id)
  if (index !== -1) return { id: selection.id, index }
  const fallback = Math.min(selection.index, ids.length - 1)
  return { id: ids.at(fallback)!, index: fallback }
}

/**
 * One step down (1) or up (-1), stopping at the ends. With nothing selected, either key
 * selects the first row: the top is where reading starts.
 */
export function moveSelection(ids: RowIds, selection: Selection, step: 1 | -1): Selection {
  const current = resolveSelection(ids, selection)
  if (ids.length === 0) return null
  if (!current) return { id: ids.at(0)!, index: 0 }
  const index = Math.min(Math.max(current.index + step, 0), ids.length - 1)
  return { id: ids.at(index)!, index }
}
