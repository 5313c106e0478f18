import type { AccountStatus } from '../../../shared/ipc/contract'
import { callbackUrl, defaultCallbackPort } from '../auth/callback-server'
import { ApiTokenAuth } from '../auth/api-token-auth'
import { keychainItems } from '../auth/keychain-items'
import { createOAuthEndpoint, type OAuthEndpoint } from '../auth/oauth-endpoint'
import { OAuthFlow } from '../auth/oauth-flow'
import { parseTokenSet, serializeTokenSet, tokenSetFrom, type TokenSet } from '../auth/oauth-tokens'
import type { SecretStore } from '../auth/secret-store'
import { TokenRefresher } from '../auth/token-refresher'
import type { Logger } from '../log/logger'
import { Secret } from '../log/secret'
import type { SettingsStore } from '../settings/settings-store'
import type { SentRequest } from '../pipedrive/pipedrive-http'
import { pipedriveUrls, type PipedriveUrls } from '../pipedrive/pipedrive-urls'
import type { AccountRecord } from './account-record'
import { createAccountSession, type AccountSession, type HttpOptions } from './account-session'
import { createOAuthClientSettings } from './oauth-client-settings'
import { whoAmI } from './who-am-i'

export interface Accounts {
  status(): AccountStatus
  /**
   * The signed-in account's session, or null when signed out. The same object until the
   * account changes; after sign-out its requests fail as `unauthorized` without going out.
   */
  session(): AccountSession | null
  signInWithToken(token: string): Promise<AccountStatus>
  /** Resolves when the browser comes back (or fails, is cancelled, or times out). */
  signInWithOAuth(): Promise<AccountStatus>
  cancelSignIn(): Promise<void>
  /** Revokes an OAuth grant, deletes the keychain items. Outbox rows are kept. */
  signOut(): Promise<AccountStatus>
  setOAuthClient(client: { clientId: string; clientSecret: string }): Promise<AccountStatus>
  close(): Promise<void>
}

export interface AccountsOptions {
  fetch: typeof fetch
  secrets: SecretStore
  settings: SettingsStore
  log: Logger
  /** The validated way to open the system browser. */
  openLink(url: string): Promise<boolean>
  /** Told after every change of the account or the sign-in state. */
  onChange(): void
  /** Development only: one URL for the API and OAuth (the sandbox). */
  pipedriveUrl?: string
  /** The Pipedrive app built into this copy, if any. */
  oauthClient?: { clientId: string; clientSecret: string }
  oauthCallbackPort?: number
  /** Per request. */
  timeoutMs?: number
  /** How long the browser may take to come back. */
  signInTimeoutMs?: number
  now?: () => number
  /** Counts every request an account sends, the sign-in's own included. */
  ledger?: { record(account: string, request: SentRequest): void }
}

const messages = {
  grantEnded:
    'Pipedrive ended this sign-in (it expired or was revoked). Sign in again; leads waiting to sync are kept.',
  secretMissing:
    'Leadbox could not find your Pipedrive sign-in in the system keychain. Sign in again; leads waiting to sync are kept.',
  rejected:
    'Pipedrive no longer accepts this sign-in. Sign out and sign in again; leads waiting to sync are kept.',
}

interface Live {
  record: AccountRecord
  session: AccountSession
  auth: ApiTokenAuth | TokenRefresher
}

export function createAccounts(options: AccountsOptions): Accounts {
  const { secrets, settings, log } = options
  const now = options.now ?? Date.now
  const urls: PipedriveUrls = pipedriveUrls(options.pipedriveUrl)
  const port = options.oauthCallbackPort ?? defaultCallbackPort
  const endpoint: OAuthEndpoint = createOAuthEndpoint({
    fetch: options.fetch,
    oauthBase: urls.oauthBase,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  })
  const oauthApp = createOAuthClientSettings({
    ...(options.oauthClient ? { built: options.oauthClient } : {}),
    settings,
    secrets,
    log,
  })
  const http: HttpOptions = {
    fetch: options.fetch,
    log,
    now,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  }
  const counted = (account: string, request: SentRequest) =>
    options.ledger?.record(account, request)

  let live: Live | null = null
  let notice: string | null = null
  let flow: OAuthFlow | null = null

  const record = () => settings.get('pipedriveAccount') ?? null
  const changed = () => options.onChange()

  function closeLive(): void {
    live?.auth.close()
    live = null
  }

  /** Leaves the account without asking Pipedrive: the sign-in is already gone there. */
  function dropAccount(account: AccountRecord, reason: string): void {
    if (record()?.id !== account.id || record()?.authType !== account.authType) return
    closeLive()
    settings.set('pipedriveAccount', null)
    notice = reason
    log.warn({ account: account.id, authType: account.authType }, 'pipedrive sign-in ended')
    void secrets.delete(itemFor(account)).catch((error: unknown) => {
      log.warn({ err: error }, 'could not remove an ended sign-in from the keychain')
    })
    changed()
  }

  const itemFor = (account: AccountRecord) =>
    account.authType === 'oauth'
      ? keychainItems.oauthTokens(account.id)
      : keychainItems.apiToken(account.id)

  function buildSession(
    account: AccountRecord,
    initial?: { token?: Secret; tokens?: TokenSet },
  ): Live {
    const isCurrent = () => live?.record === account
    const hooks = {
      onMissing: () => dropAccount(account, messages.secretMissing),
      onRejected: () => {
        if (!isCurrent() || notice === messages.rejected) return
        notice = messages.rejected
        changed()
      },
      onAccepted: () => {
        if (!isCurrent() || notice === null) return
        notice = null
        changed()
      },
    }
    const auth =
      account.authType === 'oauth'
        ? new TokenRefresher({
            keychainItem: keychainItems.oauthTokens(account.id),
            secrets,
            endpoint,
            client: () => oauthApp.require(),
            apiBase: (apiDomain) => urls.apiBaseFromOAuth(apiDomain),
            ...(initial?.tokens ? { initial: initial.tokens } : {}),
            now,
            log,
            onGrantEnded: () => dropAccount(account, messages.grantEnded),
            ...hooks,
          })
        : new ApiTokenAuth({
            keychainItem: keychainItems.apiToken(account.id),
            secrets,
            baseUrl: urls.apiBaseForCompany(account.companyDomain),
            ...(initial?.token ? { token: initial.token } : {}),
            ...hooks,
          })
    const session = createAccountSession(http, account, auth, (request) =>
      counted(account.id, request),
    )
    return { record: account, session, auth }
  }

  async function revoke(refreshToken: Secret | null): Promise<void> {
    if (!refreshToken) return
    try {
      const client = await oauthApp.get()
      if (!client) return
      await endpoint.revoke(client, refreshToken, 'refresh_token')
    } catch (error) {
      // Signing out locally matters more; the grant lapses after 60 unused days anyway.
      log.warn({ err: error }, 'could not revoke the Pipedrive sign-in')
    }
  }

  async function storedRefreshToken(account: AccountRecord): Promise<Secret | null> {
    if (account.authType !== 'oauth') return null
    if (live?.record === account && live.auth instanceof TokenRefresher) {
      return live.auth.refreshTokenForRevoke()
    }
    try {
      const stored = await secrets.get(keychainItems.oauthTokens(account.id))
      return stored ? (parseTokenSet(stored)?.refreshToken ?? null) : null
    } catch {
      return null
    }
  }

  /** Stores the new sign-in, then retires the previous one. */
  async function adopt(
    next: AccountRecord,
    secret: Secret,
    initial: { token?: Secret; tokens?: TokenSet },
  ): Promise<void> {
    const previous = record()
    const previousRefresh = previous ? await storedRefreshToken(previous) : null
    // The keychain first: when it fails, nothing at all has changed.
    await secrets.set(itemFor(next), secret)
    closeLive()
    settings.set('pipedriveAccount', next)
    live = buildSession(next, initial)
    notice = null
    log.info({ account: next.id, authType: next.authType }, 'signed in to pipedrive')
    if (previous && itemFor(previous) !== itemFor(next)) {
      await secrets.delete(itemFor(previous)).catch((error: unknown) => {
        log.warn({ err: error }, 'could not remove the previous sign-in from the keychain')
      })
    }
    await revoke(previousRefresh)
    changed()
  }

  function status(): AccountStatus {
    const account = record()
    return {
      account: account
        ? {
            authType: account.authType,
            userName: account.userName,
            userEmail: account.userEmail,
            companyName: account.companyName,
            companyDomain: account.companyDomain,
          }
        : null,
      signingIn: flow !== null,
      oauth: { ...oauthApp.describe(), callbackUrl: callbackUrl(port) },
      notice,
    }
  }

  async function cancelSignIn(): Promise<void> {
    const pending = flow
    flow = null
    if (pending) await pending.cancel()
  }

  return {
    status,
    session() {
      const account = record()
      if (!account) {
        closeLive()
        return null
      }
      if (!live || live.record.id !== account.id || live.record.authType !== account.authType) {
        closeLive()
        live = buildSession(account)
      }
      return live.session
    },

    async signInWithToken(text) {
      await cancelSignIn()
      const token = new Secret(text.trim())
      const base = urls.tokenCheckBase
      const account = await whoAmI(
        http,
        { baseUrl: base, header: 'x-api-token', value: token },
        'api_token',
        counted,
      )
      urls.apiBaseForCompany(account.companyDomain)
      await adopt(account, token, { token })
      return status()
    },

    async signInWithOAuth() {
      const client = await oauthApp.require()
      await cancelSignIn()
      const current = new OAuthFlow({
        endpoint,
        client,
        oauthBase: urls.oauthBase,
        port,
        openBrowser: options.openLink,
        ...(options.signInTimeoutMs ? { timeoutMs: options.signInTimeoutMs } : {}),
      })
      flow = current
      changed()
      try {
        const tokens = tokenSetFrom(await current.run(), now())
        let account: AccountRecord
        try {
          const bearer = new Secret(`Bearer ${tokens.accessToken.reveal()}`)
          account = await whoAmI(
            http,
            {
              baseUrl: urls.apiBaseFromOAuth(tokens.apiDomain),
              header: 'authorization',
              value: bearer,
            },
            'oauth',
            counted,
          )
          await adopt(account, serializeTokenSet(tokens), { tokens })
        } catch (error) {
          // A grant Leadbox cannot keep is handed back rather than left behind.
          await revoke(tokens.refreshToken)
          throw error
        }
      } finally {
        if (flow === current) flow = null
        changed()
      }
      return status()
    },

    cancelSignIn,

    async signOut() {
      await cancelSignIn()
      const account = record()
      if (!account) {
        notice = null
        changed()
        return status()
      }
      const refreshToken = await storedRefreshToken(account)
      closeLive()
      await revoke(refreshToken)
      let keychainError: unknown = null
      try {
        await secrets.delete(itemFor(account))
      } catch (error) {
        keychainError = error
      }
      settings.set('pipedriveAccount', null)
      notice = null
      log.info({ account: account.id, authType: account.authType }, 'signed out of pipedrive')
      changed()
      if (keychainError) throw keychainError
      return status()
    },

    async setOAuthClient(client) {
      await oauthApp.set(client)
      changed()
      return status()
    },

    async close() {
      await cancelSignIn()
      closeLive()
    },
  }
}
