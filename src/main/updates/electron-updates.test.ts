import { EventEmitter } from 'node:events'
import type { AppUpdater } from 'electron-updater'
import { describe, expect, it, vi } from 'vitest'
import { createSilentLogger } from '../core/log/logger'
import type { UpdaterEvent } from './app-updates'

// electron-updater's own module reads Electron when its updater is made; here a stand-in
// updater is handed in, so Electron is never reached.
vi.mock('electron', () => ({}))
const { electronUpdater } = await import('./electron-updates')

/** The part of electron-updater's AppUpdater the glue touches. */
function standInUpdater() {
  const emitter = new EventEmitter()
  return Object.assign(emitter, {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    allowDowngrade: true,
    allowPrerelease: true,
    logger: null as unknown,
    checkForUpdates: vi.fn(async () => null),
    quitAndInstall: vi.fn(),
  })
}

describe('the electron-updater glue', () => {
  it('never downgrades, skips pre-releases, downloads in the background and installs on quit', () => {
    const updater = standInUpdater()
    electronUpdater(createSilentLogger(), updater as unknown as AppUpdater)
    expect(updater).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
      allowPrerelease: false,
    })
    expect(updater.logger).toMatchObject({
      info: expect.any(Function),
      warn: expect.any(Function),
      error: expect.any(Function),
    })
  })

  it("turns electron-updater's events into the few the update logic knows", async () => {
    const updater = standInUpdater()
    const port = electronUpdater(createSilentLogger(), updater as unknown as AppUpdater)
    const events: UpdaterEvent[] = []
    port.onEvent((event) => events.push(event))
    const failure = new Error('offline')
    updater.emit('checking-for-update')
    updater.emit('update-available', { version: '1.4.0', files: [] })
    updater.emit('download-progress', {
      percent: 12.5,
      bytesPerSecond: 1,
      total: 8,
      transferred: 1,
    })
    updater.emit('update-downloaded', { version: '1.4.0', files: [] })
    updater.emit('update-not-available', { version: '1.4.0' })
    updater.emit('error', failure)
    expect(events).toEqual([
      { type: 'checking' },
      { type: 'available', version: '1.4.0' },
      { type: 'progress', percent: 12.5 },
      { type: 'downloaded', version: '1.4.0' },
      { type: 'not-available' },
      { type: 'error', error: failure },
    ])
    await port.check()
    expect(updater.checkForUpdates).toHaveBeenCalledOnce()
    port.quitAndInstall()
    expect(updater.quitAndInstall).toHaveBeenCalledWith(false, true)
  })
})
