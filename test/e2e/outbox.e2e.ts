import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { startHarness, type Harness } from './harness/server'
import { collectProblems, screenshotDir } from './support/browser'
import { useChromium } from './support/use-chromium'

const tempDir = useTempDirs()
const browser = useChromium()

interface Opened {
  harness: Harness
  context: BrowserContext
  page: Page
  problems: string[]
}

const refusal = 'Pipedrive refused the value: the currency XYZ is not active in this company.'

/**
 * Three leads, as quick-add saves them: one with a new person, one with an existing
 * organization, and one Pipedrive refused. Nobody is signed in, so nothing moves on its own.
 */
function seedOutbox(harness: Harness): { refusedId: number } {
  const { outbox, db } = harness.core
  outbox.enqueueLead({ title: 'Acme renewal', person: { kind: 'new', name: 'Jane Doe' } })
  outbox.enqueueLead({ title: 'Globex pilot', organization: { kind: 'existing', id: 7 } })
  const refused = outbox.enqueueLead({
    title: 'Initech upgrade',
    organization: { kind: 'existing', id: 8 },
    value: { amount: 12_000, currency: 'EUR' },
  })
  // What the sync engine leaves after Pipedrive answers 400.
  db.prepare(
    `UPDATE outbox SET state = 'needs_attention', attempts = 1, last_error = ? WHERE id = ?`,
  ).run(refusal, refused.id)
  return { refusedId: refused.id }
}

async function openOutbox(colorScheme: 'light' | 'dark' = 'light') {
  const harness = await startHarness({ dataDir: tempDir() })
  const seeded = seedOutbox(harness)
  const context = await browser.browser.newContext({
    colorScheme,
    locale: 'en-GB',
    viewport: { width: 1100, height: 860 },
  })
  const page = await context.newPage()
  const problems = collectProblems(page)
  await page.goto(`${harness.url}/index.html`)
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
  await page.keyboard.press('Control+2')
  await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor()
  await items(page).waitFor()
  const opened: Opened = { harness, context, page, problems }
  return { ...opened, ...seeded }
}

async function close({ harness, context }: Opened) {
  await context.close()
  await harness.close()
}

const items = (page: Page) => page.getByRole('list', { name: 'Items' })
const row = (page: Page, title: string) => items(page).getByRole('listitem', { name: title })
const badge = (page: Page, title: string) => row(page, title).locator('.state-badge')
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '')

describe.each(['light', 'dark'] as const)('the outbox, %s', (scheme) => {
  it('lists every row with its kind, state, attempts and problem', async () => {
    const opened = await openOutbox(scheme)
    const { page, problems } = opened
    try {
      const titles = await items(page).locator('.outbox-row__title').allTextContents()
      expect(titles).toEqual(['Initech upgrade', 'Globex pilot', 'Acme renewal', 'Jane Doe'])
      expect(await row(page, 'Jane Doe').textContent()).toContain('New person')
      expect(await row(page, 'Acme renewal').textContent()).toMatch(/Waits for\s*“Jane Doe”/)
      expect(await badge(page, 'Acme renewal').textContent()).toBe('Queued')
      expect(await badge(page, 'Initech upgrade').textContent()).toBe('Needs attention')
      expect(await row(page, 'Initech upgrade').textContent()).toContain(refusal)
      expect(await row(page, 'Initech upgrade').textContent()).toMatch(/Attempts\s*1(?!\d)/)
      await page.screenshot({ path: join(screenshotDir, `outbox-rows-${scheme}.png`) })
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })
})

describe('the outbox', () => {
  it('discards a row only after a confirmation, taking along what waits on it', async () => {
    const opened = await openOutbox()
    const { page, harness, problems } = opened
    try {
      // By keyboard: the confirmation starts on No, and Esc backs out of it.
      const discard = row(page, 'Jane Doe').getByRole('button', { name: 'Discard' })
      await discard.focus()
      await page.keyboard.press('Enter')
      const confirmation = page.getByRole('group', { name: 'Discard “Jane Doe”?' })
      await confirmation.waitFor()
      expect(await confirmation.textContent()).toContain(
        'The new lead “Acme renewal” needs it and will be discarded too.',
      )
      await expect.poll(() => focused(page)).toBe('No, keep it')
      await page.keyboard.press('Escape')
      await discard.waitFor()
      expect(await confirmation.count()).toBe(0)
      await expect.poll(() => focused(page)).toBe('Discard')
      // Esc stayed with the confirmation: the view list did not take focus.
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Outbox')
      expect(harness.core.outbox.list().every((r) => r.state !== 'cancelled')).toBe(true)

      await page.keyboard.press('Enter')
      await page.keyboard.press('Shift+Tab')
      expect(await focused(page)).toBe('Yes, discard')
      await page.keyboard.press('Enter')

      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Discarded' }).textContent())
        .toBe('Discarded “Jane Doe” and 1 more.')
      await expect.poll(() => badge(page, 'Jane Doe').textContent()).toBe('Cancelled')
      expect(await badge(page, 'Acme renewal').textContent()).toBe('Cancelled')
      expect(await row(page, 'Jane Doe').getByRole('button').count()).toBe(0)
      // Focus stays on the row, not lost to the page.
      await expect.poll(() => focused(page)).toBe('Jane Doe')

      const states = Object.fromEntries(harness.core.outbox.list().map((r) => [r.title, r.state]))
      expect(states).toEqual({
        'Initech upgrade': 'needs_attention',
        'Globex pilot': 'queued',
        'Acme renewal': 'cancelled',
        'Jane Doe': 'cancelled',
      })

      // The inbox no longer lists the discarded lead as pending.
      await page.keyboard.press('Control+1')
      const pending = page.getByRole('list', { name: 'Waiting to sync' }).getByRole('listitem')
      await expect
        .poll(() => pending.allTextContents())
        .toEqual([
          expect.stringMatching(/^needs attentionInitech upgrade.*currency XYZ/),
          expect.stringMatching(/^pendingGlobex pilot/),
        ])
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })

  it('retries a refused row now', async () => {
    const opened = await openOutbox()
    const { page, harness, problems, refusedId } = opened
    try {
      const before = Date.now()
      await row(page, 'Initech upgrade').getByRole('button', { name: 'Retry now' }).click()
      await expect.poll(() => badge(page, 'Initech upgrade').textContent()).toBe('Queued')
      await page.getByRole('status').filter({ hasText: 'will be sent as soon as it can' }).waitFor()
      expect(await row(page, 'Initech upgrade').textContent()).toMatch(
        /Next try\s*as soon as it can/,
      )
      const retried = harness.core.outbox.get(refusedId)
      expect(retried?.state).toBe('queued')
      expect(retried?.nextAttemptAt).toBeGreaterThanOrEqual(before)
      // A sent or cancelled row offers nothing; a queued one can still be retried now.
      expect(
        await row(page, 'Globex pilot').getByRole('button', { name: 'Retry now' }).count(),
      ).toBe(1)
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })
})
