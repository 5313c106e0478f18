import type { StoreThenFailStatus } from './faults'

/**
 * How a request ended: an HTTP status, or a fault. `reset` (storeThenReset), `store-then-500`…
 * `store-then-504` (storeThenFail) and `store-then-hang` (storeThenHang) mean the request was
 * processed and its answer lost; `hang` means it was never processed nor answered.
 */
export type Outcome =
  number | 'reset' | 'hang' | `store-then-${StoreThenFailStatus}` | 'store-then-hang'

export interface LoggedRequest {
  at: number
  method: string
  path: string
  /** `GET /api/v1/leads/{id}`, or method and path when no route matched. */
  endpoint: string
  outcome: Outcome
  auth: 'api_token' | 'oauth' | null
  /** For the store-then faults: the status of the real answer, which the client never got. */
  handled?: number
  /** The client had disconnected before the answer was ready (e.g. during a `delay`). */
  clientGone?: true
}

export class RequestLog {
  private entries: LoggedRequest[] = []
  private tallies = new Map<string, Map<string, number>>()

  constructor(private readonly limit: number) {}

  record(entry: LoggedRequest): void {
    this.entries.push(entry)
    // Keep memory flat during long runs and benchmarks (trimming in batches keeps it cheap);
    // counts stay exact.
    if (this.entries.length >= this.limit * 2) this.entries = this.entries.slice(-this.limit)
    let byOutcome = this.tallies.get(entry.endpoint)
    if (!byOutcome) {
      byOutcome = new Map()
      this.tallies.set(entry.endpoint, byOutcome)
    }
    const outcome = String(entry.outcome)
    byOutcome.set(outcome, (byOutcome.get(outcome) ?? 0) + 1)
  }

  clear(): void {
    this.entries = []
    this.tallies.clear()
  }

  list(): LoggedRequest[] {
    return this.entries.slice(-this.limit).map((e) => ({ ...e }))
  }

  /** `{ 'POST /api/v1/leads': { '201': 3, reset: 1 } }` */
  counts(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {}
    for (const [endpoint, byOutcome] of this.tallies) out[endpoint] = Object.fromEntries(byOutcome)
    return out
  }

  /** Requests to an endpoint (`POST /api/v1/leads`), optionally only those with one outcome. */
  count(endpoint: string, outcome?: Outcome): number {
    const byOutcome = this.tallies.get(endpoint)
    if (!byOutcome) return 0
    if (outcome !== undefined) return byOutcome.get(String(outcome)) ?? 0
    let total = 0
    for (const n of byOutcome.values()) total += n
    return total
  }
}
