import { useEffect, useRef, useState } from 'react'
import { moveSelection, resolveSelection, type Selection } from '../shortcuts/list-selection'
import { useShortcut } from '../shortcuts/useShortcut'

interface Options {
  /** Keys of every row in the order shown: leads waiting to sync, then Pipedrive's. */
  rowKeys: readonly string[]
  /** Enter on the selected row. */
  onOpen: (key: string, index: number) => void
}

/** The attribute each inbox row carries with its key, so focus can find it. */
export const rowKeyAttribute = 'data-row-key'

const rowElement = (key: string) =>
  document.querySelector<HTMLElement>(`[${rowKeyAttribute}="${CSS.escape(key)}"]`)

/**
 * j/k and Enter over the inbox, through the registry like every list. Unlike
 * useListNavigation it works by row key rather than by the rows in the page, because the
 * list of Pipedrive's leads draws only the rows on screen; the selected row is always drawn,
 * so it can take focus.
 */
export function useInboxNavigation({ rowKeys, onOpen }: Options) {
  const [selection, setSelection] = useState<Selection>(null)
  const focusRequested = useRef(false)
  const current = resolveSelection(rowKeys, selection)
  const selectedKey = current ? String(current.id) : null

  useEffect(() => {
    if (!focusRequested.current || selectedKey === null) return
    const row = rowElement(selectedKey)
    if (!row) return
    // A row whose page is still loading is brought into view; focus lands once it is read.
    if (row.getAttribute('aria-busy') === 'true') {
      row.scrollIntoView({ block: 'nearest' })
      return
    }
    focusRequested.current = false
    row.focus({ preventScroll: true })
    row.scrollIntoView({ block: 'nearest' })
  })

  const select = (index: number, focus: boolean) => {
    const key = rowKeys[index]
    if (key === undefined) return
    focusRequested.current = focus
    setSelection({ id: key, index })
  }

  const move = (step: number) => {
    if (rowKeys.length === 0) return false
    if (Math.abs(step) === 1) {
      focusRequested.current = true
      setSelection(moveSelection(rowKeys, selection, step as 1 | -1))
    } else {
      const from = current?.index ?? -1
      select(Math.min(Math.max(from + step, 0), rowKeys.length - 1), true)
    }
    return true
  }

  useShortcut('list.next', () => move(1))
  useShortcut('list.previous', () => move(-1))
  useShortcut('list.open', () => {
    if (!current || selectedKey === null) return false
    // Enter elsewhere (a button, a field) keeps doing what it does there.
    if (document.activeElement !== rowElement(selectedKey)) return false
    onOpen(selectedKey, current.index)
    return true
  })

  return {
    selectedKey,
    selectedIndex: current?.index ?? null,
    /** Selects a row, as a click does; `focus` moves the keyboard there too. */
    select,
    /** Steps through the rows: arrows are ±1, Page Up/Down a screenful, Home/End the ends. */
    move,
  }
}
