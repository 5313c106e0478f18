import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { networkSwitch } from '../../../test/support/network-switch'
import { largeDatabase } from '../../../test/support/large-database'
import { useTempDirs } from '../../../test/support/temp-dir'
import type { SecretStore } from './auth/secret-store'
import { createCore } from './index'

const tempDir = useTempDirs()
const noSecrets: SecretStore = {
  get: async () => null,
  set: async () => {},
  delete: async () => false,
}

type Options = Parameters<typeof createCore>[0]

/** A core in `dataDir` (a fresh folder when none is given), signed out, with no keychain. */
async function core(
  overrides: {
    openPath?: (path: string) => Promise<string>
    dataDir?: string
  } & Partial<Options> = {},
) {
  const dataDir = overrides.dataDir ?? tempDir()
  const network = networkSwitch(true)
  const openExternal = vi.fn(async () => {})
  const openPath = vi.fn(overrides.openPath ?? (async () => ''))
  const instance = await createCore({
    version: '1.2.3',
    platform: 'linux',
    fetch,
    secrets: noSecrets,
    network,
    openExternal,
    ...overrides,
    dataDir,
    openPath,
  })
  return { instance, dataDir, network, openExternal, openPath }
}

describe('createCore', () => {
  it('answers before checking a large database, then tells the user in plain words of damage it finds', async () => {
    const dataDir = tempDir()
    largeDatabase(join(dataDir, 'leadbox.db'), true)
    const notify = vi.fn()
    const { instance } = await core({
      dataDir,
      notify,
      backgroundRefresh: false,
      timers: {
        setTimeout: (run) => setImmediate(run),
        clearTimeout: (timer) => clearImmediate(timer as NodeJS.Immediate),
      },
    })
    expect(instance.info().database).toEqual({ status: 'ok' })
    await instance.integrityCheck?.done
    expect(instance.info().database).toMatchObject({ status: 'damaged' })
    expect(notify).toHaveBeenCalledWith(
      'Leadbox found damage in its database',
      expect.stringContaining('Restart Leadbox to repair it'),
    )
    await instance.close()

    const { instance: restarted } = await core({ dataDir, backgroundRefresh: false })
    expect(restarted.info().database).toMatchObject({ status: 'recovered' })
    expect(restarted.integrityCheck).toBeNull()
    await restarted.close()
  })

  it('opens the database and the log in the data folder', async () => {
    const { instance, dataDir } = await core()
    expect(existsSync(join(dataDir, 'leadbox.db'))).toBe(true)
    expect(instance.info()).toEqual({
      name: 'Leadbox',
      version: '1.2.3',
      platform: 'linux',
      database: { status: 'ok' },
    })
    await instance.close()
    expect(readdirSync(join(dataDir, 'logs')).some((name) => name.startsWith('leadbox'))).toBe(true)
  })

  it('reports connectivity and tells listeners when it changes', async () => {
    const { instance, network } = await core()
    expect(instance.syncStatus()).toMatchObject({ online: true, signedIn: false })
    const seen: boolean[] = []
    instance.events.on('sync:status', (status) => seen.push(status.online))
    network.set(false)
    network.set(true)
    expect(seen).toEqual([false, true])
    expect(instance.syncStatus().counts).toEqual({
      queued: 0,
      sending: 0,
      uncertain: 0,
      sent: 0,
      needs_attention: 0,
      cancelled: 0,
    })
    await instance.close()
  })

  it('opens only validated links in the browser', async () => {
    const { instance, openExternal } = await core()
    expect(await instance.openLink('https://app.pipedrive.com/')).toBe(true)
    expect(await instance.openLink('file:///etc/passwd')).toBe(false)
    expect(openExternal.mock.calls).toEqual([['https://app.pipedrive.com/']])
    await instance.close()
  })

  it('opens the logs folder, and survives the OS refusing', async () => {
    const { instance, openPath, dataDir } = await core({ openPath: async () => 'no file manager' })
    await instance.openLogsFolder()
    expect(openPath).toHaveBeenCalledWith(join(dataDir, 'logs'))
    await instance.close()
  })
})
