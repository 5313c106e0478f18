// Fault rules that the server consults before (and after) handling a request. The switches that
// need the listener (refusing connections) live in server.ts.

/**
 * Which requests a fault applies to. `path` is an exact path (`/api/v1/leads`), a spec template
 * (`/api/v1/leads/{id}`), a prefix ending in `*` (`/api/v2/*`), or a RegExp.
 */
export interface RequestMatch {
  method?: string
  path?: string | RegExp
}

/** How many matching requests a fault affects; 'always' lasts until cleared. */
export type Count = number | 'always'

export type RuleKind =
  | 'fail'
  | 'storeThenReset'
  | 'storeThenFail'
  | 'storeThenHang'
  | 'delay'
  | 'hang'
  | 'force429'
  | 'cloudflare403'

/** The answers storeThenFail can put in place of the real one (502/504 come from the gateway). */
export const storeThenFailStatuses = [500, 502, 503, 504] as const
export type StoreThenFailStatus = (typeof storeThenFailStatuses)[number]

export interface Rule {
  id: number
  kind: RuleKind
  match: RequestMatch
  remaining: number
  status?: number
  ms?: number
  /** A held request not processed within this long of its arrival (a stall) is dropped. */
  giveUpAfterMs?: number
  retryAfter?: number
}

export interface RequestIdentity {
  method: string
  path: string
  /** `GET /api/v1/leads/{id}` when a route matched. */
  routeKey: string | null
}

export class FaultTable {
  private rules: Rule[] = []
  private nextId = 1
  /** Writes younger than this are not in the search index yet (see search-index.ts). */
  searchIndexLagMs: number

  /** `searchIndexLagMs` is the configured lag, which clear() goes back to. */
  constructor(private readonly defaultSearchIndexLagMs = 0) {
    this.searchIndexLagMs = defaultSearchIndexLagMs
  }
  /** Lead conversions end in `failed` instead of `completed`. */
  failConversions = false

  add(kind: RuleKind, match: RequestMatch = {}, count: Count = 1, extra: Partial<Rule> = {}): Rule {
    const rule: Rule = {
      ...extra,
      id: this.nextId++,
      kind,
      match: { ...match },
      remaining: count === 'always' ? Infinity : count,
    }
    this.rules.push(rule)
    return rule
  }

  /** Finds the first live rule of this kind matching the request and uses one of its count. */
  take(kind: RuleKind, request: RequestIdentity): Rule | undefined {
    if (this.rules.length === 0) return undefined
    const rule = this.rules.find((r) => r.kind === kind && matches(r.match, request))
    if (!rule) return undefined
    rule.remaining -= 1
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule)
    return rule
  }

  clear(): void {
    this.rules = []
    this.searchIndexLagMs = this.defaultSearchIndexLagMs
    this.failConversions = false
  }

  list(): Array<
    Omit<Rule, 'match' | 'remaining'> & { match: Record<string, string>; remaining: Count }
  > {
    return this.rules.map((r) => ({
      ...r,
      match: Object.fromEntries(
        Object.entries(r.match).map(([k, v]) => [
          k,
          v instanceof RegExp ? v.toString() : String(v),
        ]),
      ),
      remaining: r.remaining === Infinity ? 'always' : r.remaining,
    }))
  }
}

function matches(match: RequestMatch, request: RequestIdentity): boolean {
  if (match.method && match.method.toUpperCase() !== request.method) return false
  const { path } = match
  if (path === undefined) return true
  if (path instanceof RegExp) return path.test(request.path)
  const normalized = request.path.startsWith('/v1/') ? `/api${request.path}` : request.path
  if (path.endsWith('*')) return normalized.startsWith(path.slice(0, -1))
  if (path.includes('{')) {
    const template = request.routeKey?.slice(request.routeKey.indexOf(' ') + 1)
    return template === path || template === `/api${path}`
  }
  return normalized === path || normalized === `/api${path}` || request.path === path
}
