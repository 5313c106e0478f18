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

  it('the edit form asks before Esc or Cancel throws edits away, and not when nothing changed', async () => {
    const { page, problems } = await openInbox()
    await leadOption(page, seedTitles.lena).click()
    const pane = page.getByRole('region', { name: seedTitles.lena })
    await pane.getByRole('button', { name: 'Edit' }).click()
    const form = pane.getByRole('form', { name: 'Edit lead' })
    const title = form.getByRole('textbox', { name: 'Title' })
    await expect.poll(() => hasFocus(title)).toBe(true)

    // Nothing changed: Esc goes back to the lead at once.
    await page.keyboard.press('Escape')
    await form.waitFor({ state: 'detached' })
    await pane.getByRole('button', { name: 'Edit' }).click()
    await expect.poll(() => hasFocus(title)).toBe(true)

    // A keystroke and Esc in one task: Esc comes before React has drawn the keystroke.
    await title.evaluate((input: HTMLInputElement) => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
      setValue.call(input, 'Lena Fischer – typed')
      input.dispatchEvent(new Event('input', { bubbles: true }))
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    })
    const confirm = form.getByRole('alertdialog', { name: 'Discard changes?' })
    await confirm.waitFor()
    await confirm.getByRole('button', { name: 'Keep editing' }).click()
    expect(await title.inputValue()).toBe('Lena Fischer – typed')
    await expect.poll(() => hasFocus(title)).toBe(true)

    // Cancel asks too; Discard goes back to the lead as it was.
    await form.getByRole('button', { name: 'Cancel' }).click()
    await confirm.getByRole('button', { name: 'Discard' }).click()
    await form.waitFor({ state: 'detached' })
    await pane.getByRole('heading', { name: seedTitles.lena }).waitFor()
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
