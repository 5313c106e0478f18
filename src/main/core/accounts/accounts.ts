import { z } from 'zod'
import type { AccountStatus, AuthType } from '../../../shared/ipc/contract'
import { LeadboxError } from '../../../shared/result'
import { ApiTokenAuth } from '../auth/api-token-auth'
import { callbackUrl, defaultCallbackPort } from '../auth/callback-server'
import { accountKey, keychainItems } from '../auth/keychain-items'
import {
  createOAuthEndpoint,
  type OAuthClientCredentials,
  type OAuthEndpoint,
} from '../auth/oauth-endpoint'
import { OAuthFlow } from '../auth/oauth-flow'
import { parseTokenSet, serializeTokenSet, tokenSetFrom, type TokenSet } from '../auth/oauth-tokens'
import type { SecretStore } from '../auth/secret-store'
import { TokenRefresher } from '../auth/token-refresher'
import type { Logger } from '../log/logger'
import { Secret } from '../log/secret'
import type { SettingsStore } from '../settings/settings-store'
import { PipedriveFailure } from '../pipedrive/failure'
import type { OutboxGateway } from '../pipedrive/outbox-gateway'
import { PipedriveClient } from '../pipedrive/pipedrive-client'
import { createOutboxGateway } from '../pipedrive/pipedrive-gateway'
import {
  PipedriveHttp,
  type AuthCredentials,
  type PipedriveAuth,
  type SentRequest,
} from '../pipedrive/pipedrive-http'
import { pipedriveUrls, type PipedriveUrls } from '../pipedrive/pipedrive-urls'
import { RateLimiter } from '../pipedrive/rate-limiter'
import type { AccountRecord } from './account-record'

/** The signed-in account, for the sync engine, the catalog and the inbox. */
export interface AccountSession {
  /** `${companyId}:${userId}`: the same Pipedrive user is the same account either way it signs in. */
  account: string
  authType: AuthType
  /** Every endpoint, signed with this account's credentials; OAuth refreshes itself. */
  client: PipedriveClient
  /** What the outbox sends through: 401 → one refresh → one retry is built in for OAuth. */
  gateway: OutboxGateway
  /** The one limiter every request of this account goes through. */
  limiter: RateLimiter
  /** A cheap request (GET /v1/users/me): false when Pipedrive cannot be reached. */
  confirmReachable(): Promise<boolean>
}

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

type PipedriveHttpSent = (request: SentRequest) => void

// Pipedrive's lowest plan until its headers say more (API-NOTES §4).
const startingBurst: Record<AuthType, number> = { api_token: 20, oauth: 80 }

const currentUserSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  company_id: z.number().int(),
  company_name: z.string(),
  company_domain: z.string(),
})

const messages = {
  tokenRefused:
    'Pipedrive did not accept this API token. Copy it again from Pipedrive (your name → Personal preferences → API) and paste it here.',
  unreachable: 'Leadbox could not reach Pipedrive. Check your connection and try again.',
  noOAuthClient:
    "Set up your Pipedrive app first: enter its client id and client secret from Pipedrive's Developer Hub.",
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
  const built =
    options.oauthClient?.clientId && options.oauthClient.clientSecret
      ? {
          clientId: options.oauthClient.clientId,
          clientSecret: new Secret(options.oauthClient.clientSecret),
        }
      : null

  let live: Live | null = null
  let notice: string | null = null
  let flow: OAuthFlow | null = null
  let cachedClient: OAuthClientCredentials | null = null

  const record = () => settings.get('pipedriveAccount') ?? null
  const changed = () => options.onChange()

  async function oauthClient(): Promise<OAuthClientCredentials | null> {
    if (built) return built
    const entered = settings.get('pipedriveOAuthClient')
    if (!entered) return null
    if (cachedClient?.clientId === entered.clientId) return cachedClient
    const secret = await secrets.get(keychainItems.oauthClientSecret(entered.clientId))
    cachedClient = secret ? { clientId: entered.clientId, clientSecret: secret } : null
    return cachedClient
  }

  async function requireOAuthClient(): Promise<OAuthClientCredentials> {
    const client = await oauthClient()
    if (!client) throw new LeadboxError('invalid_request', messages.noOAuthClient)
    return client
  }

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

  /**
   * The one way requests reach Pipedrive: signed by `auth`, paced by a limiter of its own,
   * and each told to `onSent`, so the ledger sees every request, sign-in included.
   */
  function httpStack(auth: PipedriveAuth, authType: AuthType, onSent: PipedriveHttpSent) {
    const limiter = new RateLimiter({ burstLimit: startingBurst[authType], now })
    const http = new PipedriveHttp({
      fetch: options.fetch,
      auth,
      limiter,
      now,
      log,
      onSent,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    })
    return { limiter, client: new PipedriveClient(http) }
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
            client: requireOAuthClient,
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
    const { limiter, client } = httpStack(auth, account.authType, (request) =>
      options.ledger?.record(account.id, request),
    )
    const session: AccountSession = {
      account: account.id,
      authType: account.authType,
      client,
      gateway: createOutboxGateway(client),
      limiter,
      async confirmReachable() {
        try {
          await client.getCurrentUser({ timeoutMs: 10_000 })
          return true
        } catch (error) {
          if (!(error instanceof PipedriveFailure)) throw error
          // Any HTTP answer means Pipedrive is there; no answer means it is not, and neither
          // does a redirect, which comes from something in between.
          if (error.kind === 'redirected') return false
          return error.status !== null || error.kind === 'daily_budget'
        }
      },
    }
    return { record: account, session, auth }
  }

  /** GET /v1/users/me with credentials that are not stored yet. */
  async function whoAmI(credentials: AuthCredentials, authType: AuthType): Promise<AccountRecord> {
    const auth: PipedriveAuth = { credentials: async () => credentials }
    // Whose budget paid is known only from the answer: counted once it says.
    const sent: SentRequest[] = []
    const { client } = httpStack(auth, authType, (request) => void sent.push(request))
    let data: unknown
    try {
      data = (await client.getCurrentUser()).data
    } catch (error) {
      if (!(error instanceof PipedriveFailure)) throw error
      if (error.kind === 'unauthorized') {
        throw new LeadboxError(
          'pipedrive_rejected',
          authType === 'api_token'
            ? messages.tokenRefused
            : 'Pipedrive did not accept the sign-in.',
        )
      }
      if (error.kind === 'redirected') throw new LeadboxError('offline', error.message)
      if (error.kind === 'not_sent' || error.status === null) {
        throw new LeadboxError('offline', messages.unreachable)
      }
      throw new LeadboxError('pipedrive_rejected', error.message)
    }
    const me = currentUserSchema.safeParse(data)
    if (!me.success) {
      throw new LeadboxError(
        'pipedrive_rejected',
        'Pipedrive did not say who this account belongs to.',
      )
    }
    const id = accountKey(me.data.company_id, me.data.id)
    for (const request of sent) options.ledger?.record(id, request)
    return {
      id,
      authType,
      userId: me.data.id,
      userName: me.data.name,
      userEmail: me.data.email,
      companyId: me.data.company_id,
      companyName: me.data.company_name,
      companyDomain: me.data.company_domain,
      connectedAt: now(),
    }
  }

  async function revoke(refreshToken: Secret | null): Promise<void> {
    if (!refreshToken) return
    try {
      const client = await oauthClient()
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
    const entered = settings.get('pipedriveOAuthClient')
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
      oauth: {
        configured: built !== null || (entered !== undefined && entered !== null),
        source: built ? 'build' : entered ? 'settings' : null,
        clientId: built?.clientId ?? entered?.clientId ?? null,
        callbackUrl: callbackUrl(port),
      },
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
        { baseUrl: base, header: 'x-api-token', value: token },
        'api_token',
      )
      urls.apiBaseForCompany(account.companyDomain)
      await adopt(account, token, { token })
      return status()
    },

    async signInWithOAuth() {
      const client = await requireOAuthClient()
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
            {
              baseUrl: urls.apiBaseFromOAuth(tokens.apiDomain),
              header: 'authorization',
              value: bearer,
            },
            'oauth',
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

    async setOAuthClient({ clientId, clientSecret }) {
      if (built) {
        throw new LeadboxError(
          'invalid_request',
          'This copy of Leadbox comes with its own Pipedrive app.',
        )
      }
      const previous = settings.get('pipedriveOAuthClient')
      await secrets.set(keychainItems.oauthClientSecret(clientId), new Secret(clientSecret))
      settings.set('pipedriveOAuthClient', { clientId })
      cachedClient = null
      if (previous && previous.clientId !== clientId) {
        await secrets.delete(keychainItems.oauthClientSecret(previous.clientId)).catch(() => false)
      }
      log.info({ clientId }, 'pipedrive app set up')
      changed()
      return status()
    },

    async close() {
      await cancelSignIn()
      closeLive()
    },
  }
}
