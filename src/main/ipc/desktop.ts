import type { ShortcutStatus } from '../../shared/shortcut'

/**
 * What only the desktop shell can do: windows and global shortcuts. Electron's in the app;
 * the browser harness hands in a stand-in, since there is no desktop to act on there.
 */
export interface Desktop {
  hideQuickAdd(): void
  showQuickAdd(): void
  showMainWindow(): void
  shortcut(): ShortcutStatus
  changeShortcut(accelerator: string): ShortcutStatus
}
