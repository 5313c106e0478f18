import type { AccountStatus } from '../../../shared/ipc/contract'
import { LeadboxError } from '../../../shared/result'
import { keychainItems } from '../auth/keychain-items'
import type { OAuthClientCredentials } from '../auth/oauth-endpoint'
import type { SecretStore } from '../auth/secret-store'
import type { Logger } from '../log/logger'
import { Secret } from '../log/secret'
import type { SettingsStore } from '../settings/settings-store'

/**
 * The Pipedrive app OAuth signs in through: the one built into this copy, or one the user
 * entered (its id in the settings, its secret in the keychain).
 */
export interface OAuthClientSettings {
  /** The app's credentials, or null when there is none. */
  get(): Promise<OAuthClientCredentials | null>
  /** The app's credentials, or a plain-language refusal. */
  require(): Promise<OAuthClientCredentials>
  set(client: { clientId: string; clientSecret: string }): Promise<void>
  /** What Settings shows of it (never the secret). */
  describe(): Omit<AccountStatus['oauth'], 'callbackUrl'>
}

const noClient =
  "Set up your Pipedrive app first: enter its client id and client secret from Pipedrive's Developer Hub."

export function createOAuthClientSettings(options: {
  built?: { clientId: string; clientSecret: string }
  settings: SettingsStore
  secrets: SecretStore
  log: Logger
}): OAuthClientSettings {
  const { settings, secrets, log } = options
  const built =
    options.built?.clientId && options.built.clientSecret
      ? { clientId: options.built.clientId, clientSecret: new Secret(options.built.clientSecret) }
      : null
  let cached: OAuthClientCredentials | null = null

  async function get(): Promise<OAuthClientCredentials | null> {
    if (built) return built
    const entered = settings.get('pipedriveOAuthClient')
    if (!entered) return null
    if (cached?.clientId === entered.clientId) return cached
    const secret = await secrets.get(keychainItems.oauthClientSecret(entered.clientId))
    cached = secret ? { clientId: entered.clientId, clientSecret: secret } : null
    return cached
  }

  return {
    get,
    async require() {
      const client = await get()
      if (!client) throw new LeadboxError('invalid_request', noClient)
      return client
    },
    async set({ clientId, clientSecret }) {
      if (built) {
        throw new LeadboxError(
          'invalid_request',
          'This copy of Leadbox comes with its own Pipedrive app.',
        )
      }
      const previous = settings.get('pipedriveOAuthClient')
      await secrets.set(keychainItems.oauthClientSecret(clientId), new Secret(clientSecret))
      settings.set('pipedriveOAuthClient', { clientId })
      cached = null
      if (previous && previous.clientId !== clientId) {
        await secrets.delete(keychainItems.oauthClientSecret(previous.clientId)).catch(() => false)
      }
      log.info({ clientId }, 'pipedrive app set up')
    },
    describe() {
      const entered = settings.get('pipedriveOAuthClient')
      return {
        configured: built !== null || (entered !== undefined && entered !== null),
        source: built ? 'build' : entered ? 'settings' : null,
        clientId: built?.clientId ?? entered?.clientId ?? null,
      }
    },
  }
}
