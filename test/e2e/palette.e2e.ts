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

async function openApp(
  colorScheme: 'light' | 'dark' = 'light',
  seed?: (harness: Harness) => void,
): Promise<Opened> {
  const harness = await startHarness({ dataDir: tempDir() })
  seed?.(harness)
  const context = await browser.browser.newContext({
    colorScheme,
    viewport: { width: 1100, height: 720 },
  })
  const page = await context.newPage()
  const problems = collectProblems(page)
  await page.goto(`${harness.url}/index.html`)
  // The frame attaches its key listeners in the commit that draws it: once the heading
  // shows, Ctrl+K works.
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
  return { harness, context, page, problems }
}

async function close({ harness, context }: Opened) {
  await context.close()
  await harness.close()
}

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' })
const search = (page: Page) => palette(page).getByRole('combobox')
const commands = (page: Page) => palette(page).getByRole('option')
const highlighted = (page: Page) => palette(page).locator('[role="option"][aria-selected="true"]')
const heading = (page: Page) => page.getByRole('heading', { level: 1 })
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '')
/** The item of the view list that has focus; null when focus is elsewhere (the page body). */
const focusedViewItem = (page: Page) =>
  page.evaluate(() =>
    document.activeElement?.closest('nav[aria-label="Views"]')
      ? (document.activeElement.querySelector('.view-nav__title')?.textContent ?? '')
      : null,
  )

const everyCommand = [
  'Go to Inbox',
  'Go to archived leads',
  'Go to Outbox',
  'Go to Settings',
  'New lead',
  'Quick add',
  'Sync now',
  'Retry all that need attention',
  'Open logs folder',
  'Change quick-add shortcut',
  'Show keyboard shortcuts',
]

async function openPalette(page: Page) {
  await page.keyboard.press('Control+K')
  await palette(page).waitFor()
  await expect
    .poll(() => search(page).evaluate((input) => input === document.activeElement))
    .toBe(true)
}

/** Types into the palette and runs what it highlights, after checking that it is `label`. */
async function run(page: Page, typed: string, label: string) {
  await openPalette(page)
  await search(page).pressSequentially(typed)
  await expect.poll(() => highlighted(page).textContent()).toContain(label)
  await page.keyboard.press('Enter')
  await palette(page).waitFor({ state: 'detached' })
}

describe.each(['light', 'dark'] as const)('the command palette, %s', (scheme) => {
  it('opens with Ctrl+K, filters as you type, and goes to the Outbox', async () => {
    const opened = await openApp(scheme)
    const { page, problems } = opened
    try {
      await openPalette(page)
      const labels = await commands(page).evaluateAll((options) =>
        options.map((option) => option.querySelector('.palette__label')?.textContent),
      )
      expect(labels).toEqual(everyCommand)
      // The first command is highlighted, and ↓ moves on.
      expect(await highlighted(page).textContent()).toContain('Go to Inbox')
      await page.keyboard.press('ArrowDown')
      expect(await highlighted(page).textContent()).toContain('Go to archived leads')
      await page.keyboard.press('ArrowUp')
      await page.screenshot({ path: join(screenshotDir, `palette-${scheme}.png`) })

      await search(page).pressSequentially('outb')
      await expect.poll(() => commands(page).count()).toBeLessThan(everyCommand.length)
      expect(await commands(page).allTextContents()).not.toContain('Go to Settings')
      await page.screenshot({ path: join(screenshotDir, `palette-filtered-${scheme}.png`) })
      expect(await highlighted(page).textContent()).toContain('Go to Outbox')
      await page.keyboard.press('Enter')

      await palette(page).waitFor({ state: 'detached' })
      await heading(page).filter({ hasText: 'Outbox' }).waitFor()
      // The frame focuses the new view's heading, as after Ctrl+2.
      expect(await focusedText(page)).toBe('Outbox')

      // Nothing matches: the palette says so.
      await openPalette(page)
      await search(page).pressSequentially('zzqx')
      await palette(page).getByText('No command or lead matches.').waitFor()
      await page.keyboard.press('Escape')
      await palette(page).waitFor({ state: 'detached' })
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })
})

describe('the first Ctrl+K', () => {
  it('opens the palette when pressed as soon as the page has run its script, before it has drawn', async () => {
    const harness = await startHarness({ dataDir: tempDir() })
    const context = await browser.browser.newContext({ viewport: { width: 1100, height: 720 } })
    const page = await context.newPage()
    const problems = collectProblems(page)
    try {
      // No wait for the frame: the key goes in as the window opens. Early keys are held
      // and pressed again once the app listens (test/e2e/early-keys.e2e.ts times them exactly).
      await page.goto(`${harness.url}/index.html`, { waitUntil: 'domcontentloaded' })
      await page.keyboard.press('Control+K')
      await palette(page).waitFor()
      await expect
        .poll(() => search(page).evaluate((input) => input === document.activeElement))
        .toBe(true)
      expect(problems).toEqual([])
    } finally {
      await context.close()
      await harness.close()
    }
  })
})

describe('commands of the palette', () => {
  it('runs Sync now, and Esc closes it with focus back where it was', async () => {
    const opened = await openApp()
    const { page, harness, problems } = opened
    const wakes: string[] = []
    const wake = harness.core.sync.wake.bind(harness.core.sync)
    harness.core.sync.wake = (reason) => {
      wakes.push(reason)
      wake(reason)
    }
    try {
      // Esc puts focus on the view list; the palette returns it there.
      await page.keyboard.press('Escape')
      expect(await focusedViewItem(page)).toBe('Inbox')
      await openPalette(page)
      await page.keyboard.press('Escape')
      await palette(page).waitFor({ state: 'detached' })
      expect(await focusedViewItem(page)).toBe('Inbox')
      // Ctrl+K toggles it, too.
      await openPalette(page)
      await page.keyboard.press('Control+K')
      await palette(page).waitFor({ state: 'detached' })

      await run(page, 'sync', 'Sync now')
      await expect.poll(() => wakes).toEqual(['sync now'])
      // Nobody is signed in here, and the palette says what that means.
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: /sync/i }).textContent())
        .toBe('Nothing can sync until a Pipedrive account is connected in Settings.')
      expect(await focusedViewItem(page)).toBe('Inbox')
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })

  it('retries every lead that needs attention, opens the logs folder, and finds the shortcut setting', async () => {
    const opened = await openApp('light', (harness) => {
      const { outbox, db } = harness.core
      const first = outbox.enqueueLead({
        title: 'Acme renewal',
        organization: { kind: 'existing', id: 7 },
      })
      const second = outbox.enqueueLead({
        title: 'Globex pilot',
        organization: { kind: 'existing', id: 8 },
      })
      outbox.enqueueLead({ title: 'Initech upgrade', organization: { kind: 'existing', id: 9 } })
      for (const row of [first, second]) {
        db.prepare(
          `UPDATE outbox SET state = 'needs_attention', attempts = 1, last_error = 'refused' WHERE id = ?`,
        ).run(row.id)
      }
    })
    const { page, harness, problems } = opened
    try {
      await openPalette(page)
      await search(page).pressSequentially('retry')
      await expect.poll(() => highlighted(page).textContent()).toContain('2 items')
      await page.keyboard.press('Enter')
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Retrying' }).textContent())
        .toBe('Retrying 2 items that needed attention.')
      expect(harness.core.outbox.list().filter((row) => row.state === 'needs_attention')).toEqual(
        [],
      )

      await run(page, 'logs', 'Open logs folder')
      await expect.poll(() => harness.opened.folders).toEqual([harness.core.logDir])

      await run(page, 'quick-add shortcut', 'Change quick-add shortcut')
      await heading(page).filter({ hasText: 'Settings' }).waitFor()
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe('change-quick-add-shortcut')

      // "Quick add" shows the quick-add window, as the global shortcut does.
      await run(page, 'quick add', 'Quick add')
      await expect.poll(() => harness.desktop.quickAddShown).toBe(1)

      await run(page, 'keyboard', 'Show keyboard shortcuts')
      const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
      await overlay.waitFor()
      await page.keyboard.press('Escape')
      await overlay.waitFor({ state: 'detached' })
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })
})
