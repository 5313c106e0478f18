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

/**
 * An Electron accelerator for a global shortcut: at least one modifier and one key, e.g.
 * `CommandOrControl+Shift+L`. A shortcut without a modifier would swallow a plain key in
 * every other application.
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
