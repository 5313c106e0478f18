import { globalShortcut, type CommandLine } from 'electron'
import { defaultQuickAddShortcut, shortcutSchema, type ShortcutStatus } from '../../shared/shortcut'
import { LeadboxError } from '../../shared/result'
import type { SettingsStore } from '../core/settings/settings-store'

export interface QuickAddShortcut {
  status(): ShortcutStatus
  /** Registers another accelerator; the old one stays when the new one cannot be had. */
  change(accelerator: string): ShortcutStatus
  unregister(): void
}

type Environment = Record<string, string | undefined>

/** A Linux session on Wayland, where Electron now runs natively. */
export function isWaylandSession(platform: NodeJS.Platform, env: Environment): boolean {
  return platform === 'linux' && (env['XDG_SESSION_TYPE'] === 'wayland' || !!env['WAYLAND_DISPLAY'])
}

/**
 * On Wayland an app cannot grab keys itself; Chromium asks the desktop through the
 * GlobalShortcuts portal, which Electron leaves off unless this feature is enabled. Must run
 * before the app is ready. Features enabled elsewhere on the command line are kept.
 */
export function enableShortcutPortal(
  commandLine: Pick<CommandLine, 'appendSwitch' | 'getSwitchValue'>,
  platform: NodeJS.Platform,
): void {
  if (platform !== 'linux') return
  const features = commandLine.getSwitchValue('enable-features').split(',').filter(Boolean)
  if (features.includes('GlobalShortcutsPortal')) return
  commandLine.appendSwitch('enable-features', [...features, 'GlobalShortcutsPortal'].join(','))
}

const taken = (accelerator: string) =>
  `${accelerator} is used by another application. Pick another shortcut.`

/**
 * The global quick-add shortcut, remembered in settings. `decidedBy` says how much a
 * successful registration means: on Wayland it is only a request to the desktop.
 */
export function createQuickAddShortcut(
  settings: SettingsStore,
  onPress: () => void,
  decidedBy: ShortcutStatus['decidedBy'] = 'system',
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
  const held = (accelerator: string): ShortcutStatus => ({
    accelerator,
    registered: true,
    problem: null,
    decidedBy,
  })

  const initial = settings.get('quickAddShortcut') ?? defaultQuickAddShortcut
  status = register(initial)
    ? held(initial)
    : { accelerator: initial, registered: false, problem: taken(initial), decidedBy }

  return {
    status: () => status,
    change(accelerator) {
      const parsed = shortcutSchema.safeParse(accelerator)
      if (!parsed.success) {
        const message = parsed.error.issues[0]?.message ?? 'Not a shortcut'
        throw new LeadboxError('invalid_request', message, { accelerator: message })
      }
      if (status.registered && status.accelerator === accelerator) return status
      if (!register(accelerator)) {
        // Keep the one that works; say why the new one did not.
        return { ...status, problem: taken(accelerator) }
      }
      if (status.registered) globalShortcut.unregister(status.accelerator)
      status = held(accelerator)
      settings.set('quickAddShortcut', accelerator)
      return status
    },
    unregister() {
      if (status.registered) globalShortcut.unregister(status.accelerator)
    },
  }
}
