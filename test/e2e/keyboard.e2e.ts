import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { startHarness, type Harness, type HarnessOptions } from './harness/server'
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

async function open(
  path: 'index.html' | 'quick-add.html',
  options: { colorScheme?: 'light' | 'dark'; harness?: Partial<HarnessOptions> } = {},
): Promise<Opened> {
  const harness = await startHarness({ dataDir: tempDir(), ...options.harness })
  const context = await browser.browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: path === 'index.html' ? { width: 1100, height: 720 } : { width: 640, height: 320 },
  })
  const page = await context.newPage()
  const problems = collectProblems(page)
  await page.goto(`${harness.url}/${path}`)
  // The window answers keys from the commit that draws it on (early-keys.e2e.ts covers keys
  // pressed sooner).
  if (path === 'index.html') await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
  else await page.getByRole('textbox', { name: 'Describe the lead' }).waitFor()
  return { harness, context, page, problems }
}

async function close({ harness, context }: Opened) {
  await context.close()
  await harness.close()
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 })
const focused = (page: Page) =>
  page.evaluate(() => ({
    text: document.activeElement?.textContent ?? '',
    tag: document.activeElement?.tagName.toLowerCase(),
  }))

describe.each(['light', 'dark'] as const)('the shortcut overlay, %s', (scheme) => {
  it('lists every shortcut on ?, and Esc closes it', async () => {
    const opened = await open('index.html', { colorScheme: scheme })
    const { page, problems } = opened
    try {
      await page.keyboard.press('Escape')
      const before = await focused(page)

      await page.keyboard.press('?')
      const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
      await overlay.waitFor()
      // The global quick-add shortcut comes from main.
      await overlay.getByText('Ctrl+Shift+L').waitFor()
      const keys = await overlay.locator('dt kbd').allTextContents()
      for (const key of [
        'Ctrl+Shift+L',
        'Ctrl+K',
        'Ctrl+1',
        'Ctrl+2',
        'Ctrl+3',
        '?',
        'Esc',
        'j',
        'k',
        'Enter',
      ]) {
        expect(keys).toContain(key)
      }
      for (const words of ['Open the command palette', 'Select the next lead', 'Capture a lead']) {
        await overlay.getByText(words, { exact: false }).first().waitFor()
      }
      await page.screenshot({ path: join(screenshotDir, `shortcuts-overlay-${scheme}.png`) })

      // Single keys do nothing while it is open; Esc closes it and focus is back.
      await page.keyboard.press('?')
      expect(await overlay.count()).toBe(1)
      await page.keyboard.press('Escape')
      await overlay.waitFor({ state: 'detached' })
      expect(await focused(page)).toEqual(before)
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })
})

describe('a dialog closed with Esc', () => {
  it('lets the next key open another dialog before its close event has come', async () => {
    const opened = await open('index.html')
    const { page, problems } = opened
    try {
      await page.keyboard.press('Control+K')
      const palette = page.getByRole('dialog', { name: 'Command palette' })
      await palette.waitFor()
      // Esc hides a <dialog> at once and fires its close event a task later; Chromium runs a
      // quick typist's next key first. Here the key comes after the microtasks of the
      // closing task, before any later task, so the order is certain.
      await page.evaluate(async () => {
        document.querySelector('dialog')?.close()
        await Promise.resolve()
        const target = document.activeElement ?? document.body
        target.dispatchEvent(
          new KeyboardEvent('keydown', { key: '?', code: 'Slash', shiftKey: true, bubbles: true }),
        )
      })
      const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
      await overlay.waitFor()
      await palette.waitFor({ state: 'detached' })
      // Still there once the palette's close event has run.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)))
      expect(await overlay.isVisible()).toBe(true)
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })
})

describe('single keys', () => {
  it('stay letters in a text field', async () => {
    const opened = await open('index.html')
    const { page, problems } = opened
    try {
      await page.keyboard.press('Control+3')
      const token = page.getByLabel('API token', { exact: true })
      await token.focus()
      await page.keyboard.type('?jk')
      expect(await token.inputValue()).toBe('?jk')
      expect(await page.getByRole('dialog').count()).toBe(0)
      // Ctrl+K still opens the palette from a text field.
      await page.keyboard.press('Control+K')
      await page.getByRole('dialog', { name: 'Command palette' }).waitFor()
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })

  it('j and k move through the leads waiting to sync, and Enter opens one in the Outbox', async () => {
    const opened = await open('index.html')
    const { page, harness, problems } = opened
    try {
      const { outbox } = harness.core
      for (const title of ['Acme renewal', 'Globex pilot', 'Initech upgrade']) {
        outbox.enqueueLead({ title, organization: { kind: 'existing', id: 7 } })
      }
      harness.core.outboxChanged()
      const rows = page.locator('.pending-lead')
      await expect.poll(() => rows.count()).toBe(3)
      // Newest first, as the inbox lists them.
      const titles = await rows.locator('.pending-lead__title').allTextContents()
      expect(titles).toEqual(['Initech upgrade', 'Globex pilot', 'Acme renewal'])

      const selected = () =>
        page.evaluate(() => ({
          marked: [...document.querySelectorAll('[data-list-selected]')].map(
            (row) => row.querySelector('.pending-lead__title')?.textContent,
          ),
          focused: document.activeElement?.querySelector('.pending-lead__title')?.textContent,
        }))
      const expectSelected = async (title: string) =>
        expect(await selected()).toEqual({ marked: [title], focused: title })

      await page.keyboard.press('j')
      await expectSelected('Initech upgrade')
      await page.keyboard.press('j')
      await expectSelected('Globex pilot')
      await page.keyboard.press('j')
      await page.keyboard.press('j')
      await expectSelected('Acme renewal')
      await page.keyboard.press('k')
      await expectSelected('Globex pilot')
      await page.screenshot({ path: join(screenshotDir, 'inbox-selection-light.png') })

      // A lead that arrives keeps the selection on the same lead.
      outbox.enqueueLead({ title: 'Umbrella trial', organization: { kind: 'existing', id: 7 } })
      harness.core.outboxChanged()
      await expect.poll(() => rows.count()).toBe(4)
      await expect.poll(async () => (await selected()).marked).toEqual(['Globex pilot'])

      await page.keyboard.press('Enter')
      await heading(page).filter({ hasText: 'Outbox' }).waitFor()
      await expect
        .poll(() =>
          page.evaluate(() => ({
            text: document.activeElement?.textContent,
            row: document.activeElement?.closest('.outbox-row') !== null,
          })),
        )
        .toEqual({ text: 'Globex pilot', row: true })
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })
})

describe('the quick-add window', () => {
  it('clears the line on Esc, and hides on Esc when the line is empty', async () => {
    const opened = await open('quick-add.html')
    const { page, harness, problems } = opened
    try {
      const field = page.getByRole('textbox', { name: 'Describe the lead' })
      await field.waitFor()
      await field.pressSequentially('Acme renewal')
      await field.press('Escape')
      expect(await field.inputValue()).toBe('')
      expect(harness.desktop.quickAddHidden).toBe(0)
      await field.press('Escape')
      await expect.poll(() => harness.desktop.quickAddHidden).toBe(1)
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })
})

describe('Settings → Quick-add shortcut', () => {
  it('records a new shortcut, and offers another when one is taken', async () => {
    const opened = await open('index.html', {
      harness: { takenShortcuts: ['CommandOrControl+Alt+J'] },
    })
    const { page, problems } = opened
    try {
      await page.keyboard.press('Control+3')
      const section = page.getByRole('region', { name: 'Quick-add shortcut' })
      const current = section.getByTestId('quick-add-shortcut')
      await expect.poll(() => current.textContent()).toBe('Ctrl+Shift+L')

      const change = section.getByRole('button', { name: 'Change' })
      await change.focus()
      await page.keyboard.press('Enter')
      const recorder = section.getByRole('textbox', { name: 'New shortcut' })
      await expect
        .poll(() => recorder.evaluate((input) => input === document.activeElement))
        .toBe(true)

      // Recorded keys are not commands: Ctrl+2 stays in Settings.
      await page.keyboard.press('Control+2')
      expect(await heading(page).textContent()).toBe('Settings')
      expect(await recorder.inputValue()).toBe('Ctrl+2')
      // A plain letter is refused, with the reason.
      await page.keyboard.press('k')
      await section.getByText('Hold Ctrl or Alt too, so other apps keep their keys.').waitFor()
      expect(await recorder.getAttribute('aria-invalid')).toBe('true')

      await page.keyboard.press('Control+Alt+K')
      expect(await recorder.inputValue()).toBe('Ctrl+Alt+K')
      await section.screenshot({
        path: join(screenshotDir, 'settings-shortcut-recording-light.png'),
      })
      await page.keyboard.press('Enter')
      await expect.poll(() => current.textContent()).toBe('Ctrl+Alt+K')
      await section
        .getByRole('status')
        .filter({ hasText: 'Quick add now opens with Ctrl+Alt+K.' })
        .waitFor()
      await expect
        .poll(() => change.evaluate((button) => button === document.activeElement))
        .toBe(true)

      // Another application holds Ctrl+Alt+J: main keeps Ctrl+Alt+K and says so.
      await page.keyboard.press('Enter')
      await page.keyboard.press('Control+Alt+J')
      await page.keyboard.press('Enter')
      const alert = section.getByRole('alert')
      await expect
        .poll(() => alert.textContent())
        .toBe('Ctrl+Alt+J is used by another application. Pick another shortcut.')
      expect(await current.textContent()).toBe('Ctrl+Alt+K')
      await section.screenshot({ path: join(screenshotDir, 'settings-shortcut-taken-light.png') })
      // The recorder is ready for another, empty and focused.
      expect(await recorder.inputValue()).toBe('')
      await expect
        .poll(() => recorder.evaluate((input) => input === document.activeElement))
        .toBe(true)

      // Esc cancels recording, and stays in the section (it does not jump to the view list).
      await page.keyboard.press('Escape')
      await expect
        .poll(() => change.evaluate((button) => button === document.activeElement))
        .toBe(true)
      expect(await current.textContent()).toBe('Ctrl+Alt+K')
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })
})
