// Pipedrive's OAuth server (oauth.pipedrive.com): consent page, code exchange, refresh with
// rotation, and RFC 7009 revocation. Error texts follow the "OAuth status codes" docs page.
import { randomBytes } from 'node:crypto'
import type { App, Config } from './app'
import type { Call, Reply } from './http'
import { escapeHtml, html, json, redirect } from './http'
import type { Router } from './router'

interface Code {
  clientId: string
  redirectUri: string
  userId: number
  expiresAt: number
}

interface Consent {
  clientId: string
  redirectUri: string
  state: string | null
  expiresAt: number
}

interface Grant {
  id: number
  clientId: string
  userId: number
  scope: string
  revoked: boolean
}

interface AccessToken {
  grantId: number
  expiresAt: number
  revoked: boolean
}

export interface TokenResponse {
  access_token: string
  token_type: 'Bearer'
  refresh_token: string
  scope: string
  expires_in: number
  api_domain: string
}

export class OAuthServer {
  private codes = new Map<string, Code>()
  private consents = new Map<string, Consent>()
  private grants = new Map<number, Grant>()
  private accessTokens = new Map<string, AccessToken>()
  /** Refresh token → grant; exchanged ones stay here marked as used so reuse is detectable. */
  private refreshTokens = new Map<string, { grantId: number; used: boolean }>()
  private nextGrant = 1

  constructor(
    private readonly config: Config,
    private readonly now: () => number,
    private readonly companyId: number,
  ) {}

  reset(): void {
    this.codes.clear()
    this.consents.clear()
    this.grants.clear()
    this.accessTokens.clear()
    this.refreshTokens.clear()
  }

  /** The grant behind a live access token, or undefined when unknown, expired or revoked. */
  accessTokenGrant(token: string): Grant | undefined {
    const access = this.accessTokens.get(token)
    if (!access || access.revoked || access.expiresAt <= this.now()) return undefined
    const grant = this.grants.get(access.grantId)
    return grant && !grant.revoked ? grant : undefined
  }

  /** Fault switch: every access token issued so far stops working (refresh still does). */
  expireAccessTokens(): void {
    const now = this.now()
    for (const token of this.accessTokens.values()) token.expiresAt = Math.min(token.expiresAt, now)
  }

  stats(): { activeAccessTokens: number; activeGrants: number } {
    const now = this.now()
    return {
      activeAccessTokens: [...this.accessTokens.values()].filter(
        (t) => !t.revoked && t.expiresAt > now,
      ).length,
      activeGrants: [...this.grants.values()].filter((g) => !g.revoked).length,
    }
  }

  /** Mints a code as if the user had clicked Allow (for tests that skip the browser). */
  issueCode(redirectUri: string, userId: number): string {
    const code = randomBytes(16).toString('hex')
    this.codes.set(code, {
      clientId: this.config.oauth.clientId,
      redirectUri,
      userId,
      expiresAt: this.now() + this.config.oauth.codeTtlSeconds * 1000,
    })
    return code
  }

  register(router: Router, app: App): void {
    router.add('GET', 'oauth', '/oauth/authorize', (call) => this.authorizePage(call))
    router.add('POST', 'oauth', '/oauth/authorize', (call) => this.decide(call, app))
    router.add('POST', 'oauth', '/oauth/token', (call) => this.token(call, app))
    router.add('POST', 'oauth', '/oauth/revoke', (call) => this.revoke(call))
  }

  private checkClient(clientId: string | null, redirectUri: string | null): string | null {
    if (!clientId || clientId !== this.config.oauth.clientId) {
      return 'App cannot be installed for requested company: unknown client_id.'
    }
    if (!redirectUri) return 'Invalid request: redirect_uri is not a valid URI'
    if (!this.config.oauth.redirectUris.includes(redirectUri)) {
      return 'Invalid request: redirect_uri is invalid'
    }
    return null
  }

  private authorizePage(call: Call): Reply {
    const clientId = call.query.get('client_id')
    const redirectUri = call.query.get('redirect_uri')
    const problem = this.checkClient(clientId, redirectUri)
    // Never redirect to an unverified URI: show the error in place.
    if (problem || !clientId || !redirectUri) return errorPage(problem ?? 'Invalid request')
    const consentId = randomBytes(16).toString('hex')
    this.consents.set(consentId, {
      clientId,
      redirectUri,
      state: call.query.get('state'),
      expiresAt: this.now() + 10 * 60_000,
    })
    return html(200, consentPage(consentId, this.config.oauth.scope))
  }

  private decide(call: Call, app: App): Reply {
    const form = new URLSearchParams(call.rawBody.toString('utf8'))
    const consentId = form.get('consent') ?? ''
    const consent = this.consents.get(consentId)
    this.consents.delete(consentId)
    if (!consent || consent.expiresAt <= this.now()) {
      return errorPage('This authorization request has expired. Start again from the app.')
    }
    const target = new URL(consent.redirectUri)
    if (form.get('decision') === 'allow') {
      target.searchParams.set('code', this.issueCode(consent.redirectUri, app.data.meId))
    } else {
      target.searchParams.set('error', 'access_denied')
    }
    if (consent.state !== null) target.searchParams.set('state', consent.state)
    return redirect(target.toString())
  }

  /** Checks HTTP Basic client authentication (client_id:client_secret). */
  private clientFrom(call: Call): 'missing' | 'invalid' | 'ok' {
    const header = call.headers.authorization
    const match = typeof header === 'string' ? /^Basic\s+(\S+)$/i.exec(header) : null
    if (!match?.[1]) return 'missing'
    const decoded = Buffer.from(match[1], 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon < 0) return 'missing'
    const id = decoded.slice(0, colon)
    const secret = decoded.slice(colon + 1)
    return id === this.config.oauth.clientId && secret === this.config.oauth.clientSecret
      ? 'ok'
      : 'invalid'
  }

  private token(call: Call, app: App): Reply {
    const client = this.clientFrom(call)
    if (client === 'missing') {
      return oauthError(401, 'invalid_client', 'Invalid client: cannot retrieve client credentials')
    }
    if (client === 'invalid') {
      return oauthError(401, 'invalid_client', 'Invalid client: client is invalid')
    }
    const type = call.headers['content-type'] ?? ''
    if (!type.startsWith('application/x-www-form-urlencoded')) {
      return oauthError(
        400,
        'invalid_request',
        'Invalid request: content must be application/x-www-form-urlencoded',
      )
    }
    const form = new URLSearchParams(call.rawBody.toString('utf8'))
    const grantType = form.get('grant_type')
    if (!grantType) return oauthError(400, 'invalid_request', 'Missing parameter: grant_type')
    if (grantType === 'authorization_code') return this.exchangeCode(form, app)
    if (grantType === 'refresh_token') return this.refresh(form, app)
    if (grantType === 'exchange_api_token') return this.exchangeApiToken(form, app)
    return oauthError(
      400,
      'unsupported_grant_type',
      'Unsupported grant type: grant_type is invalid',
    )
  }

  private exchangeCode(form: URLSearchParams, app: App): Reply {
    const code = form.get('code') ?? ''
    const redirectUri = form.get('redirect_uri')
    const stored = this.codes.get(code)
    if (!stored) {
      return oauthError(400, 'invalid_grant', 'Invalid grant: authorization_code is invalid')
    }
    // Single use: a code is gone after its first exchange attempt, even a failed one.
    this.codes.delete(code)
    if (stored.expiresAt <= this.now()) {
      return oauthError(400, 'invalid_grant', 'Invalid grant: authorization_code has expired')
    }
    if (!redirectUri) {
      return oauthError(400, 'invalid_request', 'Invalid request: redirect_uri is not a valid URI')
    }
    if (redirectUri !== stored.redirectUri) {
      return oauthError(400, 'invalid_request', 'Invalid request: redirect_uri is invalid')
    }
    const grant: Grant = {
      id: this.nextGrant++,
      clientId: stored.clientId,
      userId: stored.userId,
      scope: this.config.oauth.scope,
      revoked: false,
    }
    this.grants.set(grant.id, grant)
    return json(200, this.issueTokens(grant, app))
  }

  private refresh(form: URLSearchParams, app: App): Reply {
    const token = form.get('refresh_token') ?? ''
    const stored = this.refreshTokens.get(token)
    const grant = stored && this.grants.get(stored.grantId)
    if (!stored || stored.used || !grant || grant.revoked) {
      return oauthError(400, 'invalid_grant', 'Invalid grant: refresh_token is invalid')
    }
    // Rotation: the presented refresh token is spent; the response carries its successor.
    stored.used = true
    return json(200, this.issueTokens(grant, app))
  }

  private exchangeApiToken(form: URLSearchParams, app: App): Reply {
    if (form.get('api_token') !== this.config.apiToken) {
      return oauthError(400, 'invalid_grant', 'Invalid grant: api_token is invalid')
    }
    const grant: Grant = {
      id: this.nextGrant++,
      clientId: this.config.oauth.clientId,
      userId: app.data.meId,
      scope: this.config.oauth.scope,
      revoked: false,
    }
    this.grants.set(grant.id, grant)
    return json(200, this.issueTokens(grant, app))
  }

  private issueTokens(grant: Grant, app: App): TokenResponse {
    const ttl = this.config.oauth.accessTokenTtlSeconds
    const access = `v1u:${randomBytes(36).toString('base64url')}`
    const refresh = `${this.companyId}:${grant.userId}:${randomBytes(20).toString('hex')}`
    this.accessTokens.set(access, {
      grantId: grant.id,
      expiresAt: this.now() + ttl * 1000,
      revoked: false,
    })
    this.refreshTokens.set(refresh, { grantId: grant.id, used: false })
    return {
      access_token: access,
      token_type: 'Bearer',
      refresh_token: refresh,
      scope: grant.scope,
      expires_in: ttl,
      api_domain: app.url,
    }
  }

  /** RFC 7009: 200 whether or not the token was known; revoking a refresh token ends the grant. */
  private revoke(call: Call): Reply {
    const client = this.clientFrom(call)
    if (client !== 'ok') {
      return oauthError(
        401,
        'invalid_client',
        client === 'missing'
          ? 'Invalid client: cannot retrieve client credentials'
          : 'Invalid client: client is invalid',
      )
    }
    const form = new URLSearchParams(call.rawBody.toString('utf8'))
    const token = form.get('token')
    if (!token) return oauthError(400, 'invalid_request', 'Missing parameter: token')
    const refresh = this.refreshTokens.get(token)
    if (refresh) {
      const grant = this.grants.get(refresh.grantId)
      if (grant) grant.revoked = true
    }
    const access = this.accessTokens.get(token)
    if (access) access.revoked = true
    return { status: 200, headers: { 'cache-control': 'no-store' }, body: '' }
  }
}

function oauthError(status: number, error: string, message: string): Reply {
  return json(status, { success: false, error, error_description: message, message })
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}
button{font-size:1rem;padding:.5rem 1.25rem;margin-right:.5rem}</style></head>
<body>${body}</body>
</html>`
}

function consentPage(consentId: string, scope: string): string {
  const scopes = scope
    .split(',')
    .map((s) => `<li>${escapeHtml(s)}</li>`)
    .join('')
  return page(
    'Allow access to Pipedrive',
    `<h1>Leadbox wants to access your Pipedrive account</h1>
<p>Northwind Trading (sandbox) will share the following with the app:</p>
<ul>${scopes}</ul>
<form method="post" action="/oauth/authorize">
<input type="hidden" name="consent" value="${escapeHtml(consentId)}">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`,
  )
}

function errorPage(message: string): Reply {
  return html(
    400,
    page('Authorization error', `<h1>Something went wrong</h1><p>${escapeHtml(message)}</p>`),
  )
}
