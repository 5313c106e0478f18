import { describe, expect, it } from 'vitest'
import { useRigs } from '../core/accounts/testing'
import type { Desktop } from './desktop'
import { createHandlers } from './handlers'

// The handlers over a real core signed in to the sandbox; the desktop is not needed here.

const rigs = useRigs()

describe('leads:list', () => {
  it('reads archived leads from Pipedrive when the archive is opened, once', async () => {
    const { r, urls } = await rigs.signedIn('leads:changed', true)
    await expect.poll(() => r.core.inbox.list({ limit: 10, offset: 0 }).total).toBe(3)
    // Ten minutes after sign-in's read of the archive: stale by then.
    r.core.inbox.setMeta('archived.checkedAt', String(Date.now() - 10 * 60_000))
    urls.length = 0
    const handlers = createHandlers(r.core, {} as Desktop)
    const archived = () => urls.filter((u) => u.pathname === '/api/v1/leads/archived').length

    await handlers['leads:list']({ limit: 50, offset: 0 })
    expect(archived()).toBe(0)
    await handlers['leads:list']({ archived: true, limit: 50, offset: 0 })
    await expect.poll(archived).toBe(1)
    await expect.poll(() => r.core.inboxRefresher.status().refreshing).toBe(false)
    await handlers['leads:list']({ archived: true, limit: 50, offset: 0 })
    await handlers['leads:list']({ archived: true, limit: 50, offset: 50 })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(archived()).toBe(1)
  })
})
