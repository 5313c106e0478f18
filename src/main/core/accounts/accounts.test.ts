import keytar from 'keytar'
import { afterEach, describe, expect, it } from 'vitest'
import { seedIds } from '../../../../test/pipedrive-sandbox'
import { useTempDirs } from '../../../../test/support/temp-dir'
import { LeadboxError } from '../../../shared/result'
import {
  createKeychainSecretStore,
  keychainUnavailableMessage,
  type SecretStore,
} from '../auth/secret-store'
import { testKeychain } from '../auth/testing'
import { PipedriveFailure } from '../pipedrive/failure'
import { startRig, type Rig } from './testing'

const tempDir = useTempDirs()
let rig: Rig | undefined
afterEach(async () => {
  await rig?.close()
  rig = undefined
})

async function start(options: Parameters<typeof startRig>[1] = {}) {
  rig = await startRig(tempDir(), options)
  return rig
}

const account = `${seedIds.company}:${seedIds.me}`

async function tokenForm(r: Rig, path: string, form: Record<string, string>) {
  const basic = Buffer.from(`${r.sandbox.oauth.clientId}:${r.sandbox.oauth.clientSecret}`)
  return fetch(`${r.sandbox.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${basic.toString('base64')}`,
    },
    body: new URLSearchParams(form),
  })
}

async function storedTokens(r: Rig): Promise<{ accessToken: string; refreshToken: string }> {
  const item = await keytar.getPassword(r.keychain.service, `${account}:oauth`)
  return JSON.parse(item ?? 'null') as { accessToken: string; refreshToken: string }
}

describe('signing in with an API token', () => {
  it('checks the token with /users/me, keeps it in the keychain, and uses it', async () => {
    const r = await start()
    const status = await r.core.accounts.signInWithToken(` ${r.sandbox.apiToken} `)
    expect(status.account).toEqual({
      authType: 'api_token',
      userName: 'Alex Morgan',
      userEmail: 'alex.morgan@northwind-trading.example',
      companyName: expect.any(String),
      companyDomain: 'northwind-sandbox',
    })
    expect(r.sandbox.state.count('GET /api/v1/users/me', 200)).toBe(1)
    expect(await r.keychain.items()).toEqual([
      { account: `${account}:api-token`, password: r.sandbox.apiToken },
    ])
    expect(r.core.settings.get('pipedriveAccount')).toMatchObject({ id: account })
    expect(r.authChanges).toBe(1)
    expect(r.core.syncStatus().signedIn).toBe(true)

    const session = r.core.accounts.session()
    expect(session).toMatchObject({ account, authType: 'api_token' })
    expect(r.core.accounts.session()).toBe(session)
    const lead = await session?.gateway.getLead(seedIds.leads.acmeFleet)
    expect(lead?.id).toBe(seedIds.leads.acmeFleet)
    expect(r.sandbox.state.requests.at(-1)).toMatchObject({ auth: 'api_token' })
    expect(await session?.confirmReachable()).toBe(true)
    expect(session?.limiter.status().burstLimit).toBe(40)
  })

  it('refuses a wrong token in plain words and stores nothing', async () => {
    const r = await start()
    const failure = await r.core.accounts.signInWithToken('0000wrong').catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(LeadboxError)
    expect(failure).toMatchObject({ code: 'pipedrive_rejected' })
    expect((failure as Error).message).toMatch(/^Pipedrive did not accept this API token/)
    expect(await r.keychain.items()).toEqual([])
    expect(r.core.settings.get('pipedriveAccount')).toBeUndefined()
    expect(r.core.accounts.status().account).toBeNull()
    expect(r.core.accounts.session()).toBeNull()
  })

  it('says when Pipedrive cannot be reached', async () => {
    const r = await start()
    await r.sandbox.faults.refuseConnections()
    await new Promise((resolve) => setTimeout(resolve, 50))
    await expect(r.core.accounts.signInWithToken(r.sandbox.apiToken)).rejects.toMatchObject({
      code: 'offline',
    })
    expect(await r.keychain.items()).toEqual([])
  })

  it('without a keychain, says how to fix it, stores nothing, and leads are still captured', async () => {
    const broken = createKeychainSecretStore({
      getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      setPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      deletePassword: () =>
        Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
    })
    const r = await start({ secrets: broken })
    await expect(r.core.accounts.signInWithToken(r.sandbox.apiToken)).rejects.toMatchObject({
      code: 'keychain_unavailable',
      message: keychainUnavailableMessage,
    })
    expect(r.core.settings.get('pipedriveAccount')).toBeUndefined()
    expect(r.core.accounts.status().account).toBeNull()
    const item = r.core.outbox.enqueueLead({
      title: 'Offline capture',
      person: { kind: 'existing', id: seedIds.persons.maria },
    })
    expect(item.state).toBe('queued')
  })

  it('signs out: the token leaves the keychain and the old session stops', async () => {
    const r = await start()
    await r.core.accounts.signInWithToken(r.sandbox.apiToken)
    const session = r.core.accounts.session()
    const status = await r.core.accounts.signOut()
    expect(status.account).toBeNull()
    expect(await r.keychain.items()).toEqual([])
    expect(r.core.accounts.session()).toBeNull()
    const sent = r.sandbox.state.requests.length
    await expect(session?.gateway.getLead(seedIds.leads.acmeFleet)).rejects.toMatchObject({
      kind: 'unauthorized',
    })
    expect(r.sandbox.state.requests.length).toBe(sent)
  })
})

describe('signing in with Pipedrive (OAuth)', () => {
  it('needs the Pipedrive app first', async () => {
    const r = await start()
    expect(r.core.accounts.status().oauth).toMatchObject({ configured: false, source: null })
    await expect(r.core.accounts.signInWithOAuth()).rejects.toMatchObject({
      code: 'invalid_request',
    })
    expect(r.opened).toEqual([])
  })

  it('runs the whole flow: browser, loopback callback, code exchange, keychain', async () => {
    const r = await start()
    await r.core.accounts.setOAuthClient({
      clientId: r.sandbox.oauth.clientId,
      clientSecret: r.sandbox.oauth.clientSecret,
    })
    expect(r.core.accounts.status().oauth).toEqual({
      configured: true,
      source: 'settings',
      clientId: r.sandbox.oauth.clientId,
      callbackUrl: `http://localhost:${r.port}/oauth/callback`,
    })
    const signingIn = r.core.accounts.signInWithOAuth()
    const page = await r.browserAllows()
    expect(await page.text()).toContain('You can close this tab')
    const status = await signingIn
    expect(status).toMatchObject({
      signingIn: false,
      account: { authType: 'oauth', userName: 'Alex Morgan', companyDomain: 'northwind-sandbox' },
    })

    const authorize = new URL(r.opened[0] ?? '')
    expect(authorize.origin + authorize.pathname).toBe(`${r.sandbox.url}/oauth/authorize`)
    expect(authorize.searchParams.get('client_id')).toBe(r.sandbox.oauth.clientId)
    expect(authorize.searchParams.get('redirect_uri')).toBe(
      `http://localhost:${r.port}/oauth/callback`,
    )
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{43}$/)

    const items = await r.keychain.items()
    expect(items.map((item) => item.account).sort()).toEqual([
      `${account}:oauth`,
      `oauth-client:${r.sandbox.oauth.clientId}`,
    ])
    const tokens = await storedTokens(r)
    expect(tokens).toMatchObject({ apiDomain: r.sandbox.url })
    expect(r.sandbox.state.count('POST /oauth/token', 200)).toBe(1)

    const session = r.core.accounts.session()
    expect((await session?.gateway.getLead(seedIds.leads.acmeFleet))?.id).toBe(
      seedIds.leads.acmeFleet,
    )
    expect(r.sandbox.state.requests.at(-1)).toMatchObject({ auth: 'oauth' })
  })

  it('rejects a callback with the wrong state and stores nothing', async () => {
    const r = await start()
    await r.core.accounts.setOAuthClient({
      clientId: r.sandbox.oauth.clientId,
      clientSecret: r.sandbox.oauth.clientSecret,
    })
    const signingIn = r.core.accounts.signInWithOAuth().catch((error: unknown) => error)
    await expect.poll(() => r.opened.length).toBe(1)
    expect(r.core.accounts.status().signingIn).toBe(true)
    // A forged redirect carries a real code but not Leadbox's state.
    const code = r.sandbox.oauth.issueCode()
    const forged = await fetch(
      `http://127.0.0.1:${r.port}/oauth/callback?code=${code}&state=forged`,
    )
    expect(forged.status).toBe(400)
    const missing = await fetch(`http://127.0.0.1:${r.port}/oauth/callback?code=${code}`)
    expect(missing.status).toBe(400)
    await r.core.accounts.cancelSignIn()
    expect(await signingIn).toMatchObject({ message: 'The sign-in was cancelled.' })
    expect(r.sandbox.state.count('POST /oauth/token')).toBe(0)
    expect((await r.keychain.items()).map((item) => item.account)).toEqual([
      `oauth-client:${r.sandbox.oauth.clientId}`,
    ])
    expect(r.core.accounts.status()).toMatchObject({ account: null, signingIn: false })
  })

  it('refreshes once for two requests that meet an expired token, and saves the new token first', async () => {
    const r = await start()
    await r.signInWithOAuth()
    const session = r.core.accounts.session()
    const before = await storedTokens(r)
    const tokenCalls = r.sandbox.state.count('POST /oauth/token')
    r.sandbox.faults.expireAccessTokens()
    const [a, b] = await Promise.all([
      session?.gateway.getLead(seedIds.leads.acmeFleet),
      session?.gateway.getLead(seedIds.leads.blueRiver),
    ])
    expect([a?.id, b?.id]).toEqual([seedIds.leads.acmeFleet, seedIds.leads.blueRiver])
    expect(r.sandbox.state.count('POST /oauth/token') - tokenCalls).toBe(1)
    const after = await storedTokens(r)
    expect(after.refreshToken).not.toBe(before.refreshToken)
    expect(after.accessToken).not.toBe(before.accessToken)
    // The spent refresh token is dead: only the saved one can renew the sign-in.
    const reuse = await tokenForm(r, '/oauth/token', {
      grant_type: 'refresh_token',
      refresh_token: before.refreshToken,
    })
    expect(reuse.status).toBe(400)
    expect(r.core.accounts.status().account).not.toBeNull()
  })

  it('keeps a rotated token set in the keychain before any request uses it', async () => {
    const journal: string[] = []
    const keychain = testKeychain()
    const secrets: SecretStore = {
      get: (item) => keychain.secrets.get(item),
      delete: (item) => keychain.secrets.delete(item),
      async set(item, secret) {
        await keychain.secrets.set(item, secret)
        if (item.endsWith(':oauth')) {
          journal.push(
            `saved ${(JSON.parse(secret.reveal()) as { accessToken: string }).accessToken}`,
          )
        }
      },
    }
    const recordingFetch: typeof fetch = (input, init) => {
      const authorization = new Headers(init?.headers).get('authorization')
      if (authorization?.startsWith('Bearer ')) journal.push(`used ${authorization.slice(7)}`)
      return fetch(input, init)
    }
    const r = await start({ secrets, core: { fetch: recordingFetch } })
    try {
      await r.signInWithOAuth()
      r.sandbox.faults.expireAccessTokens()
      await r.core.accounts.session()?.gateway.getLead(seedIds.leads.acmeFleet)
      // The first set is saved after /users/me names the account; the refreshed one is
      // saved before its first request.
      const saved = journal.filter((line) => line.startsWith('saved '))
      expect(saved).toHaveLength(2)
      const rotated = saved[1] ?? ''
      const token = rotated.slice('saved '.length)
      expect(journal.indexOf(`used ${token}`)).toBeGreaterThan(journal.indexOf(rotated))
    } finally {
      await keychain.clear()
    }
  })

  it('refreshes ahead of expiry, without waiting for a 401', async () => {
    let offset = 0
    const r = await start({
      sandbox: { oauth: { accessTokenTtlSeconds: 600 } },
      core: { now: () => Date.now() + offset },
    })
    await r.signInWithOAuth()
    const session = r.core.accounts.session()
    await session?.gateway.getLead(seedIds.leads.acmeFleet)
    expect(r.sandbox.state.count('POST /oauth/token')).toBe(1)
    offset = 541_000 // 59 s before expiry
    // Pipedrive is busy: the early refresh fails, and the still valid token does the job.
    r.sandbox.faults.failNext(1, { status: 503, method: 'POST', path: '/oauth/token' })
    await session?.gateway.getLead(seedIds.leads.acmeFleet)
    expect(r.sandbox.state.count('POST /oauth/token', 503)).toBe(1)
    await session?.gateway.getLead(seedIds.leads.acmeFleet)
    expect(r.sandbox.state.count('POST /oauth/token', 200)).toBe(2)
    expect(r.sandbox.state.count('GET /api/v1/leads/{id}', 401)).toBe(0)
    expect(r.core.accounts.status().account).not.toBeNull()
  })

  it('signs out when Pipedrive refuses the refresh (invalid_grant), keeping the outbox', async () => {
    const r = await start()
    // The row must stay where sign-out leaves it, not be sent by the engine meanwhile.
    await r.core.sync.stop()
    await r.signInWithOAuth()
    const queued = r.core.outbox.enqueueLead({
      title: 'Waits for sign-in',
      person: { kind: 'existing', id: seedIds.persons.maria },
    })
    const session = r.core.accounts.session()
    // The grant ends at Pipedrive (the user removed the app there).
    const { refreshToken } = await storedTokens(r)
    await tokenForm(r, '/oauth/revoke', { token: refreshToken, token_type_hint: 'refresh_token' })
    const changes = r.authChanges
    const failure = await session?.gateway.getLead(seedIds.leads.acmeFleet).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(PipedriveFailure)
    expect(failure).toMatchObject({ kind: 'unauthorized' })
    const status = r.core.accounts.status()
    expect(status.account).toBeNull()
    expect(status.notice).toMatch(/Pipedrive ended this sign-in/)
    expect(r.authChanges).toBeGreaterThan(changes)
    expect(r.core.accounts.session()).toBeNull()
    await expect
      .poll(async () => (await r.keychain.items()).map((item) => item.account))
      .toEqual([`oauth-client:${r.sandbox.oauth.clientId}`])
    expect(r.core.outbox.get(queued.id)?.state).toBe('queued')
    expect(r.core.syncStatus().signedIn).toBe(false)
  })

  it('signs out: revokes the refresh token and deletes the keychain item', async () => {
    const r = await start()
    await r.signInWithOAuth()
    expect(r.sandbox.state.oauth.activeGrants).toBe(1)
    const status = await r.core.accounts.signOut()
    expect(status.account).toBeNull()
    expect(r.sandbox.state.count('POST /oauth/revoke', 200)).toBe(1)
    expect(r.sandbox.state.oauth.activeGrants).toBe(0)
    expect((await r.keychain.items()).map((item) => item.account)).toEqual([
      `oauth-client:${r.sandbox.oauth.clientId}`,
    ])
  })

  it('switching from a token to OAuth keeps the account and retires the token', async () => {
    const r = await start()
    await r.core.accounts.signInWithToken(r.sandbox.apiToken)
    const tokenSession = r.core.accounts.session()
    await r.signInWithOAuth()
    const session = r.core.accounts.session()
    expect(session).not.toBe(tokenSession)
    expect(session).toMatchObject({ account, authType: 'oauth' })
    expect((await r.keychain.items()).map((item) => item.account).sort()).toEqual([
      `${account}:oauth`,
      `oauth-client:${r.sandbox.oauth.clientId}`,
    ])
  })
})
