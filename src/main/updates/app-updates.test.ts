import { describe, expect, it, vi } from 'vitest'
import type { UpdateStatus } from '../../shared/ipc/contract'
import { LeadboxError } from '../../shared/result'
import { createSilentLogger } from '../core/log/logger'
import {
  checkEveryMs,
  createAppUpdates,
  firstCheckDelayMs,
  updateAvailability,
  type Timers,
  type Updater,
  type UpdaterEvent,
} from './app-updates'

/** Timers that run only when the test moves the clock. */
function manualTimers() {
  let clock = 0
  const pending: Array<{ at: number; every: number | null; run: () => void; live: boolean }> = []
  const timers: Timers = {
    after(ms, run) {
      const timer = { at: clock + ms, every: null, run, live: true }
      pending.push(timer)
      return () => void (timer.live = false)
    },
    every(ms, run) {
      const timer = { at: clock + ms, every: ms, run, live: true }
      pending.push(timer)
      return () => void (timer.live = false)
    },
  }
  const advance = (ms: number) => {
    clock += ms
    for (const timer of pending) {
      while (timer.live && timer.at <= clock) {
        timer.run()
        if (timer.every === null) timer.live = false
        else timer.at += timer.every
      }
    }
  }
  return { timers, advance, now: () => clock }
}

/** electron-updater as the logic sees it: checks are answered by the test. */
function fakeUpdater() {
  let listener: (event: UpdaterEvent) => void = () => undefined
  const checks: Array<{ resolve: (value: unknown) => void; reject: (error: unknown) => void }> = []
  const updater: Updater & { installs: number } = {
    installs: 0,
    check: () => new Promise((resolve, reject) => checks.push({ resolve, reject })),
    quitAndInstall() {
      updater.installs += 1
    },
    onEvent: (next) => void (listener = next),
  }
  return { updater, checks, emit: (event: UpdaterEvent) => listener(event) }
}

function setup(
  availability = updateAvailability({
    packaged: true,
    platform: 'darwin',
    appImage: undefined,
    linuxPackage: undefined,
  }),
) {
  const clock = manualTimers()
  const fake = fakeUpdater()
  const createUpdater = vi.fn(() => fake.updater)
  const seen: UpdateStatus[] = []
  const order: string[] = []
  fake.updater.quitAndInstall = () => {
    order.push('install')
    fake.updater.installs += 1
  }
  const updates = createAppUpdates({
    beforeInstall: async () => void order.push('closed'),
    availability,
    createUpdater,
    timers: clock.timers,
    now: clock.now,
    onChange: (status) => seen.push(status),
    log: createSilentLogger(),
  })
  return { updates, clock, fake, createUpdater, seen, order }
}

const flush = () => new Promise((resolve) => setImmediate(resolve))

describe('when Leadbox updates itself', () => {
  it('never runs in development, nor in a Linux copy other than the AppImage or the deb', async () => {
    expect(
      updateAvailability({
        packaged: false,
        platform: 'darwin',
        appImage: undefined,
        linuxPackage: undefined,
      }),
    ).toEqual({
      enabled: false,
      reason: expect.stringContaining('source code'),
    })
    expect(
      updateAvailability({
        packaged: true,
        platform: 'linux',
        appImage: undefined,
        linuxPackage: undefined,
      }),
    ).toEqual({
      enabled: false,
      reason: expect.stringContaining('cannot update itself'),
    })
    expect(
      updateAvailability({
        packaged: true,
        platform: 'linux',
        appImage: undefined,
        linuxPackage: 'deb',
      }),
    ).toEqual({ enabled: true })
    expect(
      updateAvailability({
        packaged: true,
        platform: 'linux',
        appImage: undefined,
        linuxPackage: 'rpm',
      }),
    ).toMatchObject({ enabled: false })
    expect(
      updateAvailability({
        packaged: true,
        platform: 'linux',
        appImage: '/opt/Leadbox.AppImage',
        linuxPackage: undefined,
      }),
    ).toEqual({ enabled: true })
    expect(
      updateAvailability({
        packaged: true,
        platform: 'win32',
        appImage: undefined,
        linuxPackage: undefined,
      }),
    ).toEqual({
      enabled: true,
    })

    const { updates, clock, createUpdater } = setup(
      updateAvailability({
        packaged: false,
        platform: 'linux',
        appImage: undefined,
        linuxPackage: undefined,
      }),
    )
    clock.advance(checkEveryMs * 3)
    updates.checkNow()
    expect(createUpdater).not.toHaveBeenCalled()
    expect(updates.status()).toMatchObject({ state: 'unavailable' })
    await expect(updates.restartToUpdate()).rejects.toThrow(LeadboxError)
  })

  it('checks a little after start, then once a day', () => {
    const { clock, fake } = setup()
    clock.advance(firstCheckDelayMs - 1)
    expect(fake.checks).toHaveLength(0)
    clock.advance(1)
    expect(fake.checks).toHaveLength(1)
    fake.emit({ type: 'not-available' })
    fake.checks[0]!.resolve(null)
    clock.advance(checkEveryMs)
    expect(fake.checks).toHaveLength(2)
  })

  it('follows a download to "ready", then restarts to install on request only', async () => {
    const { updates, clock, fake, seen, order } = setup()
    await expect(updates.restartToUpdate()).rejects.toThrow('No update is ready')
    clock.advance(firstCheckDelayMs)
    fake.emit({ type: 'checking' })
    fake.emit({ type: 'available', version: '1.2.0' })
    fake.checks[0]!.resolve({})
    await flush()
    fake.emit({ type: 'progress', percent: 42.5 })
    expect(updates.status()).toMatchObject({
      state: 'downloading',
      version: '1.2.0',
      percent: 42.5,
    })
    fake.emit({ type: 'downloaded', version: '1.2.0' })
    expect(updates.status()).toEqual({
      state: 'ready',
      version: '1.2.0',
      percent: null,
      lastCheckedAt: firstCheckDelayMs,
      message: null,
    })
    expect(seen.map((status) => status.state)).toEqual([
      'checking',
      'checking',
      'downloading',
      'downloading',
      'ready',
    ])
    expect(order).toEqual([])
    await updates.restartToUpdate()
    expect(order).toEqual(['closed', 'install'])
  })

  it('keeps a downloaded update ready: no second check, and a late error does not undo it', () => {
    const { updates, clock, fake } = setup()
    clock.advance(firstCheckDelayMs)
    fake.emit({ type: 'available', version: '2.0.0' })
    fake.emit({ type: 'downloaded', version: '2.0.0' })
    clock.advance(checkEveryMs)
    updates.checkNow()
    expect(fake.checks).toHaveLength(1)
    fake.emit({ type: 'error', error: new Error('late') })
    expect(updates.status()).toMatchObject({ state: 'ready', version: '2.0.0' })
  })

  it('says in plain words when a check or a download fails, and tries again later', async () => {
    const { updates, clock, fake } = setup()
    clock.advance(firstCheckDelayMs)
    fake.checks[0]!.reject(new Error('net::ERR_INTERNET_DISCONNECTED'))
    await flush()
    expect(updates.status()).toMatchObject({
      state: 'failed',
      message: 'Leadbox could not check for updates. It will try again later.',
    })
    expect(JSON.stringify(updates.status())).not.toContain('ERR_')

    clock.advance(checkEveryMs)
    expect(fake.checks).toHaveLength(2)
    fake.emit({ type: 'available', version: '1.3.0' })
    fake.emit({ type: 'error', error: new Error('sha512 checksum mismatch') })
    expect(updates.status()).toMatchObject({
      state: 'failed',
      message: 'The update could not be downloaded. Leadbox will try again later.',
    })
  })

  it('does not start a second check while one runs, and settles a silent answer', async () => {
    const { updates, clock, fake } = setup()
    clock.advance(firstCheckDelayMs)
    updates.checkNow()
    expect(fake.checks).toHaveLength(1)
    fake.checks[0]!.resolve(null)
    await flush()
    expect(updates.status()).toMatchObject({ state: 'idle', lastCheckedAt: firstCheckDelayMs })
  })

  it('stops its timers', () => {
    const { updates, clock, fake } = setup()
    updates.stop()
    clock.advance(checkEveryMs * 2)
    expect(fake.checks).toHaveLength(0)
  })
})
