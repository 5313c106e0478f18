import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { startHarness, type Harness } from './harness/server'
import { collectProblems } from './support/browser'
import { useChromium } from './support/use-chromium'

// Keys pressed the moment a window opens: before the app has drawn anything, as it draws its
// frame, or while its first queries are still out. Each must do what it does later.

const tempDir = useTempDirs()
const browser = useChromium()

interface Opened {
  harness: Harness
  context: BrowserContext
  page: Page
  problems: string[]
}

async function newPage(path: 'index.html' | 'quick-add.html'): Promise<Opened> {
  const harness = await startHarness({ dataDir: tempDir() })
  const context = await browser.browser.newContext({
    viewport: path === 'index.html' ? { width: 1100, height: 720 } : { width: 640, height: 320 },
  })
  const page = await context.newPage()
  const problems = collectProblems(page)
  return { harness, context, page, problems }
}

/** A lead waiting to sync, so the inbox shows its toolbar (and search) once loaded. */
function seedWaitingLead(harness: Harness) {
  harness.core.outbox.enqueueLead({
    title: 'Acme renewal',
    organization: { kind: 'existing', id: 7 },
  })
}

const search = (page: Page) => page.getByRole('searchbox', { name: 'Search' })
const searchHasFocus = (page: Page) =>
  search(page).evaluate((field) => field === document.activeElement)

async function close({ harness, context }: Opened) {
  await context.close()
  await harness.close()
}

/** A key as the browser reports it. */
interface Key {
  key: string
  code: string
  ctrlKey?: boolean
  shiftKey?: boolean
}

const keys = {
  'Control+K': { key: 'k', code: 'KeyK', ctrlKey: true },
  'Control+2': { key: '2', code: 'Digit2', ctrlKey: true },
  '?': { key: '?', code: 'Slash', shiftKey: true },
  n: { key: 'n', code: 'KeyN' },
} satisfies Record<string, Key>

const typed = (text: string): Key[] =>
  [...text].map((key) => ({ key, code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : '' }))

/**
 * When the keys come:
 * - `before drawn`: once the page's script has run (DOMContentLoaded), before React's first
 *   render, which comes in a task of its own;
 * - `as drawn`: in the very task that puts the window's first heading on screen (a mutation
 *   observer runs at its end), before anything that task left for later.
 */
type Moment = 'before drawn' | 'as drawn'

interface Pressed {
  pressed: boolean
  /** Whether the app had drawn anything when the keys came. */
  drawn: boolean
}

/**
 * Presses `presses` in the page at `moment`, as the browser would (keydown, keypress when the
 * key types a character, keyup, at the focused element): Playwright's keyboard cannot be
 * timed to a task of the page.
 */
async function pressAt(page: Page, moment: Moment, presses: Key[]) {
  await page.addInitScript(
    ({ moment, presses }) => {
      const state: Pressed = { pressed: false, drawn: false }
      Object.defineProperty(window, '__earlyKeys', { value: state })
      const pressAll = () => {
        state.pressed = true
        state.drawn = (document.getElementById('root')?.childElementCount ?? 0) > 0
        for (const press of presses) {
          const init = { ...press, bubbles: true, cancelable: true, composed: true }
          const target = document.activeElement ?? document.body
          target.dispatchEvent(new KeyboardEvent('keydown', init))
          if ([...press.key].length === 1 && !press.ctrlKey) {
            target.dispatchEvent(new KeyboardEvent('keypress', init))
          }
          target.dispatchEvent(new KeyboardEvent('keyup', init))
        }
      }
      if (moment === 'before drawn') {
        document.addEventListener('DOMContentLoaded', pressAll, { once: true })
        return
      }
      const observer = new MutationObserver(() => {
        if (!document.querySelector('h1')) return
        observer.disconnect()
        pressAll()
      })
      observer.observe(document, { childList: true, subtree: true })
    },
    { moment, presses },
  )
}

const pressed = (page: Page) =>
  page.evaluate(() => (window as unknown as { __earlyKeys: Pressed }).__earlyKeys)

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name })
const dialog = (page: Page, name: string) => page.getByRole('dialog', { name })

/** What each shortcut shows once it has worked. */
const outcomes = [
  ['Control+K', (page: Page) => dialog(page, 'Command palette')],
  ['?', (page: Page) => dialog(page, 'Keyboard shortcuts')],
  ['Control+2', (page: Page) => heading(page, 'Outbox')],
  ['n', (page: Page) => dialog(page, 'New lead')],
] as const

describe.each(['before drawn', 'as drawn'] as const)('a shortcut pressed %s', (moment) => {
  it.each(outcomes)('%s takes effect', async (name, outcome) => {
    const opened = await newPage('index.html')
    const { page, harness, problems } = opened
    try {
      await pressAt(page, moment, [keys[name]])
      await page.goto(`${harness.url}/index.html`)
      await outcome(page).waitFor()
      expect(await pressed(page)).toEqual({ pressed: true, drawn: moment === 'as drawn' })
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })
})

describe('the main window, while its first answers are still out', () => {
  it('opens the palette, the overlay and the views, and / goes to the search once it shows', async () => {
    const opened = await newPage('index.html')
    const { page, harness, problems } = opened
    try {
      seedWaitingLead(harness)
      const release = harness.holdAnswers()
      await page.goto(`${harness.url}/index.html`)
      const loading = page.getByText('Loading leads…')
      await loading.waitFor()

      await page.keyboard.press('Control+K')
      await dialog(page, 'Command palette').waitFor()
      await page.keyboard.press('Escape')
      await dialog(page, 'Command palette').waitFor({ state: 'detached' })
      await page.keyboard.press('?')
      await dialog(page, 'Keyboard shortcuts').waitFor()
      await page.keyboard.press('Escape')
      await dialog(page, 'Keyboard shortcuts').waitFor({ state: 'detached' })
      await page.keyboard.press('Control+2')
      await heading(page, 'Outbox').waitFor()
      await page.keyboard.press('Control+1')
      await heading(page, 'Inbox').waitFor()
      await loading.waitFor()

      // Nothing to search yet: the key waits for the search field.
      await page.keyboard.press('/')
      release()
      await search(page).waitFor()
      await expect.poll(() => searchHasFocus(page)).toBe(true)
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })

  it('does not take focus to the search when it went elsewhere meanwhile', async () => {
    const opened = await newPage('index.html')
    const { page, harness, problems } = opened
    try {
      seedWaitingLead(harness)
      const release = harness.holdAnswers()
      await page.goto(`${harness.url}/index.html`)
      await page.getByText('Loading leads…').waitFor()
      await page.keyboard.press('/')
      // Esc puts focus on the view list.
      await page.keyboard.press('Escape')
      const inView = () =>
        page.evaluate(() => document.activeElement?.closest('nav')?.getAttribute('aria-label'))
      expect(await inView()).toBe('Views')
      release()
      await search(page).waitFor()
      expect(await searchHasFocus(page)).toBe(false)
      expect(await inView()).toBe('Views')
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })
})

describe('the quick-add window', () => {
  it('starts its line with what was typed before it was drawn', async () => {
    const opened = await newPage('quick-add.html')
    const { page, harness, problems } = opened
    try {
      await pressAt(page, 'before drawn', [
        ...typed('Acme renewak'),
        { key: 'Backspace', code: 'Backspace' },
        ...typed('l'),
      ])
      await page.goto(`${harness.url}/quick-add.html`)
      const field = page.getByRole('textbox', { name: 'Describe the lead' })
      await field.waitFor()
      expect(await pressed(page)).toEqual({ pressed: true, drawn: false })
      expect(await field.inputValue()).toBe('Acme renewal')
      // Focus and the caret are at its end: typing goes on from there.
      await page.keyboard.type(' 5k')
      expect(await field.inputValue()).toBe('Acme renewal 5k')
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })
})
