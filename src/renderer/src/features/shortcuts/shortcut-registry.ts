import type { KeyPress } from '../../ui/keyboard'
import {
  isChord,
  matchesKeys,
  shortcuts,
  type RegistryShortcut,
  type RegistryShortcutId,
  type Shortcut,
} from './shortcut-list'

/** Where the key was pressed, as the registry needs to know it. */
export interface KeyContext {
  /** Focus is in a text field (or a list that reads letters itself). */
  typing: boolean
  /** A modal dialog (the palette, the overlay) has the keyboard. */
  modalOpen: boolean
}

/** Runs a shortcut; `false` means "not now" (Enter with no row focused), so the key goes on. */
export type ShortcutHandler = () => boolean | void

export interface ShortcutRegistry {
  /** The latest binding of a shortcut wins until it is unbound (a view over the frame). */
  bind(id: RegistryShortcutId, handler: ShortcutHandler): () => void
  /** Runs the shortcut a key press means, if one is bound and allowed here; true if it ran. */
  dispatch(press: KeyPress, context: KeyContext): boolean
}

const isRegistryShortcut = (shortcut: Shortcut): shortcut is RegistryShortcut =>
  shortcut.handledBy === 'registry'

export function createShortcutRegistry(list: readonly Shortcut[] = shortcuts): ShortcutRegistry {
  const handled = list.filter(isRegistryShortcut)
  const bindings = new Map<RegistryShortcutId, ShortcutHandler[]>()

  return {
    bind(id, handler) {
      const stack = bindings.get(id) ?? []
      bindings.set(id, [...stack, handler])
      return () => {
        const current = bindings.get(id) ?? []
        bindings.set(
          id,
          current.filter((bound) => bound !== handler),
        )
      }
    },
    dispatch(press, { typing, modalOpen }) {
      // A dialog owns every key while it is open; the palette handles its own.
      if (modalOpen) return false
      for (const shortcut of handled) {
        if (!matchesKeys(shortcut.keys, press)) continue
        // Single keys are letters while typing; only Ctrl/Cmd chords work in a text field.
        if (typing && !isChord(shortcut.keys)) continue
        const handler = bindings.get(shortcut.id)?.at(-1)
        if (handler && handler() !== false) return true
      }
      return false
    },
  }
}

/** The main window's registry: views bind their keys into it, the frame listens for them. */
export const mainWindowShortcuts = createShortcutRegistry()
