import { useEffect, useRef, useState } from 'react'
import {
  moveSelection,
  resolveSelection,
  type RowIds,
  type Selection,
} from '../shortcuts/list-selection'
import { useShortcut } from '../shortcuts/useShortcut'
import { focusStep, type RowState } from './focus-request'

interface Options {
  /** Keys of every row in the order shown: leads waiting to sync, then Pipedrive's. */
  rowKeys: RowIds
  /** Enter on the selected row. */
  onOpen: (key: string, index: number) => void
}

/** The attribute each inbox row carries with its key, so focus can find it. */
export const rowKeyAttribute = 'data-row-key'

const rowElement = (key: string) =>
  document.querySelector<HTMLElement>(`[${rowKeyAttribute}="${CSS.escape(key)}"]`)

/** A row drawn as a placeholder is busy until its page is read. */
const rowStateOf = (row: HTMLElement | null): RowState => {
  if (!row) return 'absent'
  return row.getAttribute('aria-busy') === 'true' ? 'loading' : 'ready'
}

/**
 * j/k and Enter over the inbox, through the registry like every list. Unlike
 * useListNavigation it works by row key rather than by the rows in the page, because the
 * list of Pipedrive's leads draws only the rows on screen; the selected row is always drawn,
 * so it can take focus.
 */
export function useInboxNavigation({ rowKeys, onOpen }: Options) {
  // Whether a key asked for focus lives in the same state as the selection it made, not in
  // a ref: an effect still pending from an earlier render (a scroll, a page arriving) runs
  // after the next key's handler, and must not spend that key's request on its old row.
  const [state, setState] = useState<{ selection: Selection; focus: boolean }>({
    selection: null,
    focus: false,
  })
  const { selection } = state
  const focusMet = useRef<typeof state | null>(null)
  const current = resolveSelection(rowKeys, selection)
  const selectedKey = current ? String(current.id) : null

  useEffect(() => {
    const row = selectedKey === null ? null : rowElement(selectedKey)
    const step = focusStep(state, focusMet.current, rowStateOf(row))
    if (step === 'none' || !row) return
    // A row whose page is still loading is brought into view and holds focus meanwhile, so
    // keys pressed before its page arrives still reach the list; its lead takes focus once read.
    if (step === 'wait') {
      row.focus({ preventScroll: true })
      row.scrollIntoView({ block: 'nearest' })
      return
    }
    focusMet.current = state
    row.focus({ preventScroll: true })
    row.scrollIntoView({ block: 'nearest' })
  })

  const select = (index: number, focus: boolean) => {
    const key = rowKeys.at(index)
    if (key === undefined) return
    setState({ selection: { id: key, index }, focus })
  }

  const move = (step: number) => {
    if (rowKeys.length === 0) return false
    if (Math.abs(step) === 1) {
      setState({ selection: moveSelection(rowKeys, selection, step as 1 | -1), focus: true })
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
