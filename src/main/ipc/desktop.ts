import type { LaunchAtLogin, UpdateStatus } from '../../shared/ipc/contract'
import type { ShortcutStatus } from '../../shared/shortcut'

/**
 * What only the desktop shell can do: windows, global shortcuts, updates, login items. Electron's in the app;
 * the browser harness hands in a stand-in, since there is no desktop to act on there.
 */
export interface Desktop {
  hideQuickAdd(): void
  showQuickAdd(): void
  showMainWindow(): void
  shortcut(): ShortcutStatus
  changeShortcut(accelerator: string): ShortcutStatus
  updateStatus(): UpdateStatus
  /** Refused (not_found) while no downloaded update is ready. */
  restartToUpdate(): Promise<void>
  launchAtLogin(): LaunchAtLogin
  setLaunchAtLogin(enabled: boolean): LaunchAtLogin
}
