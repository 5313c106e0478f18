import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seedIds } from '../pipedrive-sandbox/seed'
import { leadOption, seedTitles, useInboxRig } from './support/inbox-rig'

const { openInbox } = useInboxRig()

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' })
const search = (page: Page) => palette(page).getByRole('combobox')
const labels = (page: Page) =>
  palette(page)
    .getByRole('option')
    .evaluateAll((options) =>
      options.map((option) => option.querySelector('.palette__label')?.textContent),
    )
const highlighted = (page: Page) =>
  palette(page).locator('[role="option"][aria-selected="true"] .palette__label')
const hasFocus = (locator: Locator) =>
  locator.evaluate((element) => element === document.activeElement)

async function find(page: Page, typed: string) {
  await page.keyboard.press('Control+K')
  await search(page).waitFor()
  await search(page).pressSequentially(typed)
}

/** Types into the palette and runs what it highlights, after checking that it is `label`. */
async function run(page: Page, typed: string, label: string) {
  await find(page, typed)
  await expect.poll(() => highlighted(page).textContent()).toBe(label)
  await page.keyboard.press('Enter')
  await palette(page).waitFor({ state: 'detached' })
}

describe('leads in the command palette', () => {
  it('finds a lead by its title, person or organization and opens it in the inbox', async () => {
    const { page, problems } = await openInbox()
    // By the person: Maria Schmidt is Acme's fleet manager.
    await find(page, 'schmidt')
    await expect.poll(() => labels(page)).toEqual([seedTitles.acme])
    expect(await palette(page).getByRole('option').textContent()).toContain('Maria Schmidt')
    await search(page).fill('blue riv')
    await expect.poll(() => highlighted(page).textContent()).toBe(seedTitles.blueRiver)
    await page.keyboard.press('Enter')
    await palette(page).waitFor({ state: 'detached' })

    // Selected in the list, open in its pane, and the keyboard is there.
    const pane = page.getByRole('region', { name: seedTitles.blueRiver })
    const heading = pane.getByRole('heading', { level: 2 })
    await heading.waitFor()
    await expect.poll(() => hasFocus(heading)).toBe(true)
    expect(await leadOption(page, seedTitles.blueRiver).getAttribute('aria-selected')).toBe('true')
    expect(problems).toEqual([])
  })

  it('finds a lead waiting to sync and shows it in the Outbox', async () => {
    const { page, problems } = await openInbox({
      before: (h) =>
        void h.core.outbox.enqueueLead({
          title: 'Harbour cranes',
          person: { kind: 'new', name: 'Mia Wong' },
        }),
    })
    await run(page, 'mia', 'Harbour cranes')
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor()
    expect(problems).toEqual([])
  })

  it('acts on the open lead as its pane does, and "arch" finds only what it means', async () => {
    const { page, harness, problems } = await openInbox()
    await leadOption(page, seedTitles.lena).click()
    const pane = page.getByRole('region', { name: seedTitles.lena })
    await pane.getByRole('button', { name: 'Edit' }).waitFor()

    await find(page, 'arch')
    await expect.poll(() => labels(page)).toEqual(['Archive lead', 'Go to archived leads'])
    await page.keyboard.press('Escape')
    await palette(page).waitFor({ state: 'detached' })

    await run(page, 'edit', 'Edit lead')
    const title = pane.getByRole('form', { name: 'Edit lead' }).getByRole('textbox', {
      name: 'Title',
    })
    await expect.poll(() => hasFocus(title)).toBe(true)
    // The form is open: the pane takes no other change now, and neither does the palette.
    await find(page, 'lead')
    expect(await labels(page)).not.toContain('Archive lead')
    await page.keyboard.press('Escape')
    await palette(page).waitFor({ state: 'detached' })
    await page.keyboard.press('Escape')
    await pane.getByRole('button', { name: 'Edit' }).waitFor()

    await run(page, 'convert', 'Convert lead to deal…')
    await pane.getByRole('group', { name: 'Confirm conversion' }).waitFor()
    await pane.getByRole('button', { name: 'Not now' }).click()

    await run(page, 'pipedrive lead', 'Open lead in Pipedrive')
    await expect
      .poll(() => harness.opened.links)
      .toEqual([`https://app.pipedrive.com/leads/inbox/${seedIds.leads.lena}`])

    await run(page, 'arch', 'Archive lead')
    await expect.poll(() => pane.getByRole('status').first().textContent()).toMatch(/^Archived/)
    expect(harness.core.outbox.list().map((row) => [row.kind, row.lead])).toEqual([
      ['lead.archive', { remoteId: seedIds.leads.lena }],
    ])

    await run(page, 'archived', 'Go to archived leads')
    await page.getByRole('heading', { level: 2, name: 'Archived leads' }).waitFor()
    expect(problems).toEqual([])
  })
})
