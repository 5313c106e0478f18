// For tests: free ports for callback servers, and a keychain of their own.
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:net'
import keytar from 'keytar'
import { createKeychainSecretStore, type SecretStore } from './secret-store'

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

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
  return {
    service,
    secrets: createKeychainSecretStore(keytar, service),
    items: () => keytar.findCredentials(service),
    async clear() {
      for (const { account } of await keytar.findCredentials(service)) {
        await keytar.deletePassword(service, account)
      }
    },
  }
}
