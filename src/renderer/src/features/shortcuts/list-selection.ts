export type ItemId = string | number

/** The selected row: its id, and where it was, so a row that leaves hands on its place. */
export type Selection = { id: ItemId; index: number } | null

/**
 * The row that holds the selection in the list as it is now. When the selected row left
 * (a lead that reached Pipedrive), the row now at its place takes over, or the last one.
 */
export function resolveSelection(ids: readonly ItemId[], selection: Selection): Selection {
  if (!selection || ids.length === 0) return null
  const index = ids.indexOf(selection.id)
  if (index !== -1) return { id: selection.id, index }
  const fallback = Math.min(selection.index, ids.length - 1)
  return { id: ids[fallback]!, index: fallback }
}

/**
 * One step down (1) or up (-1), stopping at the ends. With nothing selected, either key
 * selects the first row: the top is where reading starts.
 */
export function moveSelection(
  ids: readonly ItemId[],
  selection: Selection,
  step: 1 | -1,
): Selection {
  const current = resolveSelection(ids, selection)
  if (ids.length === 0) return null
  if (!current) return { id: ids[0]!, index: 0 }
  const index = Math.min(Math.max(current.index + step, 0), ids.length - 1)
  return { id: ids[index]!, index }
}
