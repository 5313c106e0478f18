import type { ShortcutStatus } from '../../../../shared/shortcut'
import { isMac } from '../../ui/keyboard'
import { readableAccelerator } from '../shortcuts/accelerator'

/**
 * What Leadbox knows about a shortcut it was given, and what it cannot know. No system tells
 * an app when another one already holds the same keys (Electron's registration then fails
 * silently), and on Wayland the desktop binds them later, perhaps after asking, or not.
 */
export function shortcutCertainty(status: ShortcutStatus, mac: boolean = isMac): string | null {
  if (!status.registered) return null
  const keys = readableAccelerator(status.accelerator, mac)
  if (status.decidedBy === 'desktop') {
    return `Leadbox asked your desktop for ${keys}. On Wayland your desktop decides, and may ask you first: if ${keys} doesn't open quick add, choose another here or set it in your desktop's keyboard settings.`
  }
  return `Your system accepted ${keys}. If pressing it does nothing, another app may be using the same keys: choose another.`
}
