import { Menu, Tray, nativeImage, nativeTheme } from 'electron'
import templateIcon from '../../../resources/trayTemplate.png?asset'
import iconOnDark from '../../../resources/tray-on-dark.png?asset'
import iconOnLight from '../../../resources/tray-on-light.png?asset'
import type { OutboxState } from '../../shared/ipc/contract'

export interface TrayActions {
  quickAdd(): void
  open(): void
  syncNow(): void
  quit(): void
  /** Quits and installs a downloaded update of Leadbox. */
  restartToUpdate?(): void
}

export interface LeadboxTray {
  /** Shows how many leads wait: the title beside the icon on macOS, the tooltip elsewhere. */
  showCounts(counts: Record<OutboxState, number>): void
  /** Offers "Restart to update" while a downloaded update waits (its version), or not (null). */
  showUpdateReady(version: string | null): void
  destroy(): void
}

export function pendingLabel(counts: Record<OutboxState, number>): string {
  const waiting = counts.queued + counts.sending + counts.uncertain
  const parts = [waiting === 0 ? 'Nothing waiting to sync' : `${waiting} waiting to sync`]
  if (counts.needs_attention > 0) parts.push(`${counts.needs_attention} need attention`)
  return parts.join(', ')
}

/**
 * The icon each system expects: on macOS a template image, which the menu bar tints; on
 * Windows and Linux colors shown as they are, light on a dark panel and dark on a light one.
 * Windows' taskbar follows the system theme, which may differ from the apps' theme.
 */
export function trayIconFile(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return templateIcon
  const darkPanel =
    platform === 'win32'
      ? nativeTheme.shouldUseDarkColorsForSystemIntegratedUI
      : nativeTheme.shouldUseDarkColors
  return darkPanel ? iconOnDark : iconOnLight
}

function trayImage(platform: NodeJS.Platform) {
  // The @2x file beside each one is picked up for high-density screens.
  const image = nativeImage.createFromPath(trayIconFile(platform))
  if (platform === 'darwin') image.setTemplateImage(true)
  return image
}

export function createTray(
  actions: TrayActions,
  shortcut: () => string,
  platform: NodeJS.Platform = process.platform,
): LeadboxTray {
  const tray = new Tray(trayImage(platform))
  // A theme switched while Leadbox runs; macOS re-tints the template by itself.
  const followTheme = () => tray.setImage(trayImage(platform))
  if (platform !== 'darwin') nativeTheme.on('updated', followTheme)
  let updateReady: string | null = null
  const menu = () =>
    Menu.buildFromTemplate([
      { label: 'Quick add', accelerator: shortcut(), click: actions.quickAdd },
      { label: 'Open Leadbox', click: actions.open },
      { label: 'Sync now', click: actions.syncNow },
      ...(updateReady && actions.restartToUpdate
        ? [{ label: 'Restart to update', sublabel: updateReady, click: actions.restartToUpdate }]
        : []),
      { type: 'separator' },
      { label: 'Quit Leadbox', role: 'quit', click: actions.quit },
    ])
  tray.setContextMenu(menu())
  tray.setToolTip('Leadbox')
  return {
    showCounts(counts) {
      const waiting = counts.queued + counts.sending + counts.uncertain + counts.needs_attention
      tray.setToolTip(`Leadbox — ${pendingLabel(counts)}`)
      if (process.platform === 'darwin') tray.setTitle(waiting > 0 ? String(waiting) : '')
      tray.setContextMenu(menu())
    },
    showUpdateReady(version) {
      updateReady = version
      tray.setContextMenu(menu())
    },
    destroy: () => {
      nativeTheme.off('updated', followTheme)
      tray.destroy()
    },
  }
}
