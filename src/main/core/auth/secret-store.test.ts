import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import keytar from 'keytar'
import { afterAll, describe, expect, it } from 'vitest'
import { LeadboxError } from '../../../shared/result'
import { Secret } from '../log/secret'
import { createKeychainSecretStore, keychainUnavailableMessage } from './secret-store'

// These run against the real OS keychain: on Linux, the throwaway gnome-keyring that
// scripts/with-keyring.sh starts (npm test does). A service name of its own per run keeps
// the user's real Leadbox items out of reach even elsewhere.
if (process.platform === 'linux' && !process.env['LEADBOX_TEST_KEYRING']) {
  throw new Error('Run the tests through npm test (scripts/with-keyring.sh): they need a keychain.')
}
const service = `Leadbox-test-${randomUUID()}`
const store = createKeychainSecretStore(keytar, service)

describe('the keychain secret store', () => {
  afterAll(async () => {
    for (const { account } of await keytar.findCredentials(service)) {
      await keytar.deletePassword(service, account)
    }
  })

  it('keeps, reads and deletes a secret in the real keychain', async () => {
    const account = 'company-1/user-7/api-token'
    expect(await store.get(account)).toBeNull()
    await store.set(account, new Secret('token-abc'))
    expect((await store.get(account))?.reveal()).toBe('token-abc')
    expect(await keytar.getPassword(service, account)).toBe('token-abc')
    expect(await store.delete(account)).toBe(true)
    expect(await store.get(account)).toBeNull()
    expect(await store.delete(account)).toBe(false)
  })

  it('keeps accounts apart', async () => {
    await store.set('a', new Secret('one'))
    await store.set('b', new Secret('two'))
    expect((await store.get('a'))?.reveal()).toBe('one')
    expect((await store.get('b'))?.reveal()).toBe('two')
  })

  it('turns a keychain failure into a clear, actionable error', async () => {
    const broken = createKeychainSecretStore({
      getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      setPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      deletePassword: () =>
        Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
    })
    await expect(broken.get('x')).rejects.toMatchObject({
      code: 'keychain_unavailable',
      message: keychainUnavailableMessage,
    })
    await expect(broken.set('x', new Secret('y'))).rejects.toBeInstanceOf(LeadboxError)
  })

  it.runIf(process.platform === 'linux')(
    'reports a missing Secret Service with that message, from the real keytar',
    () => {
      // A process with no session bus is a Linux desktop without a keychain.
      const script = `
        const keytar = require('keytar')
        keytar.getPassword('${service}', 'x').then(
          () => console.log('reached'),
          (error) => console.log('failed: ' + error.message))`
      const env = { ...process.env }
      delete env['DBUS_SESSION_BUS_ADDRESS']
      delete env['DISPLAY']
      const output = execFileSync(process.execPath, ['-e', script], { env, encoding: 'utf8' })
      expect(output).toMatch(/^failed: /)
    },
  )
})
