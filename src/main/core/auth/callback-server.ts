import { timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { LeadboxError } from '../../../shared/result'

/**
 * The one-shot loopback server that receives Pipedrive's OAuth redirect. It listens on
 * 127.0.0.1 only, on the fixed port registered as the app's callback URL, answers only
 * GET /oauth/callback, and closes after the redirect that carries the right `state`, or
 * after `timeoutMs`. A request with a wrong or missing state gets a 400 page and changes
 * nothing: the server keeps waiting, so a stray or hostile request cannot end the sign-in.
 */
export interface CallbackServer {
  /** What to register in Developer Hub and send as redirect_uri. */
  redirectUri: string
  address(): AddressInfo | null
  /** Resolves with the authorization code; rejects on denial, timeout or close(). */
  code: Promise<string>
  close(reason?: Error): Promise<void>
}

export const callbackPath = '/oauth/callback'
export const defaultCallbackPort = 53682

export const callbackUrl = (port: number) => `http://localhost:${port}${callbackPath}`

function sameState(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function page(title: string, text: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">
<h1>${title}</h1>
<p>${text}</p>
</body>
</html>`
}

function answer(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    connection: 'close',
  })
  response.end(body)
}

export async function startCallbackServer(options: {
  port: number
  state: string
  timeoutMs?: number
}): Promise<CallbackServer> {
  const timeoutMs = options.timeoutMs ?? 5 * 60_000
  let settle: { resolve(code: string): void; reject(error: Error): void } | undefined
  const code = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject }
  })
  // Nobody may be awaiting yet when it fails; the owner reads it through `code`.
  code.catch(() => {})
  let done = false

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (request.method !== 'GET' || url.pathname !== callbackPath) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' })
      response.end('Not found')
      return
    }
    const state = url.searchParams.get('state')
    if (done || state === null || !sameState(state, options.state)) {
      answer(
        response,
        400,
        page(
          'This sign-in link is not valid',
          'Leadbox is not waiting for this sign-in. Start signing in again from Leadbox.',
        ),
      )
      return
    }
    const given = url.searchParams.get('code')
    const error = url.searchParams.get('error')
    if (!given) {
      answer(
        response,
        200,
        page(
          'Leadbox was not connected',
          'Pipedrive did not give Leadbox access. You can close this tab.',
        ),
      )
      finish(
        new LeadboxError(
          'pipedrive_rejected',
          error === 'access_denied'
            ? 'You did not allow Leadbox to access Pipedrive.'
            : 'Pipedrive did not complete the sign-in. Try again, or connect with your API token.',
        ),
      )
      return
    }
    answer(
      response,
      200,
      page('Leadbox is connecting', 'You can close this tab and go back to Leadbox.'),
    )
    finish(given)
  })

  function finish(result: string | Error): void {
    if (done) return
    done = true
    clearTimeout(timer)
    if (typeof result === 'string') settle?.resolve(result)
    else settle?.reject(result)
    server.close()
    // Let the last page reach the browser before the connection goes.
    setTimeout(() => server.closeAllConnections(), 500).unref()
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new LeadboxError(
              'invalid_request',
              `Another program is using port ${options.port}, which Leadbox needs to finish signing in to Pipedrive. Close it and try again.`,
              undefined,
              error,
            )
          : error,
      )
    })
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  const timer = setTimeout(
    () =>
      finish(
        new LeadboxError(
          'invalid_request',
          'The sign-in was not finished within 5 minutes. Start it again when you are ready.',
        ),
      ),
    timeoutMs,
  )
  timer.unref()
  const address = server.address() as AddressInfo

  return {
    redirectUri: callbackUrl(address.port),
    address: () => (server.listening ? (server.address() as AddressInfo) : null),
    code,
    close: async (reason) => {
      finish(reason ?? new LeadboxError('invalid_request', 'The sign-in was cancelled.'))
      server.closeAllConnections()
      await new Promise<void>((resolve) =>
        server.listening ? server.close(() => resolve()) : resolve(),
      )
    },
  }
}
