import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { CachedLead } from '../../src/main/core/leads/pipedrive-lead'
import { seedIds } from '../pipedrive-sandbox/seed'
import { screenshotDir } from './support/browser'
import {
  leadList,
  leadOption as option,
  leadOptions as options,
  seedTitles,
  useInboxRig,
} from './support/inbox-rig'

const { openInbox, sandboxLead } = useInboxRig()
/** The title of the row that has keyboard focus, if a lead row has it. */
const focusedTitle = (page: Page) =>
  page.evaluate(() => document.activeElement?.querySelector('.lead-row__title')?.textContent)
const titles = (page: Page) => options(page).locator('.lead-row__title').allTextContents()
const money = (page: Page, amount: number, currency: string) =>
  page.evaluate(
    ([a, c]) => new Intl.NumberFormat(undefined, { style: 'currency', currency: c }).format(a),
    [amount, currency] as const,
  )

describe.each(['light', 'dark'] as const)('the Pipedrive leads in the inbox, %s', (scheme) => {
  it('lists the seed leads with names, values and labels; filters by text and archive', async () => {
    const { page, problems } = await openInbox({ scheme })
    await expect
      .poll(() => titles(page))
      .toEqual([seedTitles.lena, seedTitles.acme, seedTitles.blueRiver])
    expect(await page.getByTestId('inbox-total').textContent()).toBe('3')

    const acme = option(page, seedTitles.acme)
    await acme.getByText('Maria Schmidt · Acme Logistics GmbH').waitFor()
    await acme.getByText(await money(page, 25000, 'EUR')).waitFor()
    await acme.locator('.label-chip').filter({ hasText: 'Hot' }).waitFor()
    await acme.getByText('Alex Morgan').waitFor()
    const lena = option(page, seedTitles.lena)
    await lena.getByText(await money(page, 1200.5, 'USD')).waitFor()
    await lena.getByText('Not opened in Pipedrive yet').waitFor()
    await option(page, seedTitles.blueRiver)
      .getByText('Blue River Foods', { exact: true })
      .waitFor()
    await page.screenshot({ path: join(screenshotDir, `inbox-leads-${scheme}.png`) })

    // "/" jumps to the search; typing narrows the list once typing pauses.
    await page.keyboard.press('/')
    const search = page.getByRole('searchbox', { name: 'Search' })
    expect(await search.evaluate((input) => input === document.activeElement)).toBe(true)
    await page.keyboard.type('blue')
    await expect.poll(() => titles(page)).toEqual([seedTitles.blueRiver])
    await search.fill('')
    await expect.poll(() => options(page).count()).toBe(3)

    // The label filter, then the archive.
    await page.getByLabel('Label').selectOption({ label: 'Cold' })
    await expect.poll(() => titles(page)).toEqual([seedTitles.lena])
    await page.getByLabel('Label').selectOption({ label: 'Any label' })
    await page.getByRole('checkbox', { name: 'Archived' }).check()
    await expect.poll(() => titles(page)).toEqual([seedTitles.archived])
    await page.getByRole('heading', { name: 'Archived leads' }).waitFor()
    expect(problems).toEqual([])
  })
})

describe('the lead pane', () => {
  it('shows a lead, refuses an empty title, and sends a new title through the outbox', async () => {
    const { page, harness: h, problems } = await openInbox()
    await option(page, seedTitles.lena).click()
    const pane = page.getByRole('region', { name: seedTitles.lena })
    await pane.getByText('Lena Fischer', { exact: true }).waitFor()
    // A custom field by its name.
    await pane.getByText('Lead reference').waitFor()
    await pane.getByText('LBX-SEED-0003').waitFor()
    await pane.getByText('Not yet').waitFor()
    await page.screenshot({ path: join(screenshotDir, 'lead-detail-light.png') })

    await pane.getByRole('button', { name: 'Edit' }).click()
    const title = pane.getByRole('textbox', { name: 'Title' })
    await title.fill('')
    await pane.getByRole('button', { name: 'Save' }).click()
    // Main's refusal, next to the field.
    await expect
      .poll(() => pane.getByRole('alert').first().textContent())
      .toBe('Give the lead a title')
    expect(await title.getAttribute('aria-invalid')).toBe('true')
    expect(h.core.outbox.list()).toEqual([])

    await title.fill('Lena Fischer – consulting, 2 seats')
    await pane.getByRole('button', { name: 'Save' }).click()
    // "will sync" until the row is sent, then said as sent (it may be sent at once).
    await expect
      .poll(() => pane.getByRole('status').textContent())
      .toMatch(/^Saved (— will sync|in Pipedrive)$/)
    await page.getByRole('heading', { name: 'Lena Fischer – consulting, 2 seats' }).waitFor()
    const rows = h.core.outbox.list()
    expect(rows.map(({ kind, title: t }) => ({ kind, title: t }))).toEqual([
      { kind: 'lead.update', title: 'Edit: Lena Fischer – consulting' },
    ])
    // Only the title was sent, on the version of the lead the edit began from.
    const stored = h.core.db
      .prepare<[number], { payload: string }>('SELECT payload FROM outbox WHERE id = ?')
      .get(rows[0]!.id)
    expect(JSON.parse(stored!.payload)).toMatchObject({
      remoteId: seedIds.leads.lena,
      after: { title: 'Lena Fischer – consulting, 2 seats' },
      before: { title: seedTitles.lena },
    })

    // The engine sends it by itself; Pipedrive has the new title.
    await expect
      .poll(() => sandboxLead(seedIds.leads.lena)?.['title'], { timeout: 15_000 })
      .toBe('Lena Fischer – consulting, 2 seats')
    // Esc closes the pane and gives the keyboard back to the list.
    await page.keyboard.press('Escape')
    await pane.waitFor({ state: 'detached' })
    expect(problems).toEqual([])
  })

  it('archives a lead through the outbox with the a key, and opens a lead in Pipedrive', async () => {
    const { page, harness: h, problems } = await openInbox({ scheme: 'dark' })
    // The keyboard: j selects, Enter opens.
    await expect.poll(() => options(page).count()).toBe(3)
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await page.keyboard.press('Enter')
    const pane = page.getByRole('region', { name: seedTitles.acme })
    await pane.getByText('Acme Logistics GmbH').waitFor()
    await pane.getByText('Wholesale').waitFor()
    await page.screenshot({ path: join(screenshotDir, 'lead-detail-dark.png') })

    await pane.getByRole('button', { name: 'Open in Pipedrive' }).click()
    await expect
      .poll(() => h.opened.links)
      .toEqual([`https://app.pipedrive.com/leads/inbox/${seedIds.leads.acmeFleet}`])

    // Delete asks first; Esc backs out of the question, and nothing is queued.
    await pane.getByRole('button', { name: 'Delete…' }).click()
    const confirm = pane.getByRole('group', { name: 'Confirm delete' })
    await confirm.getByRole('button', { name: 'Delete lead' }).waitFor()
    await page.keyboard.press('Escape')
    await confirm.waitFor({ state: 'detached' })
    expect(h.core.outbox.list()).toEqual([])

    // Single keys act on the open lead: e edits (Esc backs out), a archives.
    await page.keyboard.press('e')
    await pane.getByRole('textbox', { name: 'Title' }).waitFor()
    await page.keyboard.press('Escape')
    await pane.getByRole('textbox', { name: 'Title' }).waitFor({ state: 'detached' })
    await page.keyboard.press('a')
    await expect
      .poll(() => pane.getByRole('status').textContent())
      .toMatch(/^Archived (— will sync|in Pipedrive)$/)
    await expect
      .poll(() => sandboxLead(seedIds.leads.acmeFleet)?.['is_archived'], { timeout: 15_000 })
      .toBe(true)
    expect(problems).toEqual([])
  })
})

/** 'Bulk lead 00001' to 'Bulk lead 10000', newest first: lead 1 is the most recently updated. */
function bulkLeads(): CachedLead[] {
  const base = Date.UTC(2026, 0, 1)
  return Array.from({ length: 10_000 }, (_, index) => ({
    id: randomUUID(),
    title: `Bulk lead ${String(index + 1).padStart(5, '0')}`,
    ownerId: null,
    personId: null,
    organizationId: null,
    value: { amount: index * 10, currency: 'EUR' },
    expectedCloseDate: null,
    visibleTo: null,
    wasSeen: index % 3 !== 0,
    isArchived: false,
    addTime: new Date(base).toISOString(),
    updateTime: new Date(base - index * 1000).toISOString(),
    labelIds: [],
    customFields: {},
    nextActivityId: null,
  }))
}

describe('a big inbox', () => {
  it('scrolls through 10,000 leads drawing only the rows in view', async () => {
    const { page, problems } = await openInbox({
      signIn: false,
      before: (h) => {
        h.core.inbox.upsert(bulkLeads(), Date.now())
        h.core.outbox.enqueueLead({ title: 'Pilot', organization: { kind: 'existing', id: 7 } })
      },
    })
    await expect.poll(() => page.getByTestId('inbox-total').textContent()).toBe('10,000')
    // The lead waiting to sync comes first, marked.
    await page
      .getByRole('list', { name: 'Waiting to sync' })
      .getByRole('listitem')
      .filter({ hasText: /^pendingPilot/ })
      .waitFor()
    await option(page, 'Bulk lead 00001').waitFor()

    // The wheel, all the way down.
    const list = leadList(page)
    await list.hover()
    for (let turn = 0; turn < 40; turn += 1) {
      await page.mouse.wheel(0, 20_000)
      const atBottom = await list.evaluate(
        (element) => element.scrollTop + element.clientHeight >= element.scrollHeight - 2,
      )
      if (atBottom) break
    }
    await option(page, 'Bulk lead 10000').waitFor()
    expect(await options(page).count()).toBeLessThan(100)

    // The keyboard: Home and End inside the list.
    await option(page, 'Bulk lead 10000').click()
    await page.keyboard.press('Escape')
    await page.keyboard.press('Home')
    await option(page, 'Bulk lead 00001').waitFor()
    await page.keyboard.press('End')
    await expect.poll(() => focusedTitle(page)).toBe('Bulk lead 10000')
    expect(await options(page).count()).toBeLessThan(100)
    expect(problems).toEqual([])
  })

  it('places rows of different heights one under the other', async () => {
    const { page, problems } = await openInbox({
      signIn: false,
      before: (h) => {
        h.core.inbox.upsert(bulkLeads(), Date.now())
      },
    })
    await option(page, 'Bulk lead 00005').waitFor()
    // A row grows, as with a larger font: the rows after it move down, none overlaps.
    await page.evaluate(() =>
      document.styleSheets[0]?.insertRule('.lead-row[aria-posinset="2"] { min-height: 130px; }'),
    )
    const box = async (title: string) => (await option(page, title).boundingBox())!
    await expect.poll(async () => (await box('Bulk lead 00002')).height).toBe(130)
    await expect
      .poll(async () => (await box('Bulk lead 00003')).y - (await box('Bulk lead 00002')).y)
      .toBe(130)
    const third = await box('Bulk lead 00003')
    expect((await box('Bulk lead 00004')).y - third.y).toBe(third.height)
    expect(problems).toEqual([])
  })

  it('keeps focus on the loading row after End, and on the last lead once its page arrives', async () => {
    const { page, problems } = await openInbox({
      signIn: false,
      before: (h) => {
        h.core.inbox.upsert(bulkLeads(), Date.now())
      },
    })
    // The last page's answer is held back until the list shows its row as loading.
    let answerLastPage = () => {}
    const lastPageHeld = new Promise<void>((resolve) => (answerLastPage = resolve))
    await page.route(
      (url) => decodeURIComponent(url.pathname) === '/__harness/ipc/leads:list',
      async (route) => {
        const asked = route.request().postDataJSON() as { payload?: { offset?: number } }
        if ((asked.payload?.offset ?? 0) >= 9_800) await lastPageHeld
        await route.continue()
      },
    )
    await option(page, 'Bulk lead 00001').click()
    await page.keyboard.press('Escape')
    await expect.poll(() => focusedTitle(page)).toBe('Bulk lead 00001')

    await page.keyboard.press('End')
    const lastRow = options(page).and(page.locator('[aria-posinset="10000"]'))
    await expect.poll(() => lastRow.getAttribute('aria-busy')).toBe('true')
    // Meanwhile the loading row holds focus, so keys still reach the list.
    await expect.poll(() => lastRow.evaluate((row) => row === document.activeElement)).toBe(true)
    answerLastPage()
    await expect.poll(() => focusedTitle(page)).toBe('Bulk lead 10000')
    expect(await lastRow.getAttribute('aria-busy')).toBeNull()

    await page.keyboard.press('Home')
    await expect.poll(() => focusedTitle(page)).toBe('Bulk lead 00001')
    expect(problems).toEqual([])
  })
})
