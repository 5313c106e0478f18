// Pipedrive's token-based rate limiting: a rolling burst window per token, a tighter window for
// search, a daily token budget per company, and Cloudflare's block for clients that ignore 429s.
import { apiTokenBurst } from './app'
import type { Config } from './app'
import type { Principal } from './auth'
import type { Reply } from './http'
import { checkDocs, failure, html } from './http'

export type Admission = { ok: true; headers: Record<string, string> } | { ok: false; reply: Reply }

interface Strikes {
  count: number
  blockedUntil: number
}

export class RateLimiter {
  private windows = new Map<string, number[]>()
  private searchWindows = new Map<string, number[]>()
  private strikes = new Map<string, Strikes>()
  private day = -1
  private remaining = 0
  /** A timed exhaustion (exhaust(forMs)): what to give back and when, by the sandbox clock. */
  private exhausted: { id: number; until: number; restore: number } | null = null
  private exhaustions = 0

  constructor(
    private readonly config: Config['limits'],
    private readonly now: () => number,
  ) {
    this.rollDay()
  }

  reset(): void {
    this.windows.clear()
    this.searchWindows.clear()
    this.strikes.clear()
    this.exhausted = null
    this.day = -1
    this.rollDay()
  }

  get enabled(): boolean {
    return this.config.enabled
  }

  burstLimit(principal: Principal): number {
    const base = apiTokenBurst[this.config.plan]
    return principal.kind === 'oauth' ? base * 4 : base
  }

  budget(): { limit: number; remaining: number } {
    this.rollDay()
    return { limit: this.config.dailyTokens, remaining: this.remaining }
  }

  setRemaining(tokens: number): void {
    this.rollDay()
    this.exhausted = null
    this.remaining = Math.max(0, Math.min(tokens, this.config.dailyTokens))
  }

  /**
   * Spends the whole budget. With forMs the tokens come back after that long on the sandbox
   * clock, or when lift(id) is called with the returned id (the sandbox's wall-clock timer),
   * whichever comes first; a budget set or exhausted again in between is left alone.
   */
  exhaust(forMs?: number): number {
    this.rollDay()
    const id = ++this.exhaustions
    if (forMs === undefined) {
      this.exhausted = null
    } else {
      const restore = this.exhausted?.restore ?? this.remaining
      this.exhausted = { id, until: this.now() + forMs, restore }
    }
    this.remaining = 0
    return id
  }

  lift(id: number): void {
    if (this.exhausted?.id !== id) return
    this.remaining = this.exhausted.restore
    this.exhausted = null
  }

  /** Decides whether a call may proceed and charges its token cost when it does. */
  admit(principal: Principal, cost: number, search: boolean): Admission {
    if (!this.config.enabled) return { ok: true, headers: {} }
    const now = this.now()
    this.rollDay()
    const strikes = this.strikesFor(principal)
    if (strikes && strikes.blockedUntil > now) return { ok: false, reply: cloudflareBlock() }

    const burst = prune(this.windows, principal.limiterKey, now - this.config.windowMs)
    const searches = search
      ? prune(this.searchWindows, principal.limiterKey, now - this.config.windowMs)
      : null
    const burstLimit = this.burstLimit(principal)
    const limited =
      this.remaining <= 0 ||
      burst.length >= burstLimit ||
      (searches !== null && searches.length >= this.config.searchLimit)

    if (limited) {
      if (strikes && ++strikes.count > this.config.blockAfter) {
        strikes.blockedUntil = now + this.config.blockMs
        return { ok: false, reply: cloudflareBlock() }
      }
      const headers = this.headers(burst, searches, burstLimit, now)
      if (this.config.retryAfter) headers['retry-after'] = headers['x-ratelimit-reset'] ?? '2'
      const reply =
        this.remaining <= 0
          ? tooManyRequests('Daily token limit exceeded', headers)
          : tooManyRequests('Too many requests', headers)
      return { ok: false, reply }
    }

    if (strikes) strikes.count = 0
    burst.push(now)
    searches?.push(now)
    this.remaining = Math.max(0, this.remaining - cost)
    return { ok: true, headers: this.headers(burst, searches, burstLimit, now) }
  }

  /** Headers for a response that did not go through admit (forced faults). */
  peekHeaders(principal: Principal | null): Record<string, string> {
    if (!this.config.enabled || !principal) return {}
    const now = this.now()
    const burst = prune(this.windows, principal.limiterKey, now - this.config.windowMs)
    return this.headers(burst, null, this.burstLimit(principal), now)
  }

  private headers(
    burst: number[],
    searches: number[] | null,
    burstLimit: number,
    now: number,
  ): Record<string, string> {
    // A search call reports whichever window is tighter for it.
    const useSearch =
      searches !== null && this.config.searchLimit - searches.length < burstLimit - burst.length
    const window = useSearch && searches ? searches : burst
    const limit = useSearch ? this.config.searchLimit : burstLimit
    const oldest = window[0]
    const reset = oldest === undefined ? 0 : Math.ceil((oldest + this.config.windowMs - now) / 1000)
    const burstHeaders = {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - window.length)),
      'x-ratelimit-reset': String(Math.max(0, reset)),
    }
    if (!this.config.dailyHeaders) return burstHeaders
    return {
      ...burstHeaders,
      'x-daily-ratelimit-token-limit': String(this.config.dailyTokens),
      'x-daily-ratelimit-token-remaining': String(this.remaining),
    }
  }

  /** Only API-token traffic gets Cloudflare's block; OAuth apps keep getting 429. */
  private strikesFor(principal: Principal): Strikes | undefined {
    if (principal.kind !== 'api_token') return undefined
    let strikes = this.strikes.get(principal.limiterKey)
    if (!strikes) {
      strikes = { count: 0, blockedUntil: 0 }
      this.strikes.set(principal.limiterKey, strikes)
    }
    return strikes
  }

  /** The budget resets at midnight, server time (UTC here); a timed exhaustion may end first. */
  private rollDay(): void {
    const day = Math.floor(this.now() / 86_400_000)
    if (day !== this.day) {
      this.day = day
      this.exhausted = null
      this.remaining = this.config.dailyTokens
    }
    if (this.exhausted && this.now() >= this.exhausted.until) this.lift(this.exhausted.id)
  }
}

function prune(windows: Map<string, number[]>, key: string, after: number): number[] {
  let window = windows.get(key)
  if (!window) {
    window = []
    windows.set(key, window)
  }
  while (window.length > 0 && (window[0] as number) <= after) window.shift()
  return window
}

export function tooManyRequests(error: string, headers: Record<string, string>): Reply {
  const reply = failure(429, error, checkDocs)
  return { ...reply, headers: { ...reply.headers, ...headers } }
}

export function cloudflareBlock(): Reply {
  const ray = Math.random().toString(16).slice(2, 18)
  return html(
    403,
    `<!DOCTYPE html>
<html lang="en-US">
<head><title>Attention Required! | Cloudflare</title><meta charset="UTF-8"></head>
<body>
<div id="cf-wrapper">
<h1 data-translate="block_headline">Sorry, you have been blocked</h1>
<h2>You are unable to access pipedrive.com</h2>
<p>This error is produced by Cloudflare. This website is using a security service to protect itself from online attacks. The action you just performed triggered the security solution.</p>
<p>Cloudflare Ray ID: <strong>${ray}</strong></p>
</div>
</body>
</html>`,
    { 'cf-ray': `${ray}-HAM`, server: 'cloudflare' },
  )
}
