import { Menu, Tray, nativeImage } from 'electron'
import icon from '../../../resources/trayTemplate.png?asset'
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

export function createTray(actions: TrayActions, shortcut: () => string): LeadboxTray {
  const image = nativeImage.createFromPath(icon)
  image.setTemplateImage(true)
  const tray = new Tray(image)
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
    destroy: () => tray.destroy(),
  }
}
