import { isModOnly, type KeyPress } from '../../ui/keyboard'

export type ShortcutGroup = 'everywhere' | 'inbox' | 'palette' | 'quickAdd'

export const groupTitles: Record<ShortcutGroup, string> = {
  everywhere: 'In the Leadbox window',
  inbox: 'Inbox',
  palette: 'Command palette',
  quickAdd: 'Quick-add window',
}

/**
 * Every shortcut of the app, written once ("Mod+K", "j", "?") and shown in the overlay.
 * `handledBy: 'registry'` ones run through the shortcut registry; the others are handled
 * where they live (the frame, cmdk, the quick-add window) and are listed here so the
 * overlay tells the whole story. The global quick-add shortcut is the user's own choice,
 * read from main, so it is not in this list.
 */
export const shortcuts = [
  {
    id: 'palette.open',
    keys: 'Mod+K',
    label: 'Open the command palette',
    group: 'everywhere',
    handledBy: 'registry',
  },
  {
    id: 'view.inbox',
    keys: 'Mod+1',
    label: 'Go to Inbox',
    group: 'everywhere',
    handledBy: 'frame',
  },
  {
    id: 'view.outbox',
    keys: 'Mod+2',
    label: 'Go to Outbox',
    group: 'everywhere',
    handledBy: 'frame',
  },
  {
    id: 'view.settings',
    keys: 'Mod+3',
    label: 'Go to Settings',
    group: 'everywhere',
    handledBy: 'frame',
  },
  {
    id: 'shortcuts.show',
    keys: '?',
    label: 'Show keyboard shortcuts',
    group: 'everywhere',
    handledBy: 'registry',
  },
  {
    id: 'back',
    keys: 'Esc',
    label: 'Close a dialog, or go back to the view list',
    group: 'everywhere',
    handledBy: 'frame',
  },
  {
    id: 'list.next',
    keys: 'j',
    label: 'Select the next lead',
    group: 'inbox',
    handledBy: 'registry',
  },
  {
    id: 'list.previous',
    keys: 'k',
    label: 'Select the previous lead',
    group: 'inbox',
    handledBy: 'registry',
  },
  {
    id: 'list.open',
    keys: 'Enter',
    label: 'Open the selected lead (a lead waiting to sync opens in the Outbox)',
    group: 'inbox',
    handledBy: 'registry',
  },
  {
    id: 'lead.new',
    keys: 'n',
    label: 'New lead (the full form)',
    group: 'inbox',
    handledBy: 'registry',
  },
  {
    id: 'lead.edit',
    keys: 'e',
    label: 'Edit the open lead',
    group: 'inbox',
    handledBy: 'registry',
  },
  {
    id: 'lead.archive',
    keys: 'a',
    label: 'Archive (or unarchive) the open lead',
    group: 'inbox',
    handledBy: 'registry',
  },
  {
    id: 'inbox.search',
    keys: '/',
    label: 'Search the inbox',
    group: 'inbox',
    handledBy: 'inboxView',
  },
  {
    id: 'palette.move',
    keys: '↑ ↓',
    label: 'Move through the commands',
    group: 'palette',
    handledBy: 'palette',
  },
  {
    id: 'palette.run',
    keys: 'Enter',
    label: 'Run the highlighted command',
    group: 'palette',
    handledBy: 'palette',
  },
  {
    id: 'palette.close',
    keys: 'Esc',
    label: 'Close the palette',
    group: 'palette',
    handledBy: 'palette',
  },
  {
    id: 'quickAdd.save',
    keys: 'Enter',
    label: 'Save the lead',
    group: 'quickAdd',
    handledBy: 'quickAddWindow',
  },
  {
    id: 'quickAdd.escape',
    keys: 'Esc',
    label: 'Clear the line; on an empty line, hide the window',
    group: 'quickAdd',
    handledBy: 'quickAddWindow',
  },
] as const satisfies readonly {
  id: string
  keys: string
  label: string
  group: ShortcutGroup
  handledBy: 'registry' | 'frame' | 'palette' | 'quickAddWindow' | 'inboxView'
}[]

export type Shortcut = (typeof shortcuts)[number]
export type RegistryShortcut = Extract<Shortcut, { handledBy: 'registry' }>
export type RegistryShortcutId = RegistryShortcut['id']

export function shortcutById(id: Shortcut['id']): Shortcut {
  const shortcut = shortcuts.find((candidate) => candidate.id === id)
  if (!shortcut) throw new Error(`No shortcut ${id}`)
  return shortcut
}

/** Ctrl or Cmd with a key, which works while typing; a single key never does. */
export function isChord(keys: string): boolean {
  return keys.startsWith('Mod+')
}

/**
 * The pressed key is the one named. A Latin letter is read from `key`, so AZERTY and Dvorak
 * users press the letter they see; a layout without Latin letters (Cyrillic, Greek) falls
 * back to the physical key, so j and Ctrl+K still work there.
 */
function isKey(name: string, press: KeyPress): boolean {
  if (!/^[a-z]$/i.test(name)) return press.key === name
  if (press.key.toLowerCase() === name.toLowerCase()) return true
  const latin = /^[a-z]$/i.test(press.key)
  return !latin && press.code === `Key${name.toUpperCase()}`
}

/** Whether a key press is the shortcut written as `keys` ("Mod+K", "j", "?", "Enter"). */
export function matchesKeys(keys: string, press: KeyPress): boolean {
  if (isChord(keys)) return isModOnly(press) && isKey(keys.slice('Mod+'.length), press)
  if (press.ctrlKey || press.metaKey || press.altKey) return false
  // Most layouts need Shift to type "?"; for letters, Shift+J is another key.
  if (keys !== '?' && press.shiftKey) return false
  return isKey(keys, press)
}
