import { LeadboxError } from '../../../shared/result'
import { Secret } from '../log/secret'

/** Where tokens live: the OS keychain in the app, never SQLite, logs or the renderer. */
export interface SecretStore {
  get(account: string): Promise<Secret | null>
  set(account: string, secret: Secret): Promise<void>
  delete(account: string): Promise<boolean>
}

/** The slice of keytar this app uses; passed in so tests can run the real one. */
export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

export const keychainService = 'Leadbox'

export const keychainUnavailableMessage =
  'Leadbox cannot reach your system keychain, so it cannot keep your Pipedrive sign-in. ' +
  'On Linux, install and start a Secret Service (GNOME Keyring or KWallet) and unlock it; ' +
  'on macOS and Windows, make sure your login keychain or Credential Manager is unlocked. ' +
  'Leads you capture are still saved on this computer and will sync once you sign in.'

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    // keytar's messages ("Cannot autolaunch D-Bus…") help nobody; the cause goes to the log.
    throw new LeadboxError('keychain_unavailable', keychainUnavailableMessage, undefined, error)
  }
}

export function createKeychainSecretStore(
  keychain: Keychain,
  service = keychainService,
): SecretStore {
  return {
    get: (account) =>
      guarded(async () => {
        const value = await keychain.getPassword(service, account)
        return value === null ? null : new Secret(value)
      }),
    set: (account, secret) =>
      guarded(() => keychain.setPassword(service, account, secret.reveal())),
    delete: (account) => guarded(() => keychain.deletePassword(service, account)),
  }
}
