// The OAuth server: consent page, redirect URI checks, code and refresh token rules, revocation,
// and Bearer access to the API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox, TokenResponse } from './index'
import { approveConsent, startSandbox } from './index'
import type { Auth } from './test-support'
import { basic, call, oauthForm, testClock } from './test-support'

const clock = testClock()
const redirectUri = 'http://127.0.0.1:47999/callback'
let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ now: clock.now, oauth: { redirectUri } })
})
beforeEach(() => sandbox.reset())
afterAll(() => sandbox.close())

async function code(state = 'st'): Promise<string> {
  const redirect = await approveConsent(sandbox.oauth.authorizeUrl(state))
  return redirect.searchParams.get('code') ?? ''
}

async function exchange(authCode: string, uri = redirectUri) {
  return oauthForm(sandbox, '/oauth/token', {
    grant_type: 'authorization_code',
    code: authCode,
    redirect_uri: uri,
  })
}

async function tokens(): Promise<TokenResponse> {
  const answer = await exchange(await code())
  expect(answer.status).toBe(200)
  return answer.body as TokenResponse
}

describe('authorize', () => {
  it('shows a consent page with an Allow button that redirects with code and state', async () => {
    const page = await fetch(sandbox.oauth.authorizeUrl('xyz'))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    const html = await page.text()
    expect(html).toMatch(/<button[^>]*value="allow"[^>]*>Allow<\/button>/)
    const redirect = await approveConsent(sandbox.oauth.authorizeUrl('xyz'))
    expect(`${redirect.origin}${redirect.pathname}`).toBe(redirectUri)
    expect(redirect.searchParams.get('state')).toBe('xyz')
    expect(redirect.searchParams.get('code')).toMatch(/^\w+$/)
  })

  it('sends access_denied back when the user declines', async () => {
    const page = await (await fetch(sandbox.oauth.authorizeUrl('no'))).text()
    const consent = /name="consent" value="([^"]+)"/.exec(page)?.[1] ?? ''
    const answer = await fetch(`${sandbox.url}/oauth/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ consent, decision: 'deny' }),
      redirect: 'manual',
    })
    const location = new URL(answer.headers.get('location') ?? '')
    expect(location.searchParams.get('error')).toBe('access_denied')
    expect(location.searchParams.get('state')).toBe('no')
  })

  it('shows an error page, without redirecting, for an unknown client or redirect URI', async () => {
    const wrongUri = await fetch(sandbox.oauth.authorizeUrl('s', 'http://localhost:1/evil'), {
      redirect: 'manual',
    })
    expect(wrongUri.status).toBe(400)
    expect(wrongUri.headers.get('location')).toBeNull()
    expect(await wrongUri.text()).toMatch(/redirect_uri is invalid/)
    const url = new URL(sandbox.oauth.authorizeUrl('s'))
    url.searchParams.set('client_id', 'someone-else')
    const wrongClient = await fetch(url, { redirect: 'manual' })
    expect(wrongClient.status).toBe(400)
    expect(wrongClient.headers.get('content-type')).toMatch(/text\/html/)
  })
})

describe('token', () => {
  it('exchanges a code for tokens pointing api_domain at the sandbox', async () => {
    const t = await tokens()
    expect(t).toMatchObject({ token_type: 'Bearer', expires_in: 3599, api_domain: sandbox.url })
    expect(t.scope).toContain('leads:full')
    const me = await call(sandbox, 'GET', '/api/v1/users/me', undefined, { bearer: t.access_token })
    expect(me.status).toBe(200)
    expect(me.headers.get('x-ratelimit-limit')).toBe('160')
  })

  it('requires HTTP Basic client authentication', async () => {
    const form = { grant_type: 'authorization_code', code: await code(), redirect_uri: redirectUri }
    const missing = await oauthForm(sandbox, '/oauth/token', form, null)
    expect(missing.status).toBe(401)
    expect(missing.body).toMatchObject({
      error: 'invalid_client',
      message: 'Invalid client: cannot retrieve client credentials',
    })
    const wrong = await oauthForm(sandbox, '/oauth/token', form, basic(sandbox.oauth.clientId, 'x'))
    expect(wrong.status).toBe(401)
    expect(wrong.body.message).toBe('Invalid client: client is invalid')
  })

  it('uses each code once', async () => {
    const c = await code()
    expect((await exchange(c)).status).toBe(200)
    const again = await exchange(c)
    expect(again.status).toBe(400)
    expect(again.body).toMatchObject({
      error: 'invalid_grant',
      message: 'Invalid grant: authorization_code is invalid',
    })
  })

  it('lets codes expire after 5 minutes on the sandbox clock', async () => {
    const fresh = await code()
    clock.advance(299_000)
    expect((await exchange(fresh)).status).toBe(200)
    const stale = await code()
    clock.advance(300_001)
    const late = await exchange(stale)
    expect(late.status).toBe(400)
    expect(late.body.message).toBe('Invalid grant: authorization_code has expired')
  })

  it('checks the redirect URI and the content type', async () => {
    const wrong = await exchange(await code(), 'http://localhost:53682/oauth/callback')
    expect(wrong.status).toBe(400)
    expect(wrong.body.message).toBe('Invalid request: redirect_uri is invalid')
    const json = await fetch(`${sandbox.url}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: basic(sandbox.oauth.clientId, sandbox.oauth.clientSecret),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ grant_type: 'authorization_code', code: await code() }),
    })
    expect(json.status).toBe(400)
    const grant = await oauthForm(sandbox, '/oauth/token', { grant_type: 'password' })
    expect(grant.body.error).toBe('unsupported_grant_type')
  })

  it('rotates refresh tokens; a spent one is invalid_grant', async () => {
    const first = await tokens()
    const refresh = (token: string) =>
      oauthForm(sandbox, '/oauth/token/', { grant_type: 'refresh_token', refresh_token: token })
    const second = await refresh(first.refresh_token)
    expect(second.status).toBe(200)
    expect(second.body.refresh_token).not.toBe(first.refresh_token)
    expect(second.body.access_token).not.toBe(first.access_token)
    const reused = await refresh(first.refresh_token)
    expect(reused.status).toBe(400)
    expect(reused.body).toMatchObject({
      error: 'invalid_grant',
      message: 'Invalid grant: refresh_token is invalid',
    })
    expect((await refresh(second.body.refresh_token)).status).toBe(200)
  })

  it('lets access tokens expire by the clock; refreshing brings access back', async () => {
    const t = await tokens()
    clock.advance(3599_000)
    const expired = await call(sandbox, 'GET', '/api/v1/users/me', undefined, {
      bearer: t.access_token,
    })
    expect(expired.status).toBe(401)
    expect(expired.body).toEqual({ success: false, error: 'unauthorized access', errorCode: 401 })
    const renewed = await oauthForm(sandbox, '/oauth/token', {
      grant_type: 'refresh_token',
      refresh_token: t.refresh_token,
    })
    const me = await call(sandbox, 'GET', '/api/v1/users/me', undefined, {
      bearer: renewed.body.access_token,
    })
    expect(me.status).toBe(200)
  })
})

describe('revoke', () => {
  it('follows RFC 7009: client auth, 200 for any token, refresh revocation ends the grant', async () => {
    const t = await tokens()
    const revoke = (form: Record<string, string>, auth?: string | null) =>
      oauthForm(sandbox, '/oauth/revoke', form, auth)
    expect((await revoke({ token: t.refresh_token }, null)).status).toBe(401)
    expect((await revoke({ token: 'never-issued', token_type_hint: 'access_token' })).status).toBe(
      200,
    )
    const done = await revoke({ token: t.refresh_token, token_type_hint: 'refresh_token' })
    expect(done.status).toBe(200)
    const api = await call(sandbox, 'GET', '/api/v1/users/me', undefined, {
      bearer: t.access_token,
    })
    expect(api.status).toBe(401)
    const refresh = await oauthForm(sandbox, '/oauth/token', {
      grant_type: 'refresh_token',
      refresh_token: t.refresh_token,
    })
    expect(refresh.body.error).toBe('invalid_grant')
  })

  it('revokes a single access token', async () => {
    const t = await tokens()
    await oauthForm(sandbox, '/oauth/revoke', { token: t.access_token })
    const api = await call(sandbox, 'GET', '/api/v1/users/me', undefined, {
      bearer: t.access_token,
    })
    expect(api.status).toBe(401)
  })
})

describe('API authentication', () => {
  it('takes x-api-token, the legacy api_token query, and rejects anything else', async () => {
    expect((await call(sandbox, 'GET', '/api/v1/users/me')).status).toBe(200)
    expect(
      (
        await call(
          sandbox,
          'GET',
          `/api/v1/users/me?api_token=${sandbox.apiToken}`,
          undefined,
          'none',
        )
      ).status,
    ).toBe(200)
    const wrong: Auth[] = [
      'none',
      { header: { 'x-api-token': 'wrong' } },
      { bearer: 'not-a-token' },
      { header: { authorization: 'Basic abc' } },
    ]
    for (const auth of wrong) {
      const denied = await call(sandbox, 'GET', '/api/v1/leads', undefined, auth)
      expect(denied.status).toBe(401)
      expect(denied.body).toEqual({ success: false, error: 'unauthorized access', errorCode: 401 })
    }
  })

  it('refuses calls outside the granted scopes', async () => {
    const narrow = await startSandbox({ oauth: { redirectUri, scope: 'base' } })
    try {
      const redirect = await approveConsent(narrow.oauth.authorizeUrl())
      const t = await oauthForm(narrow, '/oauth/token', {
        grant_type: 'authorization_code',
        code: redirect.searchParams.get('code') ?? '',
        redirect_uri: redirectUri,
      })
      const bearer = { bearer: t.body.access_token as string }
      expect((await call(narrow, 'GET', '/api/v1/users/me', undefined, bearer)).status).toBe(200)
      const leads = await call(narrow, 'GET', '/api/v1/leads', undefined, bearer)
      expect(leads.status).toBe(403)
      expect(leads.body).toEqual({
        success: false,
        error: 'Scope and URL mismatch',
        errorCode: 403,
      })
    } finally {
      await narrow.close()
    }
  })
})
