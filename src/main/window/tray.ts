import { Menu, Tray, nativeImage } from 'electron'
import icon from '../../../resources/trayTemplate.png?asset'
import type { OutboxState } from '../../shared/ipc/contract'

export interface TrayActions {
  quickAdd(): void
  open(): void
  syncNow(): void
  quit(): void
}

export interface LeadboxTray {
  /** Shows how many leads wait: the title beside the icon on macOS, the tooltip elsewhere. */
  showCounts(counts: Record<OutboxState, number>): void
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
  const menu = () =>
    Menu.buildFromTemplate([
      { label: 'Quick add', accelerator: shortcut(), click: actions.quickAdd },
      { label: 'Open Leadbox', click: actions.open },
      { label: 'Sync now', click: actions.syncNow },
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
    destroy: () => tray.destroy(),
  }
}
