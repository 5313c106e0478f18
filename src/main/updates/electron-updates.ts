import { autoUpdater, type AppUpdater } from 'electron-updater'
import type { Logger } from '../core/log/logger'
import { updaterSettings, type Updater } from './app-updates'

/**
 * electron-updater behind the Updater port. Reached only in a packaged app: reading
 * `autoUpdater` makes the platform's updater (NSIS, Squirrel.Mac, AppImage), which reads the
 * update feed written into the package by electron-builder (app-update.yml).
 */
export function electronUpdater(log: Logger, updater: AppUpdater = autoUpdater): Updater {
  Object.assign(updater, updaterSettings)
  updater.logger = {
    info: (message: unknown) => log.info({ updater: String(message) }, 'updater'),
    warn: (message: unknown) => log.warn({ updater: String(message) }, 'updater'),
    error: (message: unknown) => log.error({ updater: String(message) }, 'updater'),
  }
  return {
    check: () => updater.checkForUpdates(),
    // Not silent, so Windows shows the installer's progress; Leadbox opens again after.
    quitAndInstall: () => updater.quitAndInstall(false, true),
    onEvent(listener) {
      updater.on('checking-for-update', () => listener({ type: 'checking' }))
      updater.on('update-available', (info) =>
        listener({ type: 'available', version: info.version }),
      )
      updater.on('update-not-available', () => listener({ type: 'not-available' }))
      updater.on('download-progress', (progress) =>
        listener({ type: 'progress', percent: progress.percent }),
      )
      updater.on('update-downloaded', (info) =>
        listener({ type: 'downloaded', version: info.version }),
      )
      updater.on('error', (error) => listener({ type: 'error', error }))
    },
  }
}
