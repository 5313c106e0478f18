import type { OutboxItem } from '../../../../shared/ipc/contract'
import { focusWhenShown } from './focus-when-shown'

/**
 * The title of a row in the Outbox view, found by its place in the outbox list (the view
 * lists every row in that order) and checked by its title; by title alone when the list
 * moved meanwhile. The Outbox view has no way yet to be told which row to focus.
 */
function outboxRowTitle(row: OutboxItem, rows: readonly OutboxItem[]): HTMLElement | null {
  const titles = [...document.querySelectorAll<HTMLElement>('.outbox-row .outbox-row__title')]
  const atPlace = titles[rows.indexOf(row)]
  if (atPlace?.textContent === row.title) return atPlace
  return titles.find((title) => title.textContent === row.title) ?? null
}

/** Shows the Outbox view with focus on the row of a lead still waiting to sync. */
export function openInOutbox(
  row: OutboxItem,
  rows: readonly OutboxItem[],
  showOutbox: () => void,
): void {
  showOutbox()
  focusWhenShown(() => outboxRowTitle(row, rows))
}
