import { describe, expect, it } from 'vitest'
import { seedIds } from '../pipedrive-sandbox/seed'
import { useInboxRig } from './support/inbox-rig'

const { openInbox } = useInboxRig()

describe("new leads' defaults, set in Settings", () => {
  it('are used by the lead form and by quick add, and visibility reads in plain words', async () => {
    const { page, harness: h, sandbox: box, problems } = await openInbox({ locale: 'en-GB' })
    await page.keyboard.press('Control+3')
    const section = page.getByRole('region', { name: 'New leads' })
    const status = section.getByRole('status')
    await section.getByLabel('Owner').selectOption({ label: 'Sam Rivera' })
    await expect.poll(() => status.textContent()).toBe('New leads get this owner.')
    await section.getByLabel('Currency').selectOption('USD')
    await expect.poll(() => status.textContent()).toMatch(/currency/)
    await section.getByLabel('Label').selectOption({ label: 'Warm' })
    await expect.poll(() => status.textContent()).toMatch(/label/)
    // The sandbox's company has no visibility groups: two plain choices and the usual one.
    const visibility = section.getByLabel('Who can see them')
    expect(await visibility.locator('option').allTextContents()).toEqual([
      'As usual in Pipedrive (your default)',
      'Only the owner and followers',
      'Everyone in the company',
    ])
    await visibility.selectOption({ label: 'Everyone in the company' })
    await expect.poll(() => status.textContent()).toMatch(/visible/)
    await expect
      .poll(() => h.core.catalog.leadDefaults())
      .toEqual({
        ownerId: seedIds.colleagues[0],
        currency: 'USD',
        labelId: seedIds.labels.warm,
        visibleTo: '3',
      })

    // The new-lead form starts from them.
    await page.keyboard.press('Control+1')
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).focus()
    await page.keyboard.press('n')
    const form = page.getByRole('dialog', { name: 'New lead' })
    await form.getByRole('textbox', { name: 'Title' }).waitFor()
    expect(await form.getByLabel('Owner').inputValue()).toBe(String(seedIds.colleagues[0]))
    expect(await form.getByLabel('Currency', { exact: true }).inputValue()).toBe('USD')
    expect(await form.getByRole('checkbox', { name: 'Warm' }).isChecked()).toBe(true)
    const who = form.getByLabel('Who can see it')
    expect(await who.inputValue()).toBe('3')
    expect(await who.locator('option:checked').textContent()).toBe('Everyone in the company')
    await page.keyboard.press('Escape')

    // Quick add fills what its line does not say.
    const quickAdd = await page.context().newPage()
    await quickAdd.goto(`${h.url}/quick-add.html`)
    const line = quickAdd.getByRole('textbox', { name: 'Describe the lead' })
    await line.fill('Pilot 5k +"Acme Logistics GmbH"')
    await box.faults.refuseConnections()
    await line.press('Enter')
    await expect
      .poll(() => quickAdd.getByRole('status').first().textContent(), {
        message: await quickAdd.locator('body').innerText(),
      })
      .toMatch(/^Saved/)
    const row = h.core.outbox.list().find((item) => item.title === 'Pilot')!
    expect(h.core.pendingLeads.draftOf(row.id)).toEqual({
      title: 'Pilot',
      organization: { kind: 'existing', id: seedIds.organizations.acme },
      value: { amount: 5000, currency: 'USD' },
      ownerId: seedIds.colleagues[0],
      labelIds: [seedIds.labels.warm],
      visibleTo: '3',
    })
    expect(problems).toEqual([])
  })

  it('reach a quick-add window already open, without reopening it', async () => {
    const { page, harness: h, problems } = await openInbox({ locale: 'en-GB' })
    const quickAdd = await page.context().newPage()
    await quickAdd.goto(`${h.url}/quick-add.html`)
    const line = quickAdd.getByRole('textbox', { name: 'Describe the lead' })
    const chips = quickAdd.getByRole('list', { name: 'Read from the line' })
    await line.pressSequentially('Pilot 5k')
    await chips.getByText('5,000 EUR').waitFor()

    await page.keyboard.press('Control+3')
    const section = page.getByRole('region', { name: 'New leads' })
    await section.getByLabel('Currency').selectOption('USD')
    await expect.poll(() => section.getByRole('status').textContent()).toMatch(/currency/)
    // Main's catalog event refreshes the open window's names and defaults.
    await chips.getByText('5,000 USD').waitFor()
    expect(problems).toEqual([])
  })

  it('a company with visibility groups gets its four meanings', async () => {
    const { page, problems } = await openInbox({
      before: async (h, box) => {
        // Someone makes a lead visible to the whole company: a value only such plans have.
        box.advanceTime(60_000)
        const answer = await fetch(`${box.url}/api/v1/leads/${seedIds.leads.lena}`, {
          method: 'PATCH',
          headers: { 'x-api-token': box.apiToken, 'content-type': 'application/json' },
          body: JSON.stringify({ visible_to: '7' }),
        })
        expect(answer.status).toBe(200)
        await h.core.inboxRefresher.refresh()
      },
    })
    await page.keyboard.press('Control+3')
    const visibility = page
      .getByRole('region', { name: 'New leads' })
      .getByLabel('Who can see them')
    expect(await visibility.locator('option').allTextContents()).toEqual([
      'As usual in Pipedrive (your default)',
      'Only the owner',
      "The owner's visibility group",
      "The owner's group and its sub-groups",
      'Everyone in the company',
    ])
    expect(problems).toEqual([])
  })
})
