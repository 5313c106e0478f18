import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../../../test/support/temp-dir'
import { openDatabase } from '../db/database'
import { createSilentLogger } from '../log/logger'
import { noRateLimitHeaders } from '../pipedrive/rate-limit-headers'
import type { SentRequest } from '../pipedrive/pipedrive-http'
import { chargeOf, createTokenLedger } from './token-ledger'
import { unknownEndpointCost } from '../pipedrive/token-cost'

const tempDir = useTempDirs()

const request = (partial: Partial<SentRequest> = {}): SentRequest => ({
  method: 'GET',
  path: '/api/v1/leads',
  purpose: 'inbox',
  status: 200,
  failure: null,
  rateLimit: null,
  ...partial,
})

const left = (remaining: number, limit: number | null = 30_000) => ({
  ...noRateLimitHeaders,
  dailyTokensRemaining: remaining,
  dailyTokenLimit: limit,
})

describe('what a request is charged', () => {
  it('is its cost when Pipedrive did the work, or may have (a lost answer)', () => {
    expect(chargeOf(request())).toBe(20)
    expect(chargeOf(request({ status: null, failure: 'unknown_outcome' }))).toBe(20)
    expect(chargeOf(request({ status: 400, failure: 'validation' }))).toBe(20)
  })

  it('is nothing when Pipedrive refused it before any work', () => {
    for (const failure of ['unauthorized', 'burst_limit', 'daily_budget', 'blocked'] as const) {
      expect(chargeOf(request({ status: 429, failure }))).toBe(0)
    }
  })

  it('is a list’s price for an endpoint the specs do not list', () => {
    expect(chargeOf(request({ path: '/api/v1/somethingNew' }))).toBe(unknownEndpointCost)
  })
})

describe('the ledger on a database file', () => {
  it('keeps today’s counts across a restart', () => {
    const file = join(tempDir(), 'leadbox.db')
    const now = () => Date.UTC(2026, 11, 7, 12)
    const first = openDatabase(file, { log: createSilentLogger() }).db
    const ledger = createTokenLedger(first, { now })
    ledger.record('1:1', request({ rateLimit: left(900) }))
    ledger.record('1:1', request({ method: 'POST', purpose: 'capture', status: 201 }))
    first.close()

    const second = openDatabase(file, { log: createSilentLogger() }).db
    const usage = createTokenLedger(second, { now }).today('1:1')
    expect(usage).toMatchObject({ day: '2026-12-07', requests: 2, tokens: 30 })
    expect(usage.byPurpose.map((row) => [row.purpose, row.tokens])).toEqual([
      ['capture', 10],
      ['lookups', 0],
      ['inbox', 20],
      ['catalog', 0],
      ['account', 0],
    ])
    expect(usage.budget).toEqual({ left: 900, limit: 30_000, seenAt: now() })
    second.close()
  })

  it('keeps the latest answer’s budget when answers arrive out of order', () => {
    const { db } = openDatabase(join(tempDir(), 'leadbox.db'), { log: createSilentLogger() })
    let at = Date.UTC(2026, 11, 7, 12)
    const ledger = createTokenLedger(db, { now: () => at })
    ledger.record('1:1', request({ rateLimit: left(800) }))
    at -= 1000 // an answer stamped earlier, recorded later
    ledger.record('1:1', request({ rateLimit: left(850) }))
    expect(ledger.budget('1:1')?.left).toBe(800)
    db.close()
  })

  it('tells when the budget turns low and when it recovers, not at every request', () => {
    const { db } = openDatabase(join(tempDir(), 'leadbox.db'), { log: createSilentLogger() })
    const told: string[] = []
    const ledger = createTokenLedger(db, { onBudgetChange: (account) => told.push(account) })
    ledger.record('1:1', request({ rateLimit: left(20_000) }))
    ledger.record('1:1', request({ rateLimit: left(2_999) }))
    ledger.record('1:1', request({ rateLimit: left(2_979) }))
    ledger.record('1:1', request({ rateLimit: left(30_000) }))
    expect(told).toEqual(['1:1', '1:1'])
    db.close()
  })
})
