/** The row a key selected, as the page shows it now. */
export type RowState = 'absent' | 'loading' | 'ready'

/** What a render does about focus: nothing, bring the loading row into view and wait, or focus it. */
export type FocusStep = 'none' | 'wait' | 'focus'

/**
 * The step for one render's selection (a new one for every key; `focus` when the key moves
 * focus there), given `met`, the selection focus last landed on. An effect left over from an
 * earlier render holds its own, older selection, so it cannot spend a newer request; a
 * request whose row is still loading stays open until a later render finds the row read.
 */
export function focusStep<Request extends { focus: boolean }>(
  request: Request,
  met: Request | null,
  row: RowState,
): FocusStep {
  if (!request.focus || request === met || row === 'absent') return 'none'
  return row === 'loading' ? 'wait' : 'focus'
}
