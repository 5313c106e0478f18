import type { RateLimitHeaders } from './failure'

function intHeader(headers: Headers, name: string): number | null {
  const value = headers.get(name)
  if (value === null || value.trim() === '') return null
  const number = Number(value)
  return Number.isFinite(number) ? number : null
}

/** Retry-After is seconds or an HTTP date; either way, seconds from `now`. */
function retryAfter(headers: Headers, now: number): number | null {
  const value = headers.get('retry-after')
  if (value === null || value.trim() === '') return null
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds)
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000))
}

/** Pipedrive's rate-limit headers; every one of them may be missing. */
export function readRateLimitHeaders(headers: Headers, now: number = Date.now()): RateLimitHeaders {
  return {
    limit: intHeader(headers, 'x-ratelimit-limit'),
    remaining: intHeader(headers, 'x-ratelimit-remaining'),
    resetSeconds: intHeader(headers, 'x-ratelimit-reset'),
    dailyTokensRemaining: intHeader(headers, 'x-daily-ratelimit-token-remaining'),
    dailyTokenLimit: intHeader(headers, 'x-daily-ratelimit-token-limit'),
    retryAfterSeconds: retryAfter(headers, now),
  }
}

export const noRateLimitHeaders: RateLimitHeaders = {
  limit: null,
  remaining: null,
  resetSeconds: null,
  dailyTokensRemaining: null,
  dailyTokenLimit: null,
  retryAfterSeconds: null,
}
