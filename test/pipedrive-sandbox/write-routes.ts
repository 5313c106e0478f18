// Every write endpoint the app uses, with a request that makes one record and a way to count
// what that request left in the sandbox: for the tests that lose answers after the write.
import type { RequestMatch, Sandbox } from './index'
import { seedIds } from './index'

export interface WriteRoute {
  /** The request log's endpoint name, e.g. `POST /api/v1/leads`. */
  endpoint: string
  match: RequestMatch
  path: string
  body?: unknown
  /** How many times the write took effect (records made, or the change applied). */
  stored(sandbox: Sandbox): number
}

const { activities, leads, persons } = seedIds

export const writeRoutes: WriteRoute[] = [
  {
    endpoint: 'POST /api/v1/leads',
    match: { method: 'POST', path: '/api/v1/leads' },
    path: '/api/v1/leads',
    body: { title: 'Lost answer lead', person_id: persons.maria },
    stored: (s) => s.state.leads.filter((l) => l.title === 'Lost answer lead').length,
  },
  {
    endpoint: 'PATCH /api/v1/leads/{id}',
    match: { method: 'PATCH', path: '/api/v1/leads/{id}' },
    path: `/api/v1/leads/${leads.lena}`,
    body: { title: 'Renamed, answer lost' },
    stored: (s) => s.state.leads.filter((l) => l.title === 'Renamed, answer lost').length,
  },
  {
    endpoint: 'DELETE /api/v1/leads/{id}',
    match: { method: 'DELETE', path: '/api/v1/leads/{id}' },
    path: `/api/v1/leads/${leads.blueRiver}`,
    stored: (s) =>
      s.state.removedLeads.filter((r) => r.removed === 'deleted' && r.lead.id === leads.blueRiver)
        .length,
  },
  {
    endpoint: 'POST /api/v2/persons',
    match: { method: 'POST', path: '/api/v2/persons' },
    path: '/api/v2/persons',
    body: { name: 'Lost Answer Person' },
    stored: (s) => s.state.persons.filter((p) => p.name === 'Lost Answer Person').length,
  },
  {
    endpoint: 'POST /api/v2/organizations',
    match: { method: 'POST', path: '/api/v2/organizations' },
    path: '/api/v2/organizations',
    body: { name: 'Lost Answer Org' },
    stored: (s) => s.state.organizations.filter((o) => o.name === 'Lost Answer Org').length,
  },
  {
    endpoint: 'POST /api/v1/notes',
    match: { method: 'POST', path: '/api/v1/notes' },
    path: '/api/v1/notes',
    body: { content: 'Lost answer note', lead_id: leads.lena },
    stored: (s) => s.state.notes.filter((n) => n.content === 'Lost answer note').length,
  },
  {
    endpoint: 'POST /api/v2/activities',
    match: { method: 'POST', path: '/api/v2/activities' },
    path: '/api/v2/activities',
    body: {
      subject: 'Lost answer call',
      type: 'call',
      lead_id: leads.lena,
      due_date: '2026-12-01',
    },
    stored: (s) => s.state.activities.filter((a) => a.subject === 'Lost answer call').length,
  },
  {
    endpoint: 'PATCH /api/v2/activities/{id}',
    match: { method: 'PATCH', path: '/api/v2/activities/{id}' },
    path: `/api/v2/activities/${activities.callMaria}`,
    body: { done: true },
    stored: (s) =>
      s.state.activities.filter((a) => a.id === activities.callMaria && a.done === true).length,
  },
  {
    endpoint: 'POST /api/v2/leads/{id}/convert/deal',
    match: { method: 'POST', path: '/api/v2/leads/{id}/convert/deal' },
    path: `/api/v2/leads/${leads.lena}/convert/deal`,
    body: {},
    stored: (s) => s.state.conversions.filter((c) => c.lead_id === leads.lena).length,
  },
]

/** Sends a route's request; a plain fetch, so tests can pass an AbortSignal. */
export function send(sandbox: Sandbox, route: WriteRoute, signal?: AbortSignal): Promise<Response> {
  const method = route.match.method ?? 'POST'
  return fetch(`${sandbox.url}${route.path}`, {
    method,
    headers: {
      'x-api-token': sandbox.apiToken,
      ...(route.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: route.body === undefined ? undefined : JSON.stringify(route.body),
    signal,
  })
}

/** The network-level error code behind a failed fetch (ECONNRESET, AbortError, …). */
export async function networkError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    const cause = (error as { cause?: { code?: string; name?: string } }).cause
    return cause?.code ?? cause?.name ?? (error as Error).name
  }
  throw new Error('expected the request to fail')
}

/** Retries an assertion for up to `ms`; for effects that land a moment later. */
export async function eventually(assertion: () => void | Promise<void>, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms
  for (;;) {
    try {
      return await assertion()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
}
