import { BrowserWindow, ipcMain } from 'electron'
import { channels, eventNames } from '../../shared/ipc/contract'
import type { CoreEvents } from '../core/events/core-events'
import type { Route } from './router'

/** Wires the router to ipcMain. The frame that sent a message is checked by the router. */
export function registerIpc(route: Route): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      route(channel, payload, event.senderFrame?.url),
    )
  }
}

/** Forwards core events to every Leadbox window. */
export function forwardEvents(events: CoreEvents): void {
  for (const name of eventNames) {
    events.on(name, (payload) => {
      for (const window of BrowserWindow.getAllWindows()) {
        if (!window.isDestroyed()) window.webContents.send(name, payload)
      }
    })
  }
}
