import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useInboxRig } from './support/inbox-rig'

const rig = useInboxRig()

/**
 * Signed in to a fresh sandbox with the catalog loaded; then someone adds a person in
 * Pipedrive, whom the cached catalog does not know.
 */
async function openWithNewcomer() {
  let quentin: { id: number } | undefined
  const opened = await rig.openInbox({
    viewport: { width: 1100, height: 820 },
    async before(h, box) {
      const added = await fetch(`${box.url}/api/v2/persons`, {
        method: 'POST',
        headers: { 'x-api-token': box.apiToken, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Quentin Newcomer',
          emails: [{ value: 'quentin@globex.example', primary: true }],
        }),
      })
      expect(added.status).toBe(200)
      quentin = ((await added.json()) as { data: { id: number } }).data
      expect(h.core.catalog.searchPersons('quentin')).toEqual([])
    },
  })
  const { page } = opened
  await page.getByRole('button', { name: 'New lead' }).click()
  const form = page.getByRole('dialog', { name: 'New lead' })
  await form.getByRole('textbox', { name: 'Title' }).waitFor()
  return { ...opened, form, box: opened.sandbox, h: opened.harness, quentin: quentin! }
}

/** A picker's live region (the other picker and the sync indicator have theirs). */
const pickerStatus = (page: Page, name: 'Person' | 'Organization' = 'Person') =>
  page
    .locator('.new-lead__picker')
    .filter({ has: page.getByRole('combobox', { name }) })
    .getByRole('status')

describe("the lead form's contact search", () => {
  it('finds a person only Pipedrive knows, and the lead reaches Pipedrive with them', async () => {
    const { page, form, problems, box, h, quentin } = await openWithNewcomer()
    const title = `Globex trucks ${randomUUID().slice(0, 8)}`
    await form.getByRole('textbox', { name: 'Title' }).fill(title)

    // Pipedrive answers slowly, so the wait is there to be seen.
    box.faults.delay(1500, { method: 'GET', path: '/api/v2/persons/search' })
    const person = form.getByRole('combobox', { name: 'Person' })
    await person.fill('Newcomer')
    await pickerStatus(page).filter({ hasText: 'Searching Pipedrive…' }).waitFor()
    const options = form.getByRole('listbox', { name: 'Person' }).getByRole('option')
    await form.getByRole('option', { name: 'Create new person “Newcomer”' }).waitFor()

    // The email comes only with Pipedrive's answer (the catalog may learn the name by itself).
    const found = form.getByRole('option', { name: 'Quentin Newcomer quentin@globex.example' })
    await found.waitFor()
    await expect.poll(() => pickerStatus(page).textContent()).toBe('')
    // What only Pipedrive knew comes before "Create new …", which stays the last choice.
    expect(await options.allTextContents()).toEqual([
      'Quentin Newcomer quentin@globex.example',
      'Create new person “Newcomer”',
    ])
    // Kept in the catalog for offline use (and the local index has them now too).
    expect(h.core.catalog.searchPersons('quentin').map((p) => p.id)).toEqual([quentin.id])

    // The keyboard works as before: down to "Create new …", up again, Enter picks.
    await person.press('ArrowDown')
    await expect.poll(() => options.last().getAttribute('aria-selected')).toBe('true')
    await person.press('ArrowUp')
    await expect.poll(() => found.getAttribute('aria-selected')).toBe('true')
    await person.press('Enter')
    const picked = form.getByRole('group', { name: 'Person' })
    expect(await picked.textContent()).toContain('Quentin Newcomer')

    await form.getByRole('button', { name: 'Save lead' }).click()
    await form.waitFor({ state: 'detached' })
    await expect
      .poll(() => box.state.leads.find((lead) => lead['title'] === title)?.['person_id'], {
        timeout: 20_000,
      })
      .toBe(quentin.id)
    // One search for the one term: typing, the answer and the catalog change asked no more.
    expect(box.state.count('GET /api/v2/persons/search')).toBe(1)
    expect(problems).toEqual([])
  })

  it('offline, offers the catalog only and says nothing of Pipedrive, until back online', async () => {
    const { page, form, problems, box, h } = await openWithNewcomer()
    const sync = page.getByRole('status', { name: /^Sync status/ })
    h.network.set(false)
    await expect.poll(() => sync.getAttribute('aria-label')).toMatch(/Offline/)

    const person = form.getByRole('combobox', { name: 'Person' })
    await person.fill('Newcomer')
    await form.getByRole('option', { name: 'Create new person “Newcomer”' }).waitFor()
    expect(await pickerStatus(page).textContent()).toBe('')
    expect(await form.locator('.new-lead__choices-hint').count()).toBe(0)
    expect(await form.getByRole('listbox', { name: 'Person' }).getByRole('option').count()).toBe(1)

    // Back online, the same text is searched, now that Pipedrive can be asked; the email
    // comes only with its answer.
    h.network.set(true)
    await form.getByRole('option', { name: 'Quentin Newcomer quentin@globex.example' }).waitFor()
    expect(box.state.count('GET /api/v2/persons/search')).toBe(1)
    expect(problems).toEqual([])
  })

  it("says quietly when Pipedrive's search fails, and the catalog's choices still work", async () => {
    const { page, form, problems, box } = await openWithNewcomer()
    box.faults.failNext(1, { status: 500, method: 'GET', path: '/api/v2/organizations/search' })
    const organization = form.getByRole('combobox', { name: 'Organization' })
    await organization.fill('acme')
    await expect
      .poll(() => pickerStatus(page, 'Organization').textContent())
      .toMatch(/^Pipedrive's search did not work\./)
    const options = form.getByRole('listbox', { name: 'Organization' }).getByRole('option')
    expect(await options.allTextContents()).toEqual([
      'Acme Logistics GmbH',
      'Create new organization “acme”',
    ])
    expect(await form.getByRole('alert').count()).toBe(0)
    await organization.press('Enter')
    expect(await form.getByRole('group', { name: 'Organization' }).textContent()).toContain(
      'Acme Logistics GmbH',
    )
    expect(problems).toEqual([])
  })
})
