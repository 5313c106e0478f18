import { isModOnly, type KeyPress } from '../../ui/keyboard'

export const views = [
  { id: 'inbox', title: 'Inbox', shortcut: 'Mod+1' },
  { id: 'outbox', title: 'Outbox', shortcut: 'Mod+2' },
  { id: 'settings', title: 'Settings', shortcut: 'Mod+3' },
] as const

export type ViewId = (typeof views)[number]['id']
export type View = (typeof views)[number]

export function viewById(id: ViewId): View {
  return views.find((view) => view.id === id) ?? views[0]
}

/** Ctrl/Cmd+1, 2, 3 pick a view. Reads the physical key too, for layouts like AZERTY. */
export function viewForShortcut(press: KeyPress): ViewId | null {
  if (!isModOnly(press)) return null
  const digit = /^Digit([1-9])$/.exec(press.code)?.[1] ?? press.key
  const index = Number(digit) - 1
  return Number.isInteger(index) ? (views[index]?.id ?? null) : null
}

/** Where arrow keys, Home and End move focus in the view list; null for other keys. */
export function nextNavIndex(key: string, current: number, count: number): number | null {
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return (current + 1) % count
    case 'ArrowUp':
    case 'ArrowLeft':
      return (current - 1 + count) % count
    case 'Home':
      return 0
    case 'End':
      return count - 1
    default:
      return null
  }
}
