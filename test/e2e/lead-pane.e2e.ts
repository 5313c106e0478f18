import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seedIds } from '../pipedrive-sandbox/seed'
import { leadOption, seedTitles, useInboxRig } from './support/inbox-rig'

const { openInbox, sandboxLead } = useInboxRig()

const hasFocus = (locator: Locator) =>
  locator.evaluate((element) => element === document.activeElement)
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement
    return `${element?.tagName ?? ''} ${element?.getAttribute('aria-label') ?? element?.textContent ?? ''}`
  })

describe("a lead's pane and the lead form", () => {
  it('`e` opens the edit form on Title; its status line follows the change until sent', async () => {
    const { page, sandbox: box, harness: h, problems } = await openInbox()
    await leadOption(page, seedTitles.lena).click()
    const pane = page.getByRole('region', { name: seedTitles.lena })
    await pane.getByRole('button', { name: 'Edit' }).waitFor()
    await page.keyboard.press('e')
    const form = pane.getByRole('form', { name: 'Edit lead' })
    const title = form.getByRole('textbox', { name: 'Title' })
    await title.waitFor()
    await expect.poll(() => hasFocus(title), { message: await focusedName(page) }).toBe(true)

    // Pipedrive does not answer: the change waits, and says so.
    await box.faults.refuseConnections()
    await page.keyboard.press('Control+a')
    await page.keyboard.type('Lena Fischer – retainer')
    await form.getByRole('button', { name: 'Save' }).click()
    const status = page
      .getByRole('region', { name: 'Lena Fischer – retainer' })
      .getByRole('status')
      .first()
    await expect.poll(() => status.textContent()).toBe('Saved — will sync')

    // Once it is sent, the line says so instead of "will sync".
    await box.faults.acceptConnections()
    h.core.sync.wake('sync now')
    await expect
      .poll(() => sandboxLead(seedIds.leads.lena)?.['title'], { timeout: 15_000 })
      .toBe('Lena Fischer – retainer')
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('Saved in Pipedrive')
    expect(problems).toEqual([])
  })

  it('`n` opens the new-lead form with focus on Title', async () => {
    const { page, problems } = await openInbox()
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).focus()
    await page.keyboard.press('n')
    const dialog = page.getByRole('dialog', { name: 'New lead' })
    const title = dialog.getByRole('textbox', { name: 'Title' })
    await title.waitFor()
    await expect.poll(() => hasFocus(title)).toBe(true)
    await page.keyboard.type('Typed at once')
    expect(await title.inputValue()).toBe('Typed at once')
    expect(problems).toEqual([])
  })
})
