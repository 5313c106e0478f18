// For tests: free ports for callback servers, and a keychain of their own.
import { randomUUID } from 'node:crypto'
import keytar from 'keytar'
import { createKeychainSecretStore, type Keychain, type SecretStore } from './secret-store'

export { freePort } from '../../../../test/support/free-port'

/**
 * The real keychain under a service name of its own, so a test never touches the user's
 * Leadbox items. On Linux it must run inside scripts/with-keyring.sh (npm test does).
 */
export function testKeychain(): {
  service: string
  secrets: SecretStore
  items(): Promise<Array<{ account: string; password: string }>>
  clear(): Promise<void>
} {
  if (process.platform === 'linux' && !process.env['LEADBOX_TEST_KEYRING']) {
    throw new Error('Run the tests through scripts/with-keyring.sh: they need a keychain.')
  }
  const service = `Leadbox-test-${randomUUID()}`
  // keytar's findCredentials crashes the process (a NULL secret in libsecret) when an item
  // it found is deleted before its secret is read, e.g. by a sign-out still on its way. So
  // the store's own keychain calls are awaited before the keychain is listed.
  const pending = new Set<Promise<unknown>>()
  const track = <T>(call: Promise<T>): Promise<T> => {
    pending.add(call)
    void call.then(
      () => pending.delete(call),
      () => pending.delete(call),
    )
    return call
  }
  const settled = async () => {
    while (pending.size > 0) await Promise.allSettled([...pending])
  }
  const keychain: Keychain = {
    getPassword: (s, account) => track(keytar.getPassword(s, account)),
    setPassword: (s, account, password) => track(keytar.setPassword(s, account, password)),
    deletePassword: (s, account) => track(keytar.deletePassword(s, account)),
  }
  return {
    service,
    secrets: createKeychainSecretStore(keychain, service),
    async items() {
      await settled()
      return keytar.findCredentials(service)
    },
    async clear() {
      await settled()
      for (const { account } of await keytar.findCredentials(service)) {
        await keytar.deletePassword(service, account)
      }
    },
  }
}
