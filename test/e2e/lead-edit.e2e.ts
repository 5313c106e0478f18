import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seedIds } from '../pipedrive-sandbox/seed'
import { screenshotDir } from './support/browser'
import { leadOption, leadOptions, seedTitles, useInboxRig } from './support/inbox-rig'

const { openInbox, sandboxLead } = useInboxRig()

describe('editing a Pipedrive lead in its pane', () => {
  it.each(['light', 'dark'] as const)(
    'changes person, organization, visibility and custom fields, through the outbox (%s)',
    async (scheme) => {
      const { page, harness: h, problems } = await openInbox({ scheme })
      await leadOption(page, seedTitles.lena).click()
      const pane = page.getByRole('region', { name: seedTitles.lena })
      await pane.getByText('Everyone in the company').waitFor()
      await pane.getByRole('button', { name: 'Edit' }).click()
      const form = pane.getByRole('form', { name: 'Edit lead' })

      // Without a person or an organization Pipedrive would refuse it: said at once.
      await form.getByRole('button', { name: 'Change person' }).click()
      await form.getByRole('button', { name: 'Save' }).click()
      await form
        .getByRole('alert')
        .filter({ hasText: 'A lead needs a person or an organization' })
        .waitFor()
      expect(h.core.outbox.list()).toEqual([])

      await form.getByRole('combobox', { name: 'Person' }).fill('maria')
      // Only people Pipedrive has: no "Create new" in an edit.
      await form.getByRole('option', { name: 'Maria Schmidt' }).click()
      expect(await form.getByRole('option', { name: /Create new/ }).count()).toBe(0)
      await form.getByRole('combobox', { name: 'Organization' }).fill('acme')
      await form.getByRole('option', { name: 'Acme Logistics GmbH' }).click()
      await form
        .getByLabel('Who can see it')
        .selectOption({ label: 'Only the owner and followers' })
      await form.getByLabel('Lead reference').fill('LBX-EDITED')
      await form.getByRole('checkbox', { name: 'Vans' }).check()
      if (scheme === 'light')
        await page.screenshot({ path: join(screenshotDir, 'lead-edit-light.png') })
      else await page.screenshot({ path: join(screenshotDir, 'lead-edit-dark.png') })
      await form.getByRole('button', { name: 'Save' }).click()

      // "will sync" until the row is sent, then said as sent (it may be sent at once).
      await expect
        .poll(() => pane.getByRole('status').textContent())
        .toMatch(/^Saved (— will sync|in Pipedrive)$/)
      // Shown as saved before Pipedrive has it.
      await pane.getByText('Acme Logistics GmbH').waitFor()
      await pane.getByText('LBX-EDITED').waitFor()
      await expect
        .poll(() => sandboxLead(seedIds.leads.lena)?.['visible_to'], { timeout: 15_000 })
        .toBe('1')
      expect(sandboxLead(seedIds.leads.lena)).toMatchObject({
        person_id: seedIds.persons.maria,
        organization_id: seedIds.organizations.acme,
        [seedIds.fields.leadReference]: 'LBX-EDITED',
      })
      expect(String(sandboxLead(seedIds.leads.lena)?.[seedIds.fields.products])).toBe(
        String(seedIds.options.products.vans),
      )
      expect(problems).toEqual([])
    },
  )
})

describe("a lead's contacts in its pane", () => {
  it('narrow the inbox to their leads, until the filter is taken off', async () => {
    const { page, problems } = await openInbox()
    await leadOption(page, seedTitles.acme).click()
    const pane = page.getByRole('region', { name: seedTitles.acme })
    await pane.getByRole('button', { name: 'Maria Schmidt' }).click()
    const titles = () => leadOptions(page).locator('.lead-row__title').allTextContents()
    await expect.poll(titles).toEqual([seedTitles.acme])
    await page.getByText('Person:').waitFor()
    await page.getByRole('button', { name: 'Show every lead, not only Maria Schmidt’s' }).click()
    await expect.poll(titles).toHaveLength(3)
    expect(problems).toEqual([])
  })
})

describe('a refused change in the pane', () => {
  it('is said next to the lead, with the way to the Outbox', async () => {
    const { page, sandbox, problems } = await openInbox()
    await leadOption(page, seedTitles.blueRiver).click()
    const pane = page.getByRole('region', { name: seedTitles.blueRiver })
    // Deleted in Pipedrive meanwhile: the edit made here cannot be applied.
    const deleted = await fetch(`${sandbox.url}/api/v1/leads/${seedIds.leads.blueRiver}`, {
      method: 'DELETE',
      headers: { 'x-api-token': sandbox.apiToken },
    })
    expect(deleted.status).toBe(200)
    await pane.getByRole('button', { name: 'Edit' }).click()
    await pane.getByRole('textbox', { name: 'Title' }).fill('Blue River Foods – two sites')
    await pane.getByRole('button', { name: 'Save' }).click()

    // The pane shows the saved title at once.
    const saved = page.getByRole('region', { name: 'Blue River Foods – two sites' })
    const refused = saved.getByRole('alert').filter({ hasText: 'needs your attention' })
    await refused.getByText(/no longer in Pipedrive/).waitFor({ timeout: 15_000 })
    // The list shows the lead as Pipedrive last had it, marked.
    await leadOption(page, seedTitles.blueRiver).getByText('needs attention').waitFor()
    await refused.getByRole('button', { name: 'Open the Outbox' }).click()
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor()
    expect(problems).toEqual([])
  })
})
