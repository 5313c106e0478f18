import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/main/core/db/migrate'
import { contentSecurityPolicy } from '../../src/shared/csp'
import { damageLeafPageOf } from '../support/damaged-database'
import { largeDatabase } from '../support/large-database'
import { useTempDirs } from '../support/temp-dir'
import { startHarness, type Harness } from './harness/server'
import { collectProblems, screenshotDir } from './support/browser'
import { useChromium } from './support/use-chromium'

const tempDir = useTempDirs()
const browser = useChromium()
let harness: Harness

async function openApp(colorScheme: 'light' | 'dark', dataDir = tempDir()) {
  harness = await startHarness({ dataDir })
  const context: BrowserContext = await browser.browser.newContext({
    colorScheme,
    viewport: { width: 1100, height: 720 },
  })
  const page = await context.newPage()
  const problems = collectProblems(page)
  await page.goto(`${harness.url}/index.html`)
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
  return { page, problems, context }
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 })

describe.each(['light', 'dark'] as const)('the app frame, %s', (scheme) => {
  it('moves between views by keyboard and shows what a newcomer does first', async () => {
    const { page, problems, context } = await openApp(scheme)
    try {
      await page.getByRole('heading', { name: 'No leads yet' }).waitFor()
      await page.screenshot({ path: join(screenshotDir, `inbox-${scheme}.png`) })

      await page.keyboard.press('Control+2')
      await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor()
      await page.getByRole('heading', { name: 'Nothing waiting to sync' }).waitFor()
      await page.screenshot({ path: join(screenshotDir, `outbox-${scheme}.png`) })

      await page.keyboard.press('Control+3')
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
      await page.getByText('0.0.0-harness').waitFor()
      await page.screenshot({ path: join(screenshotDir, `settings-${scheme}.png`) })

      // Arrow keys move along the navigation, Enter opens the view.
      await page.keyboard.press('Escape')
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Settings')
      await page.keyboard.press('Home')
      await page.keyboard.press('Enter')
      expect(await heading(page).textContent()).toBe('Inbox')

      // Focus is visible where the keyboard put it.
      await page.keyboard.press('Control+2')
      await page.keyboard.press('Escape')
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element)
        return `${style.outlineStyle} ${style.outlineWidth}`
      })
      expect(outline).not.toMatch(/^none|\b0px/)

      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
      const [r = 0, g = 0, b = 0] = background.match(/\d+/g)!.map(Number)
      const luminance = (r + g + b) / 3
      if (scheme === 'dark') expect(luminance).toBeLessThan(80)
      else expect(luminance).toBeGreaterThan(200)

      expect(problems).toEqual([])
    } finally {
      await context.close()
      await harness.close()
    }
  })
})

describe('the app against its main process', () => {
  it('says in Settings, in plain words, when the check after the start finds damage', async () => {
    const dataDir = tempDir()
    largeDatabase(join(dataDir, 'leadbox.db'), true)
    const { page, problems, context } = await openApp('light', dataDir)
    try {
      // The app answered before the check; it runs a few seconds later, a table at a time.
      await harness.core.integrityCheck?.done
      await page.keyboard.press('Control+3')
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
      const notice = page.getByRole('region', {
        name: 'The database is damaged: restart Leadbox to repair it',
      })
      await notice.getByText(/^A check while Leadbox ran found damage in its database\./).waitFor()
      // SQLite's own words stay folded away until asked for.
      expect(await notice.getByText(/the table filler is damaged/).isVisible()).toBe(false)
      await notice.getByText('Technical details').click()
      await notice.getByText(/the table filler is damaged/).waitFor()
      await page.getByText('Damaged', { exact: true }).waitFor()
      expect(problems).toEqual([])
    } finally {
      await context.close()
      await harness.close()
    }
  })

  it('says in Settings how many unsent changes came back from a damaged database', async () => {
    const dataDir = tempDir()
    const file = join(dataDir, 'leadbox.db')
    const seed = new Database(file)
    migrate(seed)
    const insert = seed.prepare(
      `INSERT INTO outbox (client_id, kind, state, payload, title, created_at, updated_at)
       VALUES (?, 'lead.create', ?, '{"title":"x"}', 'Lead', 1, 2)`,
    )
    for (let i = 0; i < 14; i++) insert.run(`c${i}`, i < 12 ? 'queued' : 'sent')
    const filler = seed.prepare('INSERT INTO catalog_person (id, name) VALUES (?, ?)')
    for (let i = 1; i <= 1500; i++) filler.run(i, `Person ${i} ${'x'.repeat(20)}`)
    seed.close()
    damageLeafPageOf(file, 'catalog_person')
    const { page, problems, context } = await openApp('light', dataDir)
    try {
      await page.keyboard.press('Control+3')
      const notice = page.getByRole('region', {
        name: 'The database was damaged and has been replaced',
      })
      await notice
        .getByText(
          /^Leadbox's database was damaged\. It was set aside as leadbox\.db\.damaged-\S+, and 12 changes not yet sent to Pipedrive were recovered\./,
        )
        .waitFor()
      await page.getByText('Recovered', { exact: true }).waitFor()
      await page.keyboard.press('Control+2')
      await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor()
      expect(problems).toEqual([])
    } finally {
      await context.close()
      await harness.close()
    }
  })

  it('shows connectivity as main reports it, pushed by events', async () => {
    const { page, problems, context } = await openApp('light')
    try {
      const status = page.getByRole('status', { name: /^Sync status/ })
      await expect.poll(() => status.getAttribute('aria-label')).toMatch(/Online/)
      harness.network.set(false)
      await expect.poll(() => status.getAttribute('aria-label')).toMatch(/Offline/)
      harness.network.set(true)
      await expect.poll(() => status.getAttribute('aria-label')).toMatch(/Online/)
      expect(problems).toEqual([])
    } finally {
      await context.close()
      await harness.close()
    }
  })

  it('opens the logs folder through main', async () => {
    const { page, context } = await openApp('light')
    try {
      await page.keyboard.press('Control+3')
      await page.getByRole('button', { name: 'Open logs folder' }).click()
      await expect.poll(() => harness.opened.folders).toEqual([join(harness.core.logDir)])
    } finally {
      await context.close()
      await harness.close()
    }
  })

  it('serves every page under the strict policy, and main refuses foreign senders', async () => {
    const { page, context } = await openApp('light')
    try {
      const response = await page.request.get(`${harness.url}/quick-add.html`)
      expect(response.headers()['content-security-policy']).toBe(contentSecurityPolicy)
      const meta = await page
        .locator('meta[http-equiv="Content-Security-Policy"]')
        .getAttribute('content')
      expect(meta).not.toMatch(/unsafe/)

      // Inline script is refused by the page's policy.
      const inlineRan = await page.evaluate(() => {
        const script = document.createElement('script')
        script.textContent = 'window.__inline = true'
        document.head.append(script)
        return (window as unknown as { __inline?: boolean }).__inline === true
      })
      expect(inlineRan).toBe(false)

      const foreign = await page.request.post(`${harness.url}/__harness/ipc/app:getInfo`, {
        data: {},
        headers: { referer: 'https://evil.test/index.html' },
      })
      expect(await foreign.json()).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } })
      const malformed = await page.evaluate(() =>
        (
          window as unknown as { leadbox: { app: { openLink(p: unknown): Promise<unknown> } } }
        ).leadbox.app.openLink({
          url: 42,
        }),
      )
      expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
      expect(harness.opened.links).toEqual([])
    } finally {
      await context.close()
      await harness.close()
    }
  })

  it('shows the quick-add window ready to type', async () => {
    const { page, context, problems } = await openApp('light')
    try {
      await page.goto(`${harness.url}/quick-add.html`)
      const field = page.getByRole('textbox', { name: 'Describe the lead' })
      await field.waitFor()
      expect(
        await page.evaluate(
          () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id,
        ),
      ).toBeTruthy()
      await page.screenshot({ path: join(screenshotDir, 'quick-add-empty-light.png') })
      expect(problems).toEqual([])
    } finally {
      await context.close()
      await harness.close()
    }
  })
})
