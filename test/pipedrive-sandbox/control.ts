// The reserved /__sandbox/* endpoints: state for assertions, reset, fault switches and the clock,
// for tests that drive a sandbox running in another process (npm run sandbox). They need no
// credentials and never count toward rate limits.
import type { Count, RequestMatch, StoreThenFailStatus } from './faults'
import { storeThenFailStatuses } from './faults'
import type { Reply } from './http'
import { isRecord, json } from './http'
import type { Faults, Sandbox } from './sandbox'

export const controlPrefix = '/__sandbox'

type Control = Pick<Sandbox, 'faults' | 'state' | 'reset' | 'advanceTime' | 'now'>

export interface ControlResult {
  reply: Reply
  /** Work to do once the reply is on the wire (refusing connections would cut it off). */
  after?: () => Promise<void>
}

export async function handleControl(
  sandbox: Control,
  method: string,
  path: string,
  rawBody: Buffer,
): Promise<ControlResult> {
  const route = `${method} ${path.slice(controlPrefix.length) || '/'}`
  let body: unknown = {}
  if (rawBody.length > 0) {
    try {
      body = JSON.parse(rawBody.toString('utf8'))
    } catch {
      return { reply: json(400, { error: 'Body must be JSON' }) }
    }
  }
  switch (route) {
    case 'GET /':
      return { reply: json(200, { endpoints: controlHelp }) }
    case 'GET /state':
      return { reply: json(200, sandbox.state.snapshot()) }
    case 'POST /reset':
      await sandbox.reset()
      return { reply: json(200, { ok: true }) }
    case 'GET /faults':
      return { reply: json(200, { faults: sandbox.faults.list() }) }
    case 'DELETE /faults':
      await sandbox.faults.clear()
      return { reply: json(200, { ok: true }) }
    case 'POST /faults':
      return applyFaults(sandbox.faults, body)
    case 'POST /time': {
      const ms = isRecord(body) ? body.advanceMs : undefined
      if (typeof ms !== 'number' || !Number.isFinite(ms)) {
        return { reply: json(400, { error: 'advanceMs must be a number of milliseconds' }) }
      }
      sandbox.advanceTime(ms)
      return { reply: json(200, { now: new Date(sandbox.now()).toISOString() }) }
    }
    default:
      return { reply: json(404, { error: `No control endpoint ${route}`, endpoints: controlHelp }) }
  }
}

const controlHelp = {
  'GET /__sandbox/state': 'stored leads, persons, organizations, notes; request counts; budget',
  'POST /__sandbox/reset': 'back to the seed data, no faults, empty request log',
  'GET /__sandbox/faults': 'active fault rules',
  'DELETE /__sandbox/faults': 'clear every fault',
  'POST /__sandbox/faults': {
    failNext: { count: 1, status: 503, method: 'POST', path: '/api/v1/leads' },
    storeThenReset: { count: 1, method: 'POST', path: '/api/v1/leads' },
    storeThenFail: { count: 1, status: '500 | 502 | 503 | 504', method: 'POST', path: '/api/v2/*' },
    storeThenHang: { count: 1, method: 'POST', path: '/api/v1/notes' },
    delay: { ms: 500, count: 1 },
    hang: { count: 1, path: '/api/v1/leads/{id}' },
    force429: { count: 1, retryAfter: 2 },
    cloudflare403: { count: 1 },
    exhaustDailyBudget: 'true | { forMs: 5000 }',
    dailyBudget: 1000,
    expireAccessTokens: true,
    refuseConnections: { forMs: 1000, mode: 'refuse | reset' },
    searchIndexLagMs: 2000,
    failConversions: true,
    clear: true,
  },
  'POST /__sandbox/time': { advanceMs: 300000 },
}

function readMatch(spec: Record<string, unknown>): RequestMatch {
  const match: RequestMatch = {}
  if (typeof spec.method === 'string') match.method = spec.method
  if (typeof spec.path === 'string') match.path = spec.path
  if (typeof spec.pathPattern === 'string') match.path = new RegExp(spec.pathPattern)
  return match
}

function readCount(spec: Record<string, unknown>, fallback: Count = 1): Count {
  const count = spec.count
  if (count === 'always') return 'always'
  return typeof count === 'number' && count > 0 ? count : fallback
}

async function applyFaults(faults: Faults, body: unknown): Promise<ControlResult> {
  if (!isRecord(body)) return { reply: json(400, { error: 'Body must be a JSON object' }) }
  const bad = (message: string): ControlResult => ({ reply: json(400, { error: message }) })
  const spec = (key: string): Record<string, unknown> => {
    const value = body[key]
    return isRecord(value) ? value : {}
  }
  let after: (() => Promise<void>) | undefined
  for (const key of Object.keys(body)) {
    const s = spec(key)
    switch (key) {
      case 'clear':
        await faults.clear()
        break
      case 'failNext': {
        const status = typeof s.status === 'number' ? s.status : 500
        faults.failNext(typeof s.count === 'number' ? s.count : 1, { ...readMatch(s), status })
        break
      }
      case 'storeThenReset':
        faults.storeThenReset(readCount(s), readMatch(s))
        break
      case 'storeThenFail': {
        const status = s.status ?? 500
        if (!storeThenFailStatuses.includes(status as StoreThenFailStatus)) {
          return bad(`storeThenFail.status must be one of ${storeThenFailStatuses.join(', ')}`)
        }
        faults.storeThenFail(readCount(s), {
          ...readMatch(s),
          status: status as StoreThenFailStatus,
        })
        break
      }
      case 'storeThenHang':
        faults.storeThenHang(readCount(s), readMatch(s))
        break
      case 'delay':
        if (typeof s.ms !== 'number') return bad('delay.ms must be a number')
        faults.delay(s.ms, { ...readMatch(s), count: readCount(s) })
        break
      case 'hang':
        faults.hang({ ...readMatch(s), count: readCount(s) })
        break
      case 'force429':
        faults.force429({
          ...readMatch(s),
          count: readCount(s),
          ...(typeof s.retryAfter === 'number' ? { retryAfter: s.retryAfter } : {}),
        })
        break
      case 'cloudflare403':
        faults.cloudflare403({ ...readMatch(s), count: readCount(s) })
        break
      case 'exhaustDailyBudget':
        if (body[key] === true) faults.exhaustDailyBudget()
        else if (typeof s.forMs === 'number') faults.exhaustDailyBudget({ forMs: s.forMs })
        else if (body[key] !== false) return bad('exhaustDailyBudget must be true or { forMs }')
        break
      case 'dailyBudget':
        if (typeof body[key] !== 'number') return bad('dailyBudget must be a number')
        faults.setDailyBudget(body[key])
        break
      case 'expireAccessTokens':
        if (body[key] === true) faults.expireAccessTokens()
        break
      case 'searchIndexLagMs':
        if (typeof body[key] !== 'number') return bad('searchIndexLagMs must be a number')
        faults.searchIndexLag(body[key])
        break
      case 'failConversions':
        faults.failConversions(body[key] === true)
        break
      case 'refuseConnections': {
        // Over HTTP there would be no way back, so a duration is required.
        if (typeof s.forMs !== 'number') return bad('refuseConnections.forMs is required over HTTP')
        const mode = s.mode === 'reset' ? 'reset' : 'refuse'
        const forMs = s.forMs
        after = () => faults.refuseConnections({ forMs, mode })
        break
      }
      default:
        return bad(`Unknown fault ${key}`)
    }
  }
  return { reply: json(200, { ok: true, faults: faults.list() }), after }
}
