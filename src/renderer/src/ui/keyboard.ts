/** True on macOS, where the command key plays the part of Ctrl. */
export function isMacPlatform(userAgent: string): boolean {
  return /Mac|iPhone|iPad/.test(userAgent)
}

export const isMac = typeof navigator !== 'undefined' && isMacPlatform(navigator.userAgent)

/**
 * A shortcut written once, "Mod+Shift+L", shown the way each platform writes it:
 * "⌘⇧L" on macOS, "Ctrl+Shift+L" elsewhere.
 */
export function shortcutLabel(shortcut: string, mac: boolean = isMac): string {
  const parts = shortcut.split('+')
  if (!mac) return parts.map((part) => (part === 'Mod' ? 'Ctrl' : part)).join('+')
  const symbols: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' }
  return parts.map((part) => symbols[part] ?? part).join('')
}

/** The same shortcut in `aria-keyshortcuts` syntax. */
export function ariaShortcut(shortcut: string, mac: boolean = isMac): string {
  return shortcut
    .split('+')
    .map((part) => (part === 'Mod' ? (mac ? 'Meta' : 'Control') : part))
    .join('+')
}

/** The parts of a KeyboardEvent the matchers read, so tests need no DOM. */
export type KeyPress = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'
>

/** Ctrl or Cmd alone, on every platform: Ctrl+1 on a Mac should not do something else. */
export function isModOnly(press: KeyPress): boolean {
  return (press.ctrlKey || press.metaKey) && !press.altKey && !press.shiftKey
}
