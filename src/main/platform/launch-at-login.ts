import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { LaunchAtLogin } from '../../shared/ipc/contract'
import type { SettingsStore } from '../core/settings/settings-store'

/** Started by the login item: Leadbox goes to the tray without showing its window. */
export const hiddenArgument = '--hidden'

/** Turns launching at login on or off where the system keeps it. */
export interface LoginItem {
  isEnabled(): boolean
  setEnabled(enabled: boolean): void
}

/** Electron's app.getLoginItemSettings / setLoginItemSettings, as narrow as they are used. */
export interface ElectronLoginItems {
  get(options: { args?: string[] }): { openAtLogin: boolean }
  set(settings: { openAtLogin: boolean; args?: string[] }): void
}

/**
 * The login item for this platform. macOS and Windows keep it themselves (Electron's login
 * item settings; on Windows with the argument that keeps the window hidden, macOS tells the
 * app it was opened at login instead). Linux desktops start what the XDG autostart folder
 * lists. Elsewhere there is none.
 */
export function loginItemFor(
  platform: NodeJS.Platform,
  system: { electron: ElectronLoginItems; autostartDir: string; executable: string },
): LoginItem | undefined {
  if (platform === 'darwin') {
    return {
      isEnabled: () => system.electron.get({}).openAtLogin,
      setEnabled: (enabled) => system.electron.set({ openAtLogin: enabled }),
    }
  }
  if (platform === 'win32') {
    // Windows compares the arguments too, so both calls name the same ones.
    const args = [hiddenArgument]
    return {
      isEnabled: () => system.electron.get({ args }).openAtLogin,
      setEnabled: (enabled) => system.electron.set({ openAtLogin: enabled, args }),
    }
  }
  if (platform === 'linux') return xdgAutostart(system.autostartDir, system.executable)
  return undefined
}

/** $XDG_CONFIG_HOME/autostart, or ~/.config/autostart when the variable is unset or relative. */
export function autostartDirectory(env: NodeJS.ProcessEnv, home: string): string {
  const configHome = env['XDG_CONFIG_HOME']
  return join(configHome?.startsWith('/') ? configHome : join(home, '.config'), 'autostart')
}

const entryName = 'leadbox.desktop'

/** A login item as an XDG autostart entry, per the Desktop Application Autostart spec. */
export function xdgAutostart(dir: string, executable: string): LoginItem {
  const file = join(dir, entryName)
  return {
    isEnabled() {
      try {
        // An entry the user hid in their desktop's settings does not start.
        return !/^Hidden\s*=\s*true\s*$/m.test(readFileSync(file, 'utf8'))
      } catch {
        return false
      }
    },
    setEnabled(enabled) {
      if (!enabled) {
        rmSync(file, { force: true })
        return
      }
      mkdirSync(dir, { recursive: true })
      writeFileSync(file, autostartEntry(executable))
    },
  }
}

export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Leadbox',
    'Comment=Capture Pipedrive leads from anywhere',
    `Exec=${quoteExecArgument(executable)} ${hiddenArgument}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

/** Quotes one argument of an Exec key as the Desktop Entry spec asks. */
export function quoteExecArgument(raw: string): string {
  // A literal % is written %%, since %f, %u and the like are field codes.
  const value = raw.replace(/%/g, '%%')
  if (!/[\s"'\\`$<>~|&;*?#()]/.test(value)) return value
  // Inside double quotes, ", `, $ and \ take a backslash; the file format then doubles \.
  const escaped = value.replace(/(["`$\\])/g, '\\$1').replace(/\\/g, '\\\\')
  return `"${escaped}"`
}

/** Did the login item start this run? Then Leadbox starts in the tray, window hidden. */
export function startedAtLogin(argv: readonly string[], macOpenedAtLogin: boolean): boolean {
  return argv.includes(hiddenArgument) || macOpenedAtLogin
}

export interface LaunchAtLoginSetting {
  status(): LaunchAtLogin
  set(enabled: boolean): LaunchAtLogin
  /** After a sign-in: the first one turns launching at login on, unless the user chose. */
  signedIn(): void
}

/**
 * The Settings switch. The system's login item is the truth for "on"; settings remember
 * only that the user chose, so a sign-in never overrides their choice.
 */
export function createLaunchAtLogin(
  item: LoginItem | undefined,
  settings: SettingsStore,
): LaunchAtLoginSetting {
  const status = (): LaunchAtLogin =>
    item ? { supported: true, enabled: item.isEnabled() } : { supported: false, enabled: false }
  return {
    status,
    set(enabled) {
      if (!item) return status()
      item.setEnabled(enabled)
      settings.set('launchAtLogin', enabled)
      return status()
    },
    signedIn() {
      if (!item || settings.get('launchAtLogin') !== undefined) return
      item.setEnabled(true)
      settings.set('launchAtLogin', true)
    },
  }
}
