import type { Desktop } from '../../src/main/ipc/desktop'
import { defaultQuickAddShortcut, type ShortcutStatus } from '../../src/shared/shortcut'

/**
 * The desktop shell where there is none (the browser harness, tests): it records what the
 * app asked for. `taken` plays shortcuts another application holds.
 */
export function desktopStandIn(taken: string[] = []) {
  let status: ShortcutStatus = {
    accelerator: defaultQuickAddShortcut,
    registered: true,
    problem: null,
    decidedBy: 'system',
  }
  const record = { quickAddHidden: 0, quickAddShown: 0, mainWindowShown: 0 }
  const desktop: Desktop = {
    hideQuickAdd: () => void (record.quickAddHidden += 1),
    showQuickAdd: () => void (record.quickAddShown += 1),
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
  }
  return { desktop, record }
}
