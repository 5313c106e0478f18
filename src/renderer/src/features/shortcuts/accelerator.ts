import { shortcutSchema, systemShortcutUse } from '../../../../shared/shortcut'
import { isMac, type KeyPress } from '../../ui/keyboard'

/** What a key press in the shortcut recorder amounts to. */
export type Recording =
  /** A whole shortcut, ready to send to main. */
  | { kind: 'shortcut'; accelerator: string }
  /** Modifiers only so far: `held` shows them ("Ctrl+Shift+…"). */
  | { kind: 'partial'; held: string }
  /** A key that cannot make a global shortcut, and why. */
  | { kind: 'refused'; reason: string }

const modifierKeys = new Set(['Control', 'Shift', 'Alt', 'AltGraph', 'Meta', 'OS', 'Super'])

// Physical keys by `code`, so Shift+/ records "/" and Option+K records "K" (not "?" or "˚").
const namedCodes: Record<string, string> = {
  Space: 'Space',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Enter: 'Enter',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
}

function acceleratorKey(press: KeyPress): string | null {
  const letter = /^Key([A-Z])$/.exec(press.code)?.[1]
  if (letter) return letter
  const digit = /^Digit([0-9])$/.exec(press.code)?.[1]
  if (digit) return digit
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(press.code)) return press.code
  const named = namedCodes[press.code]
  if (named) return named
  // No physical code (some virtual keyboards): a plain letter or digit still says which key.
  const unknown = press.code === '' || press.code === 'Unidentified'
  return unknown && /^[a-z0-9]$/i.test(press.key) ? press.key.toUpperCase() : null
}

/**
 * Electron's modifiers for a press. Cmd on macOS and Ctrl elsewhere become CommandOrControl,
 * so a shortcut reads the same if settings ever travel; the other one keeps its own name.
 */
function acceleratorModifiers(press: KeyPress, mac: boolean): string[] {
  const parts: string[] = []
  if (mac ? press.metaKey : press.ctrlKey) parts.push('CommandOrControl')
  if (mac ? press.ctrlKey : press.metaKey) parts.push(mac ? 'Control' : 'Super')
  if (press.altKey) parts.push('Alt')
  if (press.shiftKey) parts.push('Shift')
  return parts
}

/** Reads one keydown of the recorder as an Electron accelerator, e.g. `CommandOrControl+Shift+K`. */
export function recordAccelerator(press: KeyPress, mac: boolean = isMac): Recording {
  const modifiers = acceleratorModifiers(press, mac)
  if (modifierKeys.has(press.key)) {
    return { kind: 'partial', held: modifiers.length > 0 ? `${modifiers.join('+')}+` : '' }
  }
  const key = acceleratorKey(press)
  if (!key) return { kind: 'refused', reason: 'That key cannot be part of a shortcut.' }
  // A global shortcut takes its keys from every other application: plain or Shift-only
  // letters would stop people typing elsewhere.
  if (modifiers.every((modifier) => modifier === 'Shift')) {
    return {
      kind: 'refused',
      reason: `Hold ${mac ? 'Cmd, Ctrl or Option' : 'Ctrl or Alt'} too, so other apps keep their keys.`,
    }
  }
  const accelerator = [...modifiers, key].join('+')
  const parsed = shortcutSchema.safeParse(accelerator)
  if (!parsed.success) {
    // The system's own combinations (copy, quit, switching apps) say what they are for.
    const reason = systemShortcutUse(accelerator) ?? 'That key cannot be part of a shortcut.'
    return { kind: 'refused', reason }
  }
  return { kind: 'shortcut', accelerator }
}

const macSymbols: Record<string, string> = {
  CommandOrControl: '⌘',
  CmdOrCtrl: '⌘',
  Command: '⌘',
  Cmd: '⌘',
  Super: '⌘',
  Meta: '⌘',
  Control: '⌃',
  Ctrl: '⌃',
  Alt: '⌥',
  Option: '⌥',
  AltGr: '⌥',
  Shift: '⇧',
}
const otherNames: Record<string, string> = {
  CommandOrControl: 'Ctrl',
  CmdOrCtrl: 'Ctrl',
  Command: 'Cmd',
  Cmd: 'Cmd',
  Control: 'Ctrl',
  Option: 'Alt',
  Meta: 'Super',
}
const keyNames: Record<string, string> = {
  Plus: '+',
  Up: '↑',
  Down: '↓',
  Left: '←',
  Right: '→',
  Return: 'Enter',
  Escape: 'Esc',
}

/**
 * An accelerator the way the platform writes shortcuts: "⌘⇧L" on macOS, "Ctrl+Shift+L"
 * elsewhere. A partial one ("CommandOrControl+Shift+") keeps its trailing "+" as "…".
 */
export function readableAccelerator(accelerator: string, mac: boolean = isMac): string {
  const partial = accelerator.endsWith('+')
  const parts = (partial ? accelerator.slice(0, -1) : accelerator).split('+').filter(Boolean)
  const words = parts.map((part, index) => {
    const isKey = !partial && index === parts.length - 1
    if (isKey) return keyNames[part] ?? part
    return (mac ? macSymbols[part] : otherNames[part]) ?? part
  })
  if (mac) return `${words.join('')}${partial ? '…' : ''}`
  return `${words.join('+')}${partial ? '+…' : ''}`
}

/** Main names the accelerator in its messages; people read it the way the app shows it. */
export function readableProblem(problem: string, accelerator: string, mac: boolean = isMac) {
  return problem.split(accelerator).join(readableAccelerator(accelerator, mac))
}
