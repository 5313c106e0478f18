import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { loadDateParsersFirst } from '../../src/shared/quick-add/testing'
import { useTempDirs } from '../support/temp-dir'
import { startHarness, type Harness } from './harness/server'
import { collectProblems, screenshotDir } from './support/browser'
import { fridayOfTheLine } from './support/friday'
import { useChromium } from './support/use-chromium'

const tempDir = useTempDirs()
const browser = useChromium()
loadDateParsersFirst()

interface Opened {
  harness: Harness
  context: BrowserContext
  page: Page
  problems: string[]
}

/** A fresh harness (empty catalog, nobody signed in) and the quick-add window on it. */
async function openQuickAdd(
  colorScheme: 'light' | 'dark' = 'light',
  seed?: (harness: Harness) => void,
): Promise<Opened> {
  const harness = await startHarness({ dataDir: tempDir() })
  seed?.(harness)
  // en-GB, so amounts and days read the same on every machine.
  const context = await browser.browser.newContext({
    colorScheme,
    locale: 'en-GB',
    viewport: { width: 640, height: 320 },
  })
  const page = await context.newPage()
  const problems = collectProblems(page)
  await page.goto(`${harness.url}/quick-add.html`)
  await field(page).waitFor()
  return { harness, context, page, problems }
}

async function close({ harness, context }: Opened) {
  await context.close()
  await harness.close()
}

const field = (page: Page) => page.getByRole('textbox', { name: 'Describe the lead' })
const chips = (page: Page) =>
  page.getByRole('list', { name: 'Read from the line' }).getByRole('listitem')
const title = (page: Page) => page.getByTestId('quick-add-title')
const focusedLabel = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label'))

/**
 * Scripts held back, as a busy disk would, until the returned function is called: the
 * window shows without them.
 */
async function holdScripts(context: BrowserContext, names: RegExp): Promise<() => void> {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  await context.route(names, async (route) => {
    await released
    await route.continue()
  })
  return release
}

const holdDateParsers = (context: BrowserContext) =>
  holdScripts(context, /\/assets\/(en|chrono)-[^/]+\.js$/)

/** What reads the line into chips, loaded after the window shows. */
const holdLineReader = (context: BrowserContext) =>
  holdScripts(context, /\/assets\/line-reader-[^/]+\.js$/)

/** The close date the parser reads from `due fri` today, as the window writes it. */
function expectedFriday(): string {
  const [year = 0, month = 1, day = 1] = fridayOfTheLine().split('-').map(Number)
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(year === new Date().getFullYear() ? {} : { year: 'numeric' }),
  }).format(new Date(year, month - 1, day, 12))
}

// `@"Jane Doe"` names a new person in full. Unquoted, a name nobody has yet takes only its
// first word (`@Jane Doe` is Jane, and Doe stays in the title): the parser's rule.
const line = 'Acme renewal 5k EUR @"Jane Doe" #hot due fri'

describe.each(['light', 'dark'] as const)('the quick-add window, %s', (scheme) => {
  it('reads a line into chips live and saves it into the outbox with Enter', async () => {
    const opened = await openQuickAdd(scheme)
    const { page, harness, problems } = opened
    try {
      await field(page).pressSequentially(line)

      await expect.poll(() => chips(page).count()).toBe(4)
      const chip = (name: string) => chips(page).filter({ hasText: name })
      await chip('5,000 EUR').waitFor()
      // The meaning once; what was typed only answers "where from?".
      expect(await chip('5,000 EUR').locator('.chip__meaning').textContent()).toBe('5,000 EUR')
      expect(await chip('5,000 EUR').textContent()).not.toContain('5k')
      expect(await chip('5,000 EUR').getAttribute('title')).toBe('Typed as 5k EUR')
      await chip('Jane Doe (new person)').waitFor()
      await chip('hot: unknown label, not sent').waitFor()
      await chip(expectedFriday()).waitFor()
      expect(await title(page).textContent()).toBe('Acme renewal')
      await page.getByRole('button', { name: 'Remove @"Jane Doe"' }).waitFor()
      await page.screenshot({ path: join(screenshotDir, `quick-add-chips-${scheme}.png`) })

      await field(page).press('Enter')
      const status = page.getByRole('status')
      await expect.poll(() => status.textContent()).toBe('Saved offline — will sync: Acme renewal')
      // Ready for the next lead at once: empty, and still where the keyboard is.
      expect(await field(page).inputValue()).toBe('')
      expect(await focusedLabel(page)).toBe('Describe the lead')

      const rows = harness.core.outbox.list()
      expect(rows.map(({ kind, title: t, state }) => ({ kind, title: t, state }))).toEqual([
        { kind: 'lead.create', title: 'Acme renewal', state: 'queued' },
        { kind: 'person.create', title: 'Jane Doe', state: 'queued' },
      ])
      expect(rows[0]!.dependsOn).toEqual([rows[1]!.id])
      // The lead carries the chips: value and close date; the unknown label is left out.
      const stored = harness.core.db
        .prepare<[number], { payload: string }>('SELECT payload FROM outbox WHERE id = ?')
        .get(rows[0]!.id)
      const payload = JSON.parse(stored!.payload) as Record<string, unknown>
      expect(payload).toMatchObject({
        title: 'Acme renewal',
        value: { amount: 5000, currency: 'EUR' },
        expectedCloseDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      })
      expect(payload).not.toHaveProperty('labelIds')

      // The main window shows it: pending in the inbox, both rows in the outbox.
      await page.setViewportSize({ width: 1100, height: 720 })
      await page.goto(`${harness.url}/index.html`)
      const pending = page.getByRole('list', { name: 'Waiting to sync' }).getByRole('listitem')
      await expect
        .poll(() => pending.allTextContents())
        .toEqual([expect.stringMatching(/^pendingAcme renewal/)])
      await page.keyboard.press('Control+2')
      await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor()
      const items = page.getByRole('list', { name: 'Items' })
      await items.getByRole('listitem', { name: 'Acme renewal' }).getByText('New lead').waitFor()
      await items.getByRole('listitem', { name: 'Jane Doe' }).getByText('New person').waitFor()

      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })
})

describe('the quick-add window', () => {
  it('keeps a date typed and saved the moment it opens, before its date parsers arrive', async () => {
    const harness = await startHarness({ dataDir: tempDir() })
    const context = await browser.browser.newContext({ locale: 'en-GB' })
    const release = await holdDateParsers(context)
    const page = await context.newPage()
    const problems = collectProblems(page)
    try {
      await page.goto(`${harness.url}/quick-add.html`)
      await field(page).pressSequentially('Acme renewal +Acme due fri')
      await expect.poll(() => title(page).textContent()).toBe('Acme renewal due fri')
      await field(page).press('Enter')
      // Saved only once the date can be read, not with the date in its title.
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(harness.core.outbox.list()).toEqual([])

      release()
      const status = page.getByRole('status')
      await expect.poll(() => status.textContent()).toBe('Saved offline — will sync: Acme renewal')
      const lead = harness.core.outbox.list().find((row) => row.kind === 'lead.create')
      const stored = harness.core.db
        .prepare<[number], { payload: string }>('SELECT payload FROM outbox WHERE id = ?')
        .get(lead!.id)
      expect(JSON.parse(stored!.payload)).toMatchObject({
        title: 'Acme renewal',
        expectedCloseDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      })
      expect(problems).toEqual([])
    } finally {
      release()
      await context.close()
      await harness.close()
    }
  })

  it('takes a line typed and saved before its reader arrives, and saves it read', async () => {
    const harness = await startHarness({ dataDir: tempDir() })
    const context = await browser.browser.newContext({ locale: 'en-GB' })
    const release = await holdLineReader(context)
    const page = await context.newPage()
    const problems = collectProblems(page)
    try {
      await page.goto(`${harness.url}/quick-add.html`)
      await field(page).pressSequentially('Acme renewal  +Acme 5k EUR')
      // Every key is in the line; until the reader is there it is all title.
      await expect.poll(() => title(page).textContent()).toBe('Acme renewal +Acme 5k EUR')
      expect(await chips(page).count()).toBe(0)
      await field(page).press('Enter')
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(harness.core.outbox.list()).toEqual([])

      release()
      const status = page.getByRole('status')
      await expect.poll(() => status.textContent()).toBe('Saved offline — will sync: Acme renewal')
      const lead = harness.core.outbox.list().find((row) => row.kind === 'lead.create')
      expect(lead?.summary).toMatchObject({
        organizationName: 'Acme',
        value: { amount: 5000, currency: 'EUR' },
      })
      expect(problems).toEqual([])
    } finally {
      release()
      await context.close()
      await harness.close()
    }
  })

  it('says in plain words that a line cannot be saved when its reader never loads', async () => {
    const harness = await startHarness({ dataDir: tempDir() })
    const context = await browser.browser.newContext({ locale: 'en-GB' })
    await context.route(/\/assets\/line-reader-[^/]+\.js$/, (route) => route.abort())
    const page = await context.newPage()
    try {
      await page.goto(`${harness.url}/quick-add.html`)
      await field(page).pressSequentially('Acme renewal +Acme')
      await field(page).press('Enter')
      const problem = page.getByTestId('quick-add-problem')
      await expect
        .poll(() => problem.textContent())
        .toContain('Quick add could not load what reads the line. Restart Leadbox to save it.')
      expect(await field(page).inputValue()).toBe('Acme renewal +Acme')
      expect(harness.core.outbox.list()).toEqual([])
    } finally {
      await context.close()
      await harness.close()
    }
  })

  it('says when it cannot read the names, asks once more first, and reads them on Try again', async () => {
    const harness = await startHarness({ dataDir: tempDir() })
    const context = await browser.browser.newContext({ locale: 'en-GB' })
    let asked = 0
    await context.route(/\/__harness\/ipc\/catalog%3AgetQuickAddContext$/, async (route) => {
      asked += 1
      if (asked > 2) return route.continue()
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'Disk busy.' } }),
      })
    })
    const page = await context.newPage()
    try {
      await page.goto(`${harness.url}/quick-add.html`)
      // The problem is shown with its button, and heard through the live region.
      const tryAgain = page.getByRole('button', { name: 'Try again' })
      await tryAgain.waitFor()
      expect(await page.getByRole('status').textContent()).toContain(
        'Could not read your Pipedrive names and labels',
      )
      // A failure that may pass is asked about once more before it is shown, never more.
      expect(asked).toBe(2)
      await tryAgain.click()
      await tryAgain.waitFor({ state: 'detached' })
      expect(asked).toBe(3)
    } finally {
      await context.close()
      await harness.close()
    }
  })

  it('reads a date typed before its date parsers arrive once they have', async () => {
    const harness = await startHarness({ dataDir: tempDir() })
    const context = await browser.browser.newContext({ locale: 'en-GB' })
    const release = await holdDateParsers(context)
    const page = await context.newPage()
    try {
      await page.goto(`${harness.url}/quick-add.html`)
      await field(page).pressSequentially('Acme renewal due fri')
      await expect.poll(() => title(page).textContent()).toBe('Acme renewal due fri')
      release()
      // Nothing more typed: the line is read again when they arrive.
      await chips(page).filter({ hasText: expectedFriday() }).waitFor()
      expect(await title(page).textContent()).toBe('Acme renewal')
    } finally {
      release()
      await context.close()
      await harness.close()
    }
  })

  it('says why a line with no person or organization is not saved, and keeps it', async () => {
    const opened = await openQuickAdd()
    const { page, harness, problems } = opened
    try {
      await field(page).pressSequentially('Call back about pricing 2k')
      await field(page).press('Enter')
      const problem = page.getByTestId('quick-add-problem')
      await expect.poll(() => problem.textContent()).toContain('Not saved')
      expect(await problem.textContent()).toContain('Link the lead to a person or an organization')
      expect(await page.getByRole('status').textContent()).toBe(
        'Not saved: Link the lead to a person or an organization',
      )
      expect(await field(page).inputValue()).toBe('Call back about pricing 2k')
      expect(harness.core.outbox.list()).toEqual([])

      // Fixing the line clears the message, and the lead saves.
      await field(page).pressSequentially(' +Globex')
      expect(await problem.count()).toBe(0)
      expect(await page.getByRole('status').textContent()).toBe('')
      await field(page).press('Enter')
      await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Saved/)
      expect(harness.core.outbox.list().map((row) => row.title)).toEqual([
        'Call back about pricing',
        'Globex',
      ])
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })

  it('puts a removed chip’s words back into the title', async () => {
    const opened = await openQuickAdd()
    const { page, problems } = opened
    try {
      await field(page).pressSequentially('Renewal 5k EUR +Acme')
      await expect.poll(() => chips(page).count()).toBe(2)
      expect(await title(page).textContent()).toBe('Renewal')

      // The × of a chip: money goes back quoted, so it stays words.
      await page.getByRole('button', { name: 'Remove 5k EUR' }).click()
      expect(await field(page).inputValue()).toBe('Renewal "5k EUR" +Acme')
      expect(await title(page).textContent()).toBe('Renewal 5k EUR')
      expect(await chips(page).allTextContents()).toEqual([expect.stringContaining('Acme')])
      expect(await focusedLabel(page)).toBe('Describe the lead')

      // Backspace while a chip is still typed edits it...
      await field(page).press('End')
      await field(page).press('Backspace')
      expect(await field(page).inputValue()).toBe('Renewal "5k EUR" +Acm')
      await chips(page).filter({ hasText: 'Acm (new organization)' }).waitFor()
      // ...and after the chip and a space, turns it back into words.
      await field(page).pressSequentially('e ')
      await field(page).press('Backspace')
      expect(await field(page).inputValue()).toBe('Renewal "5k EUR" Acme ')
      expect(await title(page).textContent()).toBe('Renewal 5k EUR Acme')
      expect(await chips(page).count()).toBe(0)

      // Esc clears the line.
      await field(page).press('Escape')
      expect(await field(page).inputValue()).toBe('')
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })

  it('offers the people a name fits, and saves the one picked', async () => {
    const opened = await openQuickAdd('light', (harness) =>
      harness.core.catalog.upsertPersons([
        { id: 41, name: 'Jane Doe', email: null, organizationId: null, updateTime: null },
        { id: 42, name: 'Jan Novak', email: null, organizationId: null, updateTime: null },
      ]),
    )
    const { page, harness, problems } = opened
    try {
      await field(page).pressSequentially('Intro call @Jan')
      const listbox = page.getByRole('listbox', { name: /Which person is “Jan”/ })
      await listbox.waitFor()
      expect(await listbox.getByRole('option').allTextContents()).toEqual([
        'Jan Novak',
        'Jane Doe',
        'New person “Jan”',
      ])
      const highlighted = () => listbox.locator('[aria-selected="true"]').textContent()
      expect(await highlighted()).toBe('Jan Novak')
      await field(page).press('ArrowDown')
      expect(await highlighted()).toBe('Jane Doe')
      expect(await field(page).getAttribute('aria-activedescendant')).toBe(
        await listbox.locator('[aria-selected="true"]').getAttribute('id'),
      )

      // Enter picks while the list is open; it does not save.
      await field(page).press('Enter')
      expect(await field(page).inputValue()).toBe('Intro call @"Jane Doe" ')
      await chips(page).filter({ hasText: 'Jane Doe (in Pipedrive)' }).waitFor()
      expect(await listbox.count()).toBe(0)
      expect(harness.core.outbox.list()).toEqual([])
      await field(page).press('Enter')
      await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Saved/)

      // An ambiguous name nobody picked holds the save back and opens its list again.
      await field(page).pressSequentially('Demo @Jan')
      await listbox.waitFor()
      await field(page).press('Escape')
      expect(await listbox.count()).toBe(0)
      expect(await field(page).inputValue()).toBe('Demo @Jan')
      await field(page).press('Enter')
      await listbox.waitFor()
      expect(await page.getByRole('status').textContent()).toContain('Pick one, then save.')
      // ↑ wraps to the last choice, someone new; Tab picks too.
      await field(page).press('ArrowUp')
      await field(page).press('Tab')
      expect(await field(page).inputValue()).toBe('Demo @"Jan" ')
      await chips(page).filter({ hasText: 'Jan (new person)' }).waitFor()
      await field(page).press('Enter')
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toBe('Saved offline — will sync: Demo')

      const rows = harness.core.outbox.list()
      expect(rows.map((row) => `${row.kind} ${row.title}`)).toEqual([
        'lead.create Demo',
        'person.create Jan',
        'lead.create Intro call',
      ])
      const stored = harness.core.db
        .prepare<[number], { payload: string }>('SELECT payload FROM outbox WHERE id = ?')
        .get(rows[2]!.id)
      expect(JSON.parse(stored!.payload)).toMatchObject({ title: 'Intro call', personId: 41 })
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })
})

describe('what the quick-add window says', () => {
  it('keeps the problem with a 5,000-character line in view, in plain words', async () => {
    const opened = await openQuickAdd()
    const { page, harness, problems } = opened
    try {
      // The size of the real window (src/main/window/quick-add-window.ts).
      await page.setViewportSize({ width: 640, height: 240 })
      const before = await field(page).boundingBox()
      await field(page).fill(`${'a'.repeat(5000)} +Globex`)
      await field(page).press('Enter')
      const problem = page.getByTestId('quick-add-problem')
      const plain = 'A lead title can be at most 255 characters; this one has 5,000.'
      await expect.poll(() => problem.textContent()).toBe(`Not saved${plain}`)
      expect(await page.getByRole('status').textContent()).toBe(`Not saved: ${plain}`)
      // The field keeps its size and the problem shows whole, inside the window.
      expect((await field(page).boundingBox())?.height).toBe(before?.height)
      const box = await problem.boundingBox()
      expect(box!.y).toBeGreaterThanOrEqual(0)
      expect(box!.y + box!.height).toBeLessThanOrEqual(page.viewportSize()!.height)
      await page.screenshot({ path: join(screenshotDir, 'quick-add-too-long.png') })

      // Cmd/Ctrl+Enter hands the line to the form under the same rule, in the same words.
      await field(page).press('Control+Enter')
      await expect.poll(() => problem.textContent()).toBe(`Not saved${plain}`)
      expect(harness.core.outbox.list()).toEqual([])
      expect(harness.desktop.mainWindowShown).toBe(0)
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })

  it('writes money as money is written', async () => {
    const opened = await openQuickAdd()
    const { page, problems } = opened
    try {
      await field(page).pressSequentially('Renewal 5000.5 EUR +Acme')
      await expect
        .poll(() => page.locator('.chip[data-kind="money"] .chip__meaning').textContent())
        .toBe('5,000.50 EUR')
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })

  it('keeps its help to one line, the rest behind More', async () => {
    const opened = await openQuickAdd()
    const { page, problems } = opened
    try {
      const described = await field(page).evaluate(
        (input) =>
          document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent,
      )
      expect(described).toBe('Enter saves · @person +organization #label')
      const more = page.getByText('More', { exact: true })
      expect(await page.getByText('opens the full form').isVisible()).toBe(false)
      await more.click()
      await page.getByText('opens the full form').waitFor()
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })

  it("reads the next activity against the company's types and queues it after the lead", async () => {
    const opened = await openQuickAdd('light', (harness) => {
      harness.core.catalog.replaceActivityTypes([
        { id: 1, key: 'call', name: 'Call', active: true, orderNr: 1 },
      ])
    })
    const { page, harness, problems } = opened
    try {
      await field(page).pressSequentially('Fleet +Depot call fri 10am')
      const friday = expectedFriday()
      const activity = chips(page).filter({ hasText: `Call, ${friday} 10:00` })
      await activity.waitFor()
      expect(await activity.textContent()).toContain('Next activity')
      expect(await title(page).textContent()).toBe('Fleet')

      await field(page).press('Enter')
      await expect.poll(() => harness.core.outbox.list().length).toBe(3)
      const rows = harness.core.outbox.list()
      const lead = rows.find((row) => row.kind === 'lead.create')!
      const next = rows.find((row) => row.kind === 'activity.create')!
      expect(next).toMatchObject({ title: 'Call – Fleet', state: 'queued' })
      expect(next.dependsOn).toEqual([lead.id])
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })

  it('tells a screen reader each thing once, through one live region', async () => {
    const opened = await openQuickAdd('light', (harness) =>
      harness.core.catalog.upsertPersons([
        { id: 41, name: 'Jane Doe', email: null, organizationId: null, updateTime: null },
        { id: 42, name: 'Jan Novak', email: null, organizationId: null, updateTime: null },
      ]),
    )
    const { page, problems } = opened
    try {
      expect(await page.locator('[role="status"], [role="alert"], [aria-live]').count()).toBe(1)
      // Every text the region takes, in order.
      await page.getByRole('status').evaluate((region) => {
        const said: string[] = []
        ;(window as unknown as { said: string[] }).said = said
        new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, {
          childList: true,
          characterData: true,
          subtree: true,
        })
      })
      const said = () =>
        page.evaluate(() => (window as unknown as { said: string[] }).said.filter(Boolean))

      await field(page).pressSequentially('Intro call @Ja')
      await page.getByRole('listbox').waitFor()
      await field(page).pressSequentially('n')
      await field(page).press('Enter')
      await chips(page).filter({ hasText: 'Jan Novak (in Pipedrive)' }).waitFor()
      await field(page).press('Enter')
      await expect
        .poll(said)
        .toEqual(['Which person is “J”?', 'Saved offline — will sync: Intro call'])
      expect(problems).toEqual([])
    } finally {
      await close(opened)
    }
  })
})
