// One request's way through the sandbox: control endpoints, fault switches, authentication,
// scopes, rate limits, the handler, and finally the request log.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { App } from './app'
import type { Principal } from './auth'
import { authenticate, hasScope } from './auth'
import type { ControlResult } from './control'
import { controlPrefix } from './control'
import { settleConversions } from './conversions'
import type { RequestIdentity, StoreThenFailStatus } from './faults'
import type { Reply } from './http'
import { checkDocs, failure, html, json, unauthorized } from './http'
import { cloudflareBlock, tooManyRequests } from './rate-limit'
import type { Outcome } from './request-log'
import type { Router } from './router'
import { operationCost } from './token-costs'

const maxBody = 1024 * 1024
const empty = Buffer.alloc(0)

export interface PipelineHooks {
  control(method: string, path: string, body: Buffer): Promise<ControlResult>
  /** Responses deliberately left hanging, so close() and reset() can cut them. */
  hung: Set<ServerResponse>
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  if (
    req.headers['content-length'] === undefined &&
    req.headers['transfer-encoding'] === undefined
  ) {
    return Promise.resolve(empty)
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBody) chunks.push(chunk)
    })
    req.on('end', () => resolve(size > maxBody ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/**
 * Writes a reply. `Date` comes from the sandbox clock, not Node's wall clock: Pipedrive stamps
 * add_time and Date from one clock, and clients estimate the server's clock from Date.
 */
function send(res: ServerResponse, reply: Reply, now: number): void {
  if (res.destroyed) return
  res.writeHead(reply.status, {
    date: new Date(now).toUTCString(),
    ...reply.headers,
    'content-length': String(Buffer.byteLength(reply.body)),
  })
  res.end(reply.body)
}

function serverError(status: number): Reply {
  // Gateways answer 502/504 with HTML; the API itself answers JSON.
  if (status === 502 || status === 504) {
    const text = status === 502 ? '502 Bad Gateway' : '504 Gateway Time-out'
    return html(
      status,
      `<html><head><title>${text}</title></head><body><center><h1>${text}</h1></center><hr><center>cloudflare</center></body></html>`,
    )
  }
  if (status === 503)
    return failure(503, 'Service temporarily unavailable', 'Scheduled maintenance')
  return failure(status, 'Internal server error', checkDocs)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function createPipeline(app: App, router: Router, hooks: PipelineHooks) {
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET'
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const path = url.pathname
    const body = await readBody(req)
    if (body === null) {
      send(res, failure(413, 'Request entity too large', checkDocs), app.now())
      return
    }
    const rawBody: Buffer = body

    if (path === controlPrefix || path.startsWith(`${controlPrefix}/`)) {
      const result = await hooks.control(method, path, rawBody)
      if (result.after) res.once('finish', () => void result.after?.())
      send(res, result.reply, app.now())
      return
    }

    const lookup = router.lookup(method, path)
    const route = lookup.kind === 'found' ? lookup.match.route : null
    const identity: RequestIdentity = { method, path, routeKey: route?.key ?? null }
    const isApi = path.startsWith('/api/') || path.startsWith('/v1/')
    let principal: Principal | null = null
    // A client that gives up (a timeout during `delay`) does not stop the server: the request is
    // still processed, only the answer goes nowhere. Noted in the log as clientGone.
    let clientGone = false
    res.once('close', () => {
      if (!res.writableFinished) clientGone = true
    })
    const log = (outcome: Outcome, handled?: number) =>
      app.log.record({
        at: app.now(),
        method,
        path,
        endpoint: route?.key ?? `${method} ${path}`,
        outcome,
        auth: principal?.kind ?? null,
        ...(handled === undefined ? {} : { handled }),
        ...(clientGone ? { clientGone: true as const } : {}),
      })
    const finish = (reply: Reply) => {
      send(res, reply, app.now())
      log(reply.status)
    }
    const hold = () => {
      if (clientGone) return
      hooks.hung.add(res)
      res.once('close', () => hooks.hung.delete(res))
    }

    // Faults act like the network and proxies in front of Pipedrive: before anything else.
    const { faults } = app
    if (faults.take('cloudflare403', identity)) return finish(cloudflareBlock())
    if (faults.take('hang', identity)) {
      hold()
      log('hang')
      return
    }
    const delay = faults.take('delay', identity)
    if (delay?.ms) {
      const arrived = performance.now()
      await sleep(delay.ms)
      if (delay.giveUpAfterMs !== undefined && performance.now() - arrived > delay.giveUpAfterMs) {
        res.destroy()
        log('reset')
        return
      }
    }
    const failing = faults.take('fail', identity)
    if (failing) return finish(serverError(failing.status ?? 500))
    if (isApi) principal = authenticate(app, req.headers, url.searchParams)
    const forced = faults.take('force429', identity)
    if (forced) {
      const headers = app.limiter.peekHeaders(principal)
      if (forced.retryAfter !== undefined) headers['retry-after'] = String(forced.retryAfter)
      return finish(tooManyRequests('Too many requests', headers))
    }
    // The store-then faults let the request through and lose its answer afterwards, the way a
    // proxy timeout or a dropped connection does after Pipedrive has committed the write.
    const loseAnswer =
      faults.take('storeThenReset', identity) ??
      faults.take('storeThenFail', identity) ??
      faults.take('storeThenHang', identity)

    let reply: Reply
    try {
      reply = await respond()
    } catch (error) {
      console.error('Sandbox handler failed', error)
      reply = failure(500, 'Internal server error', checkDocs)
    }
    if (loseAnswer?.kind === 'storeThenReset') {
      req.socket.destroy()
      log('reset', reply.status)
      return
    }
    if (loseAnswer?.kind === 'storeThenFail') {
      const status = (loseAnswer.status ?? 500) as StoreThenFailStatus
      send(res, serverError(status), app.now())
      log(`store-then-${status}`, reply.status)
      return
    }
    if (loseAnswer?.kind === 'storeThenHang') {
      hold()
      log('store-then-hang', reply.status)
      return
    }
    finish(reply)

    async function respond(): Promise<Reply> {
      if (isApi && !principal) return unauthorized()
      if (lookup.kind === 'wrong-method') {
        return failure(405, 'Method not allowed', checkDocs)
      }
      if (lookup.kind === 'none' || !route) {
        return isApi
          ? failure(404, 'Unknown method .', checkDocs)
          : json(404, { error: 'Not found' })
      }
      const call = {
        app,
        method,
        path,
        query: url.searchParams,
        params: lookup.kind === 'found' ? lookup.match.params : {},
        headers: req.headers,
        rawBody,
        principal,
      }
      if (route.api === 'oauth') return route.handler(call)
      if (!principal) return unauthorized()
      settleConversions(app)
      const operation = operationCost(route.key)
      if (!hasScope(principal, operation.scopes)) {
        return json(403, { success: false, error: 'Scope and URL mismatch', errorCode: 403 })
      }
      const admission = app.limiter.admit(principal, operation.cost, route.search === true)
      if (!admission.ok) return admission.reply
      const handled = await route.handler(call)
      return { ...handled, headers: { ...handled.headers, ...admission.headers } }
    }
  }
}
