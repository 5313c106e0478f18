import { randomBytes } from 'node:crypto'
import { LeadboxError } from '../../../shared/result'
import { startCallbackServer, type CallbackServer } from './callback-server'
import { OAuthError, type OAuthClientCredentials, type OAuthEndpoint } from './oauth-endpoint'
import type { TokenResponse } from './oauth-tokens'

export interface OAuthFlowOptions {
  endpoint: OAuthEndpoint
  client: OAuthClientCredentials
  oauthBase: string
  port: number
  /** Opens the system browser through the validated link helper; false when refused. */
  openBrowser(url: string): Promise<boolean>
  timeoutMs?: number
}

/** The authorization code flow as Pipedrive has it: no PKCE, a random state, Basic auth. */
export class OAuthFlow {
  private server: CallbackServer | null = null

  constructor(private readonly options: OAuthFlowOptions) {}

  /** Opens the consent page and resolves with the tokens once the redirect comes back. */
  async run(): Promise<TokenResponse> {
    const { client, endpoint, oauthBase } = this.options
    const state = randomBytes(32).toString('base64url')
    const server = await startCallbackServer({
      port: this.options.port,
      state,
      ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
    })
    this.server = server
    try {
      const authorize = new URL('/oauth/authorize', oauthBase)
      authorize.searchParams.set('client_id', client.clientId)
      authorize.searchParams.set('redirect_uri', server.redirectUri)
      authorize.searchParams.set('state', state)
      if (!(await this.options.openBrowser(authorize.toString()))) {
        throw new LeadboxError('internal', 'Leadbox could not open the Pipedrive sign-in page.')
      }
      const code = await server.code
      return await endpoint
        .exchangeCode(client, code, server.redirectUri)
        .catch((error: unknown) => {
          throw exchangeFailure(error, server.redirectUri)
        })
    } finally {
      await server.close()
      this.server = null
    }
  }

  /** Ends a flow that is waiting for the browser. */
  async cancel(): Promise<void> {
    await this.server?.close(new LeadboxError('invalid_request', 'The sign-in was cancelled.'))
  }
}

/** What went wrong at the token endpoint, in words the user can act on. */
export function exchangeFailure(error: unknown, redirectUri: string): LeadboxError {
  if (!(error instanceof OAuthError)) {
    return new LeadboxError('internal', 'Signing in to Pipedrive failed.', undefined, error)
  }
  switch (error.code) {
    case 'unreachable':
    case 'no_answer':
      return new LeadboxError('offline', `${error.message} Check your connection and try again.`)
    case 'redirected':
      return new LeadboxError('offline', error.message)
    case 'invalid_client':
      return new LeadboxError(
        'pipedrive_rejected',
        "Pipedrive did not accept the app's client id or client secret. Check them in Settings.",
      )
    case 'invalid_grant':
      return new LeadboxError(
        'pipedrive_rejected',
        'The sign-in code from Pipedrive expired or was already used. Try again.',
      )
    case 'invalid_request':
      return new LeadboxError(
        'pipedrive_rejected',
        `Pipedrive refused the sign-in: ${error.message}. The app's callback URL in Pipedrive's Developer Hub must be exactly ${redirectUri}.`,
      )
    default:
      return new LeadboxError(
        'pipedrive_rejected',
        `Pipedrive refused the sign-in: ${error.message}`,
      )
  }
}
