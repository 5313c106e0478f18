import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seedIds } from '../../../test/pipedrive-sandbox/index'
import { damageLeafPageOf } from '../../../test/support/damaged-database'
import { networkSwitch } from '../../../test/support/network-switch'
import { useTempDirs } from '../../../test/support/temp-dir'
import { startRig } from './accounts/testing'
import { createCore } from './index'

const tempDir = useTempDirs()

describe('a start on a damaged database', () => {
  it('keeps the account signed in and sends what was captured offline, once', async () => {
    const network = networkSwitch(false)
    const r = await startRig(tempDir(), { core: { backgroundRefresh: false, network } })
    let restarted: Awaited<ReturnType<typeof createCore>> | undefined
    try {
      await r.core.accounts.signInWithToken(r.sandbox.apiToken)
      r.core.outbox.enqueueLead({
        title: 'Captured on the train',
        person: { kind: 'existing', id: seedIds.persons.maria },
      })
      const filler = r.core.db.prepare('INSERT INTO catalog_person (id, name) VALUES (?, ?)')
      for (let i = 1; i <= 1500; i++) filler.run(100_000 + i, `Cached ${i} ${'x'.repeat(20)}`)
      await r.core.close()
      damageLeafPageOf(join(r.dataDir, 'leadbox.db'), 'catalog_person')

      network.set(true)
      restarted = await createCore({
        dataDir: r.dataDir,
        version: '0.0.0-test',
        platform: process.platform,
        fetch,
        secrets: r.keychain.secrets,
        network,
        openExternal: async () => {},
        openPath: async () => '',
        pipedriveUrl: r.sandbox.url,
        backgroundRefresh: false,
      })
      expect(restarted.info().database).toMatchObject({
        status: 'recovered',
        changesRecovered: 1,
        changesUnreadable: 0,
      })
      // The account came back with the settings; its token never left the keychain.
      expect(restarted.accounts.status().account).toMatchObject({ authType: 'api_token' })
      restarted.sync.wake('sync now')
      const arrived = () =>
        r.sandbox.state.leads.filter((lead) => lead['title'] === 'Captured on the train')
      await expect.poll(() => arrived().length, { timeout: 10_000 }).toBe(1)
      await expect
        .poll(() => restarted!.outbox.list().map((row) => row.state), { timeout: 5_000 })
        .toEqual(['sent'])
      expect(arrived()).toHaveLength(1)
    } finally {
      await restarted?.close()
      await r.sandbox.close()
      await r.keychain.clear()
    }
  })
})
