import type { Handler } from './http'

export type Api = 'v1' | 'v2' | 'oauth'

export interface Route {
  method: string
  /** The path as written in the spec, e.g. `/leads/{id}`. */
  template: string
  api: Api
  handler: Handler
  /** Search endpoints share a tighter burst window. */
  search?: boolean
  /** `GET /api/v1/leads/{id}`: how token costs, scopes and the request log name it. */
  key: string
  segments: string[]
}

export interface RouteMatch {
  route: Route
  params: Record<string, string>
}

const mounts: Record<Api, string[]> = {
  // v1 answers under both prefixes; v2 only under /api/v2 (v2 migration guide).
  v1: ['/api/v1', '/v1'],
  v2: ['/api/v2'],
  oauth: [''],
}

const keyPrefix: Record<Api, string> = { v1: '/api/v1', v2: '/api/v2', oauth: '' }

export type Lookup =
  { kind: 'found'; match: RouteMatch } | { kind: 'wrong-method'; api: Api } | { kind: 'none' }

/** A tiny method + path router; static segments win over `{param}` segments. */
export class Router {
  private readonly routes: Route[] = []

  add(
    method: string,
    api: Api,
    template: string,
    handler: Handler,
    extra: { search?: boolean } = {},
  ): void {
    const key = `${method} ${keyPrefix[api]}${template}`
    for (const mount of mounts[api]) {
      const segments = `${mount}${template}`.split('/').filter(Boolean)
      this.routes.push({ method, template, api, handler, key, segments, ...extra })
    }
    this.routes.sort((a, b) => paramCount(a) - paramCount(b))
  }

  lookup(method: string, path: string): Lookup {
    const parts = path.split('/').filter(Boolean)
    let wrongMethod: Api | undefined
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts)
      if (!params) continue
      if (route.method === method) return { kind: 'found', match: { route, params } }
      wrongMethod ??= route.api
    }
    return wrongMethod ? { kind: 'wrong-method', api: wrongMethod } : { kind: 'none' }
  }
}

function paramCount(route: Route): number {
  return route.segments.filter((s) => s.startsWith('{')).length
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as string
    const actual = parts[i] as string
    if (expected.startsWith('{')) {
      try {
        params[expected.slice(1, -1)] = decodeURIComponent(actual)
      } catch {
        return null
      }
    } else if (expected !== actual) {
      return null
    }
  }
  return params
}
