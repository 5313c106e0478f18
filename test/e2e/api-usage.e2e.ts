import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seedIds } from '../pipedrive-sandbox/seed'
import { screenshotDir } from './support/browser'
import { useInboxRig } from './support/inbox-rig'
import { goToView } from './support/views'

const rig = useInboxRig()

const indicator = (page: Page) => page.getByRole('status', { name: /^Sync status:/ })
const usageSection = (page: Page) => page.getByRole('region', { name: 'Pipedrive API use today' })
const number = new Intl.NumberFormat('en-US')

describe("Pipedrive's API budget", () => {
  it("shows today's use in Settings after a sync, and the sidebar warns before the budget runs out", async () => {
    const { page, problems, sandbox: box, harness: h } = await rig.openInbox({ locale: 'en-US' })
    h.core.outbox.enqueueLead({
      title: 'Budgeted renewal',
      organization: { kind: 'existing', id: seedIds.organizations.acme },
    })
    h.core.outboxChanged()
    await expect.poll(() => h.core.outbox.counts().sent, { timeout: 15_000 }).toBe(1)
    await h.core.sync.idle()

    await goToView(page, 'Settings')
    const section = usageSection(page)
    await section.waitFor()
    const { limit } = box.state.dailyBudget
    const read = (text: string, pattern: RegExp) =>
      Number(pattern.exec(text)?.[1]?.replaceAll(',', '') ?? NaN)
    const left = (text: string) => read(text, /Left for your company today([\d,]+) of/)
    const leftShown = async () => left((await section.textContent()) ?? '')
    await expect.poll(leftShown).toBeLessThan(limit)
    const text = (await section.textContent()) ?? ''
    // Only Leadbox spends the sandbox's budget: what it counted is what Pipedrive charged.
    expect(read(text, /Used by Leadbox today([\d,]+) tokens/) + left(text)).toBe(limit)
    expect(left(text)).toBeGreaterThanOrEqual(box.state.dailyBudget.remaining)
    expect(text).toContain(`of ${number.format(limit)} tokens`)
    expect(text).toContain('Sending leads and changes10 tokens (1 request)')
    expect(text).not.toMatch(/capture|lookups|x-daily|undefined|NaN/)
    expect(await indicator(page).getAttribute('aria-label')).not.toMatch(/budget/i)

    // Other integrations of the company spent nearly all of today's budget.
    box.faults.setDailyBudget(1_000)
    await h.core.inboxRefresher.refresh()
    await expect
      .poll(() => indicator(page).getAttribute('aria-label'))
      .toMatch(/\. Daily API budget almost used up: [\d,]+ of [\d,]+ tokens left$/)
    expect(await indicator(page).textContent()).toContain('Daily API budget almost used up')
    await section.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(screenshotDir, 'api-usage-light.png') })
    // Settings follows as the budget turns low (a refresh may still spend a little after).
    await expect.poll(leftShown).toBeLessThanOrEqual(1_000)
    expect(await leftShown()).toBeGreaterThanOrEqual(box.state.dailyBudget.remaining)
    expect(problems).toEqual([])
  })
})
