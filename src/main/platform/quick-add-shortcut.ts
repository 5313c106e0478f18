import { globalShortcut } from 'electron'
import { defaultQuickAddShortcut, shortcutSchema, type ShortcutStatus } from '../../shared/shortcut'
import { LeadboxError } from '../../shared/result'
import type { SettingsStore } from '../core/settings/settings-store'

export interface QuickAddShortcut {
  status(): ShortcutStatus
  /** Registers another accelerator; the old one stays when the new one cannot be had. */
  change(accelerator: string): ShortcutStatus
  unregister(): void
}

const taken = (accelerator: string) =>
  `${accelerator} is used by another application. Pick another shortcut.`

/** The global quick-add shortcut, remembered in settings. */
export function createQuickAddShortcut(
  settings: SettingsStore,
  onPress: () => void,
): QuickAddShortcut {
  let status: ShortcutStatus

  const register = (accelerator: string): boolean => {
    try {
      return globalShortcut.register(accelerator, onPress)
    } catch {
      // Electron throws on an accelerator it cannot parse.
      return false
    }
  }

  const initial = settings.get('quickAddShortcut') ?? defaultQuickAddShortcut
  status = register(initial)
    ? { accelerator: initial, registered: true, problem: null }
    : { accelerator: initial, registered: false, problem: taken(initial) }

  return {
    status: () => status,
    change(accelerator) {
      const parsed = shortcutSchema.safeParse(accelerator)
      if (!parsed.success) {
        throw new LeadboxError(
          'invalid_request',
          parsed.error.issues[0]?.message ?? 'Not a shortcut',
          {
            accelerator: parsed.error.issues[0]?.message ?? 'Not a shortcut',
          },
        )
      }
      if (status.registered && status.accelerator === accelerator) return status
      if (!register(accelerator)) {
        // Keep the one that works; say why the new one did not.
        return { ...status, problem: taken(accelerator) }
      }
      if (status.registered) globalShortcut.unregister(status.accelerator)
      status = { accelerator, registered: true, problem: null }
      settings.set('quickAddShortcut', accelerator)
      return status
    },
    unregister() {
      if (status.registered) globalShortcut.unregister(status.accelerator)
    },
  }
}
