import type { Secret } from '../log/secret'
import { PipedriveFailure } from '../pipedrive/failure'
import type { AuthCredentials, PipedriveAuth } from '../pipedrive/pipedrive-http'
import type { SecretStore } from './secret-store'

/** A personal API token, read from the keychain on first use and sent as x-api-token. */
export class ApiTokenAuth implements PipedriveAuth {
  private token: Secret | null
  private loading: Promise<Secret> | null = null
  private closed = false

  constructor(
    private readonly options: {
      keychainItem: string
      secrets: SecretStore
      baseUrl: string
      token?: Secret
      onMissing(): void
      onRejected?(): void
      onAccepted?(): void
    },
  ) {
    this.token = options.token ?? null
  }

  async credentials(): Promise<AuthCredentials> {
    if (this.closed) {
      throw new PipedriveFailure('unauthorized', 'Leadbox is signed out of this Pipedrive account.')
    }
    const token = this.token ?? (await this.load())
    return { baseUrl: this.options.baseUrl, header: 'x-api-token', value: token }
  }

  rejected(): void {
    this.options.onRejected?.()
  }

  accepted(): void {
    this.options.onAccepted?.()
  }

  close(): void {
    this.closed = true
  }

  private load(): Promise<Secret> {
    this.loading ??= (async () => {
      const stored = await this.options.secrets.get(this.options.keychainItem)
      if (!stored || stored.reveal() === '') {
        this.closed = true
        this.options.onMissing()
        throw new PipedriveFailure(
          'unauthorized',
          'The Pipedrive API token is no longer in the system keychain.',
        )
      }
      this.token = stored
      return stored
    })().finally(() => {
      this.loading = null
    })
    return this.loading
  }
}
