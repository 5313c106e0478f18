import { useCallback, useEffect, useRef, useState } from 'react'
import { moveSelection, resolveSelection, type ItemId, type Selection } from './list-selection'
import { useShortcut } from './useShortcut'

/** The attribute the selected row carries; keyboard.css draws it. */
const selectedAttribute = 'data-list-selected'

interface Options<Item extends { id: ItemId }> {
  /** The rows, in the order the list shows them. */
  items: readonly Item[]
  /**
   * Matches the row elements, in the same order as `items`, inside the element given to
   * `listRef` (or the page, when it is not used). Rows are found rather than handed in, so
   * a list component needs no change to become navigable.
   */
  rowSelector: string
  /** Enter on the selected row. */
  onOpen?: (item: Item) => void
}

/**
 * j and k move a selection through a list and focus the selected row; Enter opens it. The
 * keys are the shortcut registry's, so they stay quiet while typing or in a dialog.
 */
export function useListNavigation<Item extends { id: ItemId }>({
  items,
  rowSelector,
  onOpen,
}: Options<Item>) {
  const [selection, setSelection] = useState<Selection>(null)
  const container = useRef<HTMLElement | null>(null)
  // Set by j/k: focus follows the selection then, not when the list merely refreshes.
  const focusRequested = useRef(false)
  const ids = items.map((item) => item.id)
  const current = resolveSelection(ids, selection)

  const rows = useCallback(
    () => [...(container.current ?? document).querySelectorAll<HTMLElement>(rowSelector)],
    [rowSelector],
  )

  useEffect(() => {
    const all = rows()
    const row = current ? all[current.index] : undefined
    for (const other of all) if (other !== row) other.removeAttribute(selectedAttribute)
    if (!row) return
    row.setAttribute(selectedAttribute, '')
    if (!focusRequested.current) return
    focusRequested.current = false
    // Rows are not tab stops; they take focus only from these keys.
    if (!row.hasAttribute('tabindex')) row.tabIndex = -1
    row.focus()
    row.scrollIntoView({ block: 'nearest' })
  })

  const move = (step: 1 | -1) => {
    if (ids.length === 0) return false
    focusRequested.current = true
    setSelection(moveSelection(ids, selection, step))
    return true
  }

  useShortcut('list.next', () => move(1))
  useShortcut('list.previous', () => move(-1))
  useShortcut('list.open', () => {
    if (!current || !onOpen) return false
    const item = items[current.index]
    // Enter elsewhere (a button, a link) keeps doing what it does there.
    if (!item || document.activeElement !== rows()[current.index]) return false
    onOpen(item)
    return true
  })

  return {
    /** Optional: the element around the list's rows, when the page has other such rows. */
    listRef: useCallback((element: HTMLElement | null) => {
      container.current = element
    }, []),
    selectedId: current?.id ?? null,
  }
}
