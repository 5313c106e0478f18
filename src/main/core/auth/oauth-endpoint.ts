import { neverConnected, redirectRefused } from '../pipedrive/classify'
import type { Secret } from '../log/secret'
import { tokenResponseSchema, type TokenResponse } from './oauth-tokens'

/** The Pipedrive app's credentials from Developer Hub. */
export interface OAuthClientCredentials {
  clientId: string
  clientSecret: Secret
}

/**
 * A refusal or failure of the OAuth server. `code` is the OAuth error (invalid_grant,
 * invalid_client, invalid_request…), or `unreachable` / `no_answer` / `server_error` when
 * no usable answer came, or `redirected` when something in between sent the request
 * elsewhere (not followed: the client secret would go along).
 */
export class OAuthError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'OAuthError'
  }
}

export interface OAuthEndpoint {
  /** authorization_code grant. */
  exchangeCode(
    client: OAuthClientCredentials,
    code: string,
    redirectUri: string,
  ): Promise<TokenResponse>
  /** refresh_token grant. Pipedrive may rotate the refresh token: keep the new one. */
  refresh(client: OAuthClientCredentials, refreshToken: Secret): Promise<TokenResponse>
  /** RFC 7009 revocation; revoking the refresh token ends the whole grant. */
  revoke(
    client: OAuthClientCredentials,
    token: Secret,
    hint: 'refresh_token' | 'access_token',
  ): Promise<void>
}

function basic(client: OAuthClientCredentials): string {
  const pair = `${client.clientId}:${client.clientSecret.reveal()}`
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`
}

// Electron's net.fetch rejects a redirect under `redirect: 'manual'`; Node's fetch returns it.
const redirected = (status: number | null, cause?: unknown) =>
  new OAuthError(
    'redirected',
    "The connection to Pipedrive was sent somewhere else (a redirect). Leadbox does not follow it, so your sign-in stays safe; a network's sign-in page or a proxy can cause this.",
    status,
    cause === undefined ? undefined : { cause },
  )

/** oauth.pipedrive.com: form-encoded bodies, HTTP Basic client authentication, no PKCE. */
export function createOAuthEndpoint(options: {
  fetch: typeof fetch
  oauthBase: string
  timeoutMs?: number
}): OAuthEndpoint {
  const timeoutMs = options.timeoutMs ?? 30_000

  async function post(
    path: string,
    client: OAuthClientCredentials,
    form: Record<string, string>,
  ): Promise<unknown> {
    const timeout = AbortSignal.timeout(timeoutMs)
    let status: number
    let text: string
    try {
      const response = await options.fetch(`${options.oauthBase}${path}`, {
        method: 'POST',
        headers: {
          authorization: basic(client),
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams(form).toString(),
        signal: timeout,
        redirect: 'manual',
      })
      status = response.status
      text = await response.text()
    } catch (error) {
      if (redirectRefused(error)) throw redirected(null, error)
      if (neverConnected(error)) {
        throw new OAuthError('unreachable', 'Leadbox could not reach Pipedrive.', null, {
          cause: error,
        })
      }
      throw new OAuthError(
        'no_answer',
        timeout.aborted
          ? 'Pipedrive did not answer in time.'
          : 'The connection to Pipedrive broke.',
        null,
        { cause: error },
      )
    }
    let json: unknown
    try {
      json = text === '' ? undefined : JSON.parse(text)
    } catch {
      // Not JSON (an HTML error page): judged by its status alone.
    }
    if (status >= 200 && status < 300) return json
    if (status >= 300 && status < 400) throw redirected(status)
    const body = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>
    const code =
      status >= 500
        ? 'server_error'
        : typeof body['error'] === 'string'
          ? body['error']
          : `http_${status}`
    const description =
      typeof body['error_description'] === 'string'
        ? body['error_description']
        : typeof body['message'] === 'string'
          ? body['message']
          : 'no reason was given'
    throw new OAuthError(code, description, status)
  }

  async function tokens(client: OAuthClientCredentials, form: Record<string, string>) {
    const json = await post('/oauth/token', client, form)
    const parsed = tokenResponseSchema.safeParse(json)
    if (!parsed.success) {
      throw new OAuthError('server_error', "Pipedrive's token answer could not be read.")
    }
    return parsed.data
  }

  return {
    exchangeCode: (client, code, redirectUri) =>
      tokens(client, { grant_type: 'authorization_code', code, redirect_uri: redirectUri }),
    refresh: (client, refreshToken) =>
      tokens(client, { grant_type: 'refresh_token', refresh_token: refreshToken.reveal() }),
    async revoke(client, token, hint) {
      await post('/oauth/revoke', client, { token: token.reveal(), token_type_hint: hint })
    },
  }
}
