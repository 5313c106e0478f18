import type { Desktop } from '../../src/main/ipc/desktop'
import type { LaunchAtLogin, UpdateStatus } from '../../src/shared/ipc/contract'
import { LeadboxError } from '../../src/shared/result'
import { defaultQuickAddShortcut, type ShortcutStatus } from '../../src/shared/shortcut'

/**
 * The desktop shell where there is none (the browser harness, tests): it records what the
 * app asked for. `taken` plays shortcuts another application holds. Opening quick add reads
 * `record.clipboard`, the clipboard the test set, as the app reads the system's.
 */
export function desktopStandIn(
  taken: string[] = [],
  quickAdd: { onOpened?: (readText: () => Promise<string>) => void } = {},
) {
  let status: ShortcutStatus = {
    accelerator: defaultQuickAddShortcut,
    registered: true,
    problem: null,
    decidedBy: 'system',
  }
  // Like an app run from its source: no updates until a test sets `updates`; login items kept
  // in memory.
  const record: {
    quickAddHidden: number
    quickAddShown: number
    mainWindowShown: number
    updates: UpdateStatus
    restartsToUpdate: number
    launchAtLogin: LaunchAtLogin
    clipboard: string
    clipboardReads: number
  } = {
    quickAddHidden: 0,
    quickAddShown: 0,
    mainWindowShown: 0,
    updates: {
      state: 'unavailable',
      version: null,
      percent: null,
      lastCheckedAt: null,
      message: 'Updates are off while Leadbox runs from its source code.',
    },
    restartsToUpdate: 0,
    launchAtLogin: { supported: true, enabled: false },
    clipboard: '',
    clipboardReads: 0,
  }
  const desktop: Desktop = {
    hideQuickAdd: () => void (record.quickAddHidden += 1),
    showQuickAdd: () => {
      record.quickAddShown += 1
      quickAdd.onOpened?.(async () => {
        record.clipboardReads += 1
        return record.clipboard
      })
    },
    showMainWindow: () => void (record.mainWindowShown += 1),
    shortcut: () => status,
    changeShortcut(accelerator) {
      if (taken.includes(accelerator)) {
        return {
          ...status,
          problem: `${accelerator} is used by another application. Pick another shortcut.`,
        }
      }
      status = { accelerator, registered: true, problem: null, decidedBy: 'system' }
      return status
    },
    updateStatus: () => record.updates,
    async restartToUpdate() {
      if (record.updates.state !== 'ready') {
        throw new LeadboxError('not_found', 'No update is ready to install yet.')
      }
      record.restartsToUpdate += 1
    },
    launchAtLogin: () => record.launchAtLogin,
    setLaunchAtLogin(enabled) {
      record.launchAtLogin = { supported: true, enabled }
      return record.launchAtLogin
    },
  }
  return { desktop, record }
}
