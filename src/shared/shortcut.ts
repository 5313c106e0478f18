import { z } from 'zod'

/** The quick-add shortcut a new install starts with. */
export const defaultQuickAddShortcut = 'CommandOrControl+Shift+L'

const modifiers = new Set([
  'Command',
  'Cmd',
  'Control',
  'Ctrl',
  'CommandOrControl',
  'CmdOrCtrl',
  'Alt',
  'Option',
  'AltGr',
  'Shift',
  'Super',
  'Meta',
])
const namedKeys = new Set([
  'Space',
  'Tab',
  'Backspace',
  'Delete',
  'Insert',
  'Return',
  'Enter',
  'Up',
  'Down',
  'Left',
  'Right',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
  'Esc',
  'Plus',
])

function isKey(part: string): boolean {
  return (
    /^[A-Z0-9]$/.test(part) ||
    /^F([1-9]|1[0-9]|2[0-4])$/.test(part) ||
    /^[)!@#$%^&*(:;<=>?_~{}|`'",./[\]\\-]$/.test(part) ||
    namedKeys.has(part)
  )
}

// Modifiers by the key pressed, on macOS and elsewhere. CommandOrControl is Cmd on macOS
// and Ctrl elsewhere; Super is the Windows key, and Cmd on macOS.
type Held = 'cmd' | 'ctrl' | 'alt' | 'shift' | 'super'
const macKeys: Record<string, Held> = {
  Command: 'cmd',
  Cmd: 'cmd',
  CommandOrControl: 'cmd',
  CmdOrCtrl: 'cmd',
  Super: 'cmd',
  Meta: 'cmd',
  Control: 'ctrl',
  Ctrl: 'ctrl',
  Alt: 'alt',
  Option: 'alt',
  AltGr: 'alt',
  Shift: 'shift',
}
const otherKeys: Record<string, Held> = {
  ...macKeys,
  Command: 'super',
  Cmd: 'super',
  Super: 'super',
  Meta: 'super',
  CommandOrControl: 'ctrl',
  CmdOrCtrl: 'ctrl',
}
const keyAliases: Record<string, string> = { Esc: 'Escape', Return: 'Enter' }

// What the system (or every app) does with these keys. A global shortcut on one of them
// would take it away everywhere, or never reach Leadbox.
const reservedOnMac: Record<string, string> = {
  'cmd+C': 'copy',
  'cmd+V': 'paste',
  'cmd+X': 'cut',
  'cmd+Z': 'undo',
  'cmd+shift+Z': 'redo',
  'cmd+A': 'select all',
  'cmd+S': 'save',
  'cmd+Q': 'quit apps',
  'cmd+W': 'close windows',
  'cmd+H': 'hide apps',
  'cmd+M': 'minimize windows',
  'cmd+Tab': 'switch apps',
  'cmd+shift+Tab': 'switch apps',
  'cmd+`': 'switch windows',
  'cmd+Space': 'open Spotlight',
  'ctrl+Space': 'switch input sources',
  'cmd+alt+Escape': 'force quit apps',
  'cmd+shift+3': 'take screenshots',
  'cmd+shift+4': 'take screenshots',
  'cmd+shift+5': 'take screenshots',
  'cmd+ctrl+Q': 'lock the screen',
  'cmd+ctrl+Space': 'open the emoji picker',
}
const reservedElsewhere: Record<string, string> = {
  'ctrl+C': 'copy',
  'ctrl+V': 'paste',
  'ctrl+X': 'cut',
  'ctrl+Z': 'undo',
  'ctrl+Y': 'redo',
  'ctrl+shift+Z': 'redo',
  'ctrl+A': 'select all',
  'ctrl+S': 'save',
  'ctrl+W': 'close windows',
  'alt+F4': 'close windows',
  'alt+Tab': 'switch windows',
  'alt+shift+Tab': 'switch windows',
  'alt+Escape': 'switch windows',
  'ctrl+alt+Delete': 'open the security screen',
  'ctrl+shift+Escape': 'open Task Manager',
  'ctrl+Escape': 'open the Start menu',
  'super+L': 'lock the screen',
  'super+D': 'show the desktop',
  'super+Tab': 'switch windows',
  'super+Space': 'switch input sources',
}
const order: Held[] = ['cmd', 'ctrl', 'super', 'alt', 'shift']

function combination(modifiers: string[], key: string, names: Record<string, Held>): string {
  const held = new Set(modifiers.map((modifier) => names[modifier]))
  return [...order.filter((modifier) => held.has(modifier)), keyAliases[key] ?? key].join('+')
}

/**
 * Why an accelerator belongs to the system, in plain words, or null when it is free. Checked
 * for macOS and the other systems both, since settings do not know where they will be used.
 */
export function systemShortcutUse(accelerator: string): string | null {
  const parts = accelerator.split('+')
  const key = parts.pop() ?? ''
  const use =
    reservedOnMac[combination(parts, key, macKeys)] ??
    reservedElsewhere[combination(parts, key, otherKeys)]
  return use ? `Your system uses that shortcut to ${use}. Pick another.` : null
}

/**
 * An Electron accelerator for a global shortcut: at least one modifier and one key, e.g.
 * `CommandOrControl+Shift+L`. A shortcut without a modifier would swallow a plain key in
 * every other application, and one the system uses would take copy, quit or switching apps
 * away from every other application.
 */
export const shortcutSchema = z
  .string()
  .max(64)
  .refine((value) => {
    const parts = value.split('+')
    const key = parts.pop() ?? ''
    return (
      parts.length > 0 &&
      new Set(parts).size === parts.length &&
      parts.every((part) => modifiers.has(part)) &&
      isKey(key)
    )
  }, 'Use one or more modifiers and a key, like CommandOrControl+Shift+L')
  .superRefine((value, context) => {
    const use = systemShortcutUse(value)
    if (use) context.addIssue({ code: 'custom', message: use })
  })

export const shortcutStatusSchema = z.object({
  accelerator: z.string(),
  /** False when another application holds it: Settings then offers to pick another. */
  registered: z.boolean(),
  problem: z.string().nullable(),
  /**
   * Who has the last word once Leadbox asked. `system`: macOS, Windows or X11 took it, though
   * they say nothing when another app already holds the same keys. `desktop`: on Wayland the
   * desktop binds it through its portal, later, perhaps after asking the user, or not at all.
   */
  decidedBy: z.enum(['system', 'desktop']),
})
export type ShortcutStatus = z.infer<typeof shortcutStatusSchema>
