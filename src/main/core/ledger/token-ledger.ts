import {
  apiPurposes,
  isBudgetLow,
  type ApiBudget,
  type ApiPurpose,
  type ApiUsage,
} from '../../../shared/api-usage'
import type { Db } from '../db/database'
import type { Logger } from '../log/logger'
import type { FailureKind } from '../pipedrive/failure'
import type { SentRequest } from '../pipedrive/pipedrive-http'
import { endpointCost, unknownEndpointCost } from '../pipedrive/token-cost'

/**
 * Every request Leadbox sends to Pipedrive, counted with its token cost per account, UTC day
 * and purpose, and what Pipedrive last said is left of the company's daily budget.
 */
export interface TokenLedger {
  record(account: string, request: SentRequest): void
  /** Today's use by one account; the budget only when Pipedrive said it today. */
  today(account: string): ApiUsage
  /** What is left today, or null when Pipedrive has not said (its daily headers are optional). */
  budget(account: string): ApiBudget | null
  /** Forgets days older than `keepDays`. */
  prune(keepDays?: number): void
}

export interface TokenLedgerOptions {
  now?: () => number
  log?: Logger
  /** Told when an account's budget turns low, or stops being low. */
  onBudgetChange?(account: string): void
}

/**
 * Refused before any work: Pipedrive does not charge these. Everything else that left is
 * charged, a request whose answer was lost included, since it may well have been applied.
 */
const uncharged: ReadonlySet<FailureKind> = new Set([
  'unauthorized',
  'forbidden',
  'blocked',
  'burst_limit',
  'daily_budget',
  'redirected',
])

/** The tokens a request cost by this ledger's rules (see `uncharged`). */
export function chargeOf(request: Pick<SentRequest, 'method' | 'path' | 'failure'>): number {
  if (request.failure && uncharged.has(request.failure)) return 0
  return endpointCost(request.method, request.path) ?? unknownEndpointCost
}

export const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10)

const dayMs = 24 * 60 * 60_000

export function createTokenLedger(db: Db, options: TokenLedgerOptions = {}): TokenLedger {
  const now = options.now ?? Date.now
  const add = db.prepare<[string, string, string, number]>(
    `INSERT INTO api_usage (account, day, purpose, requests, tokens) VALUES (?, ?, ?, 1, ?)
     ON CONFLICT (account, day, purpose) DO UPDATE SET
       requests = requests + 1, tokens = tokens + excluded.tokens`,
  )
  // Answers arrive out of order when requests overlap: the latest one said last.
  const setBudget = db.prepare<[string, string, number, number | null, number]>(
    `INSERT INTO api_budget (account, day, tokens_left, token_limit, seen_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (account, day) DO UPDATE SET
       tokens_left = excluded.tokens_left,
       token_limit = coalesce(excluded.token_limit, token_limit),
       seen_at = excluded.seen_at
     WHERE excluded.seen_at >= seen_at`,
  )
  const readUsage = db.prepare<
    [string, string],
    { purpose: ApiPurpose; requests: number; tokens: number }
  >('SELECT purpose, requests, tokens FROM api_usage WHERE account = ? AND day = ?')
  const readBudget = db.prepare<
    [string, string],
    { tokens_left: number; token_limit: number | null; seen_at: number }
  >('SELECT tokens_left, token_limit, seen_at FROM api_budget WHERE account = ? AND day = ?')
  const pruneUsage = db.prepare<[string]>('DELETE FROM api_usage WHERE day < ?')
  const pruneBudget = db.prepare<[string]>('DELETE FROM api_budget WHERE day < ?')
  let lastDay = utcDay(now())

  function budget(account: string): ApiBudget | null {
    const row = readBudget.get(account, utcDay(now()))
    return row ? { left: row.tokens_left, limit: row.token_limit, seenAt: row.seen_at } : null
  }

  /** What the answer says is left; a daily-budget 429 without the headers says nothing is. */
  function leftIn(request: SentRequest): { left: number; limit: number | null } | null {
    const headers = request.rateLimit
    if (headers?.dailyTokensRemaining != null) {
      return { left: Math.max(0, headers.dailyTokensRemaining), limit: headers.dailyTokenLimit }
    }
    return request.failure === 'daily_budget' ? { left: 0, limit: null } : null
  }

  function prune(keepDays = 90): void {
    const cutoff = utcDay(now() - keepDays * dayMs)
    db.transaction(() => {
      pruneUsage.run(cutoff)
      pruneBudget.run(cutoff)
    })()
  }

  return {
    record(account, request) {
      try {
        const at = now()
        const day = utcDay(at)
        const said = leftIn(request)
        const wasLow = said ? isBudgetLow(budget(account)) : false
        db.transaction(() => {
          add.run(account, day, request.purpose, chargeOf(request))
          if (said) setBudget.run(account, day, said.left, said.limit, at)
        })()
        if (day !== lastDay) {
          lastDay = day
          prune()
        }
        if (said && isBudgetLow(budget(account)) !== wasLow) options.onBudgetChange?.(account)
      } catch (error) {
        // Counting must never stand in the way of the request it counts.
        options.log?.warn({ err: error }, 'could not count a pipedrive request')
      }
    },

    today(account) {
      const day = utcDay(now())
      const rows = new Map(readUsage.all(account, day).map((row) => [row.purpose, row]))
      const byPurpose = apiPurposes.map((purpose) => ({
        purpose,
        requests: rows.get(purpose)?.requests ?? 0,
        tokens: rows.get(purpose)?.tokens ?? 0,
      }))
      return {
        day,
        requests: byPurpose.reduce((sum, row) => sum + row.requests, 0),
        tokens: byPurpose.reduce((sum, row) => sum + row.tokens, 0),
        byPurpose,
        budget: budget(account),
      }
    },

    budget,
    prune,
  }
}
