import { app } from 'electron'
import { appId } from './app-id'

/**
 * Windows shows a notification only for an app whose AppUserModelID matches a Start menu
 * shortcut. The installer makes one with the app id; an unpackaged Electron has none, and
 * Windows accepts the executable's path there instead.
 */
export function setWindowsAppIdentity(platform: NodeJS.Platform = process.platform): void {
  if (platform !== 'win32') return
  app.setAppUserModelId(app.isPackaged ? appId : process.execPath)
}
