import type { UpdateStatus } from '../../shared/ipc/contract'
import { LeadboxError } from '../../shared/result'
import type { Logger } from '../core/log/logger'

/**
 * When and whether Leadbox updates itself. electron-updater does the work (GitHub Releases,
 * the download, the signature checks each platform offers); this decides when to ask it and
 * what to tell the user, and is tested without Electron. The glue is electron-updates.ts.
 */

/** What the updater is told. Never a downgrade; no pre-releases; install on quit too. */
export const updaterSettings = {
  autoDownload: true,
  autoInstallOnAppQuit: true,
  allowDowngrade: false,
  allowPrerelease: false,
} as const

/** A while after start, so checking does not compete with opening the app; then daily. */
export const firstCheckDelayMs = 10_000
export const checkEveryMs = 24 * 60 * 60 * 1000

/** What electron-updater reports, in the few kinds that matter here. */
export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; error: unknown }

export interface Updater {
  /** Asks for the newest release; a newer one downloads by itself (autoDownload). */
  check(): Promise<unknown>
  quitAndInstall(): void
  onEvent(listener: (event: UpdaterEvent) => void): void
}

export interface Timers {
  after(ms: number, run: () => void): () => void
  every(ms: number, run: () => void): () => void
}

export type UpdateAvailability = { enabled: true } | { enabled: false; reason: string }

/**
 * Updates run only in a packaged app. On Linux they need the AppImage or the deb (which asks
 * for the administrator's password to install); any other copy is left to whoever made it.
 */
export function updateAvailability(app: {
  packaged: boolean
  platform: NodeJS.Platform
  appImage: string | undefined
  /** What electron-builder wrote in resources/package-type ("deb", …), if anything. */
  linuxPackage: string | undefined
}): UpdateAvailability {
  if (!app.packaged) {
    return { enabled: false, reason: 'Updates are off while Leadbox runs from its source code.' }
  }
  if (app.platform === 'linux' && !app.appImage && app.linuxPackage !== 'deb') {
    return {
      enabled: false,
      reason: 'This copy of Leadbox cannot update itself; install the newest release instead.',
    }
  }
  return { enabled: true }
}

export interface AppUpdates {
  status(): UpdateStatus
  checkNow(): void
  /** Quits and installs the downloaded update, once `beforeInstall` has closed what is open. */
  restartToUpdate(): Promise<void>
  stop(): void
}

export interface AppUpdatesOptions {
  availability: UpdateAvailability
  /** Made only when updates are on, so development never touches electron-updater. */
  createUpdater: () => Updater
  timers: Timers
  now: () => number
  onChange: (status: UpdateStatus) => void
  /** Closes the database and the log before the installer takes over. */
  beforeInstall: () => Promise<void>
  log: Logger
}

const checkFailed = 'Leadbox could not check for updates. It will try again later.'
const downloadFailed = 'The update could not be downloaded. Leadbox will try again later.'

export function createAppUpdates(options: AppUpdatesOptions): AppUpdates {
  const { availability, timers, now, onChange, log } = options
  let status: UpdateStatus = {
    state: availability.enabled ? 'idle' : 'unavailable',
    version: null,
    percent: null,
    lastCheckedAt: null,
    message: availability.enabled ? null : availability.reason,
  }
  const set = (next: Partial<UpdateStatus>) => {
    status = { ...status, ...next }
    onChange(status)
  }

  if (!availability.enabled) {
    return {
      status: () => status,
      checkNow: () => undefined,
      restartToUpdate: () =>
        Promise.reject(
          new LeadboxError('not_found', status.message ?? 'No update is ready to install.'),
        ),
      stop: () => undefined,
    }
  }

  const updater = options.createUpdater()
  updater.onEvent((event) => {
    switch (event.type) {
      case 'checking':
        if (status.state !== 'ready') set({ state: 'checking', message: null })
        return
      case 'available':
        set({ state: 'downloading', version: event.version, percent: 0, lastCheckedAt: now() })
        return
      case 'not-available':
        set({ state: 'idle', version: null, percent: null, lastCheckedAt: now(), message: null })
        return
      case 'progress':
        set({ state: 'downloading', percent: Math.max(0, Math.min(100, event.percent)) })
        return
      case 'downloaded':
        set({ state: 'ready', version: event.version, percent: null, message: null })
        return
      case 'error':
        log.warn({ err: event.error }, 'update failed')
        // A downloaded update stays ready whatever a later check says.
        if (status.state === 'ready') return
        set({
          state: 'failed',
          percent: null,
          message: status.state === 'downloading' ? downloadFailed : checkFailed,
        })
        return
    }
  })

  const checkNow = () => {
    // One check or download at a time, and none once an update waits to be installed.
    if (status.state === 'checking' || status.state === 'downloading' || status.state === 'ready')
      return
    set({ state: 'checking', message: null })
    updater.check().then(
      () => {
        // An answer without events (nothing to do) must not leave "Checking…" on screen.
        if (status.state === 'checking') set({ state: 'idle', lastCheckedAt: now() })
      },
      (error: unknown) => {
        log.warn({ err: error }, 'update check failed')
        if (status.state === 'checking') set({ state: 'failed', message: checkFailed })
      },
    )
  }

  const cancelFirst = timers.after(firstCheckDelayMs, checkNow)
  const cancelDaily = timers.every(checkEveryMs, checkNow)

  return {
    status: () => status,
    checkNow,
    async restartToUpdate() {
      if (status.state !== 'ready') {
        throw new LeadboxError('not_found', 'No update is ready to install yet.')
      }
      await options.beforeInstall()
      updater.quitAndInstall()
    },
    stop() {
      cancelFirst()
      cancelDaily()
    },
  }
}
