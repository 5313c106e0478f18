import type { Logger } from '../log/logger'
import { Secret } from '../log/secret'
import { PipedriveFailure } from '../pipedrive/failure'
import type { AuthCredentials, PipedriveAuth } from '../pipedrive/pipedrive-http'
import { OAuthError, type OAuthClientCredentials, type OAuthEndpoint } from './oauth-endpoint'
import { parseTokenSet, serializeTokenSet, tokenSetFrom, type TokenSet } from './oauth-tokens'
import type { SecretStore } from './secret-store'

export interface TokenRefresherOptions {
  /** The keychain item that holds this account's token set. */
  keychainItem: string
  secrets: SecretStore
  endpoint: OAuthEndpoint
  client(): Promise<OAuthClientCredentials>
  /** The API origin for a token set's api_domain (or the development override). */
  apiBase(apiDomain: string): string
  /** A token set just received at sign-in; otherwise it is read from the keychain. */
  initial?: TokenSet
  now?: () => number
  /** Refresh this long before the access token expires. */
  refreshAheadMs?: number
  log?: Logger
  /** Pipedrive refused the refresh token (invalid_grant): the sign-in is over. */
  onGrantEnded(): void
  /** The keychain has no usable token set for this account. */
  onMissing(): void
  onRejected?(): void
  onAccepted?(): void
}

const signedOut = () =>
  new PipedriveFailure('unauthorized', 'Leadbox is signed out of this Pipedrive account.')

/**
 * OAuth credentials for one account. Refreshes ahead of expiry and after a 401, one refresh
 * at a time: concurrent callers wait for the same one, because Pipedrive may rotate the
 * refresh token and a second refresh with the spent one would end the sign-in. The rotated
 * token set is in the keychain before any request uses it.
 */
export class TokenRefresher implements PipedriveAuth {
  private tokens: TokenSet | null
  /** Received but not yet in the keychain (the keychain failed): never used until saved. */
  private unsaved: TokenSet | null = null
  private loading: Promise<TokenSet> | null = null
  private refreshing: Promise<TokenSet> | null = null
  private closed = false
  private readonly now: () => number
  private readonly aheadMs: number

  constructor(private readonly options: TokenRefresherOptions) {
    this.tokens = options.initial ?? null
    this.now = options.now ?? Date.now
    this.aheadMs = options.refreshAheadMs ?? 60_000
  }

  async credentials(): Promise<AuthCredentials> {
    const tokens = await this.current()
    if (this.now() < tokens.expiresAt - this.aheadMs) return this.toCredentials(tokens)
    try {
      return this.toCredentials(await this.refresh(tokens))
    } catch (error) {
      // Refreshing early is a courtesy: while the token still works, a failed refresh
      // (offline, Pipedrive busy) need not fail the request.
      if (!this.closed && this.now() < tokens.expiresAt && this.tokens === tokens) {
        return this.toCredentials(tokens)
      }
      throw error
    }
  }

  async renew(stale: AuthCredentials): Promise<AuthCredentials | null> {
    const tokens = await this.current()
    // Another request refreshed while this one was out: its token is already newer.
    if (this.toCredentials(tokens).value.reveal() !== stale.value.reveal()) {
      return this.toCredentials(tokens)
    }
    return this.toCredentials(await this.refresh(tokens))
  }

  rejected(): void {
    this.options.onRejected?.()
  }

  accepted(): void {
    this.options.onAccepted?.()
  }

  /** The refresh token, for revoking it at sign-out (null when none can be read). */
  async refreshTokenForRevoke(): Promise<Secret | null> {
    try {
      return (this.unsaved ?? this.tokens ?? (await this.load())).refreshToken
    } catch {
      return null
    }
  }

  /** After sign-out every request fails without going out. */
  close(): void {
    this.closed = true
  }

  private async current(): Promise<TokenSet> {
    if (this.closed) throw signedOut()
    if (this.unsaved) {
      await this.options.secrets.set(this.options.keychainItem, serializeTokenSet(this.unsaved))
      this.tokens = this.unsaved
      this.unsaved = null
    }
    return this.tokens ?? (await this.load())
  }

  private load(): Promise<TokenSet> {
    this.loading ??= (async () => {
      const stored = await this.options.secrets.get(this.options.keychainItem)
      const tokens = stored ? parseTokenSet(stored) : null
      if (!tokens) {
        this.closed = true
        this.options.onMissing()
        throw signedOut()
      }
      this.tokens ??= tokens
      return this.tokens
    })().finally(() => {
      this.loading = null
    })
    return this.loading
  }

  private refresh(from: TokenSet): Promise<TokenSet> {
    if (this.refreshing) return this.refreshing
    if (this.tokens && this.tokens !== from) return Promise.resolve(this.tokens)
    this.refreshing = this.exchange(from).finally(() => {
      this.refreshing = null
    })
    return this.refreshing
  }

  private async exchange(from: TokenSet): Promise<TokenSet> {
    const { endpoint, secrets, keychainItem, log } = this.options
    let next: TokenSet
    try {
      const response = await endpoint.refresh(await this.options.client(), from.refreshToken)
      next = tokenSetFrom(response, this.now())
    } catch (error) {
      throw this.refreshFailure(error)
    }
    if (this.closed) throw signedOut()
    this.unsaved = next
    // Saved before use: the old refresh token may be spent now, and a crash must not lose
    // the new one.
    await secrets.set(keychainItem, serializeTokenSet(next))
    this.unsaved = null
    this.tokens = next
    log?.info({ expiresAt: new Date(next.expiresAt).toISOString() }, 'pipedrive sign-in refreshed')
    return next
  }

  private refreshFailure(error: unknown): Error {
    if (!(error instanceof OAuthError))
      return error instanceof Error ? error : new Error(String(error))
    this.options.log?.warn({ code: error.code, status: error.status }, 'pipedrive refresh failed')
    if (error.code === 'invalid_grant') {
      this.closed = true
      this.options.onGrantEnded()
      return new PipedriveFailure(
        'unauthorized',
        'Pipedrive ended this sign-in (it expired or was revoked). Sign in again in Settings.',
        { status: error.status, error: error.code, errorInfo: error.message },
      )
    }
    if (error.code === 'invalid_client') {
      return new PipedriveFailure(
        'unauthorized',
        "Pipedrive did not accept the app's client id or secret while renewing the sign-in.",
        { status: error.status, error: error.code, errorInfo: error.message },
      )
    }
    if (error.code === 'redirected') {
      return new PipedriveFailure('redirected', error.message, {
        status: error.status,
        cause: error,
      })
    }
    // The API request itself never went out: safe to send again later.
    return new PipedriveFailure(
      'not_sent',
      `Renewing the Pipedrive sign-in failed: ${error.message}`,
      {
        status: error.status,
        error: error.code,
        cause: error,
      },
    )
  }

  private toCredentials(tokens: TokenSet): AuthCredentials {
    return {
      baseUrl: this.options.apiBase(tokens.apiDomain),
      header: 'authorization',
      value: new Secret(`Bearer ${tokens.accessToken.reveal()}`),
    }
  }
}
