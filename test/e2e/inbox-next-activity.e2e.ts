import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seedIds } from '../pipedrive-sandbox/seed'
import type { Sandbox } from '../pipedrive-sandbox'
import {
  leadOption as option,
  leadOptions as options,
  seedTitles,
  useInboxRig,
} from './support/inbox-rig'

const { openInbox } = useInboxRig()
const titles = (page: Page) => options(page).locator('.lead-row__title').allTextContents()
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

/** An activity made in Pipedrive itself, as a colleague would. */
async function addActivity(sandbox: Sandbox, leadId: string, dueDate: string) {
  const answer = await fetch(`${sandbox.url}/api/v2/activities`, {
    method: 'POST',
    headers: { 'x-api-token': sandbox.apiToken, 'content-type': 'application/json' },
    body: JSON.stringify({
      subject: 'Follow up',
      type: 'call',
      lead_id: leadId,
      due_date: dueDate,
    }),
  })
  await answer.arrayBuffer()
}

describe('next activities in the inbox', () => {
  it('marks leads with none planned or one overdue, and filters on it', async () => {
    // Acme's next activity is the seed's call in two days; Blue River's was three days ago;
    // Lena has none.
    const { page, sandbox, problems } = await openInbox({
      locale: 'en-GB',
      before: async (h, box) => {
        await addActivity(box, seedIds.leads.blueRiver, day(-3))
        await h.core.inboxRefresher.refresh()
      },
    })
    await expect
      .poll(() => titles(page))
      .toEqual([seedTitles.lena, seedTitles.acme, seedTitles.blueRiver])
    const overdueDay = await page.evaluate(
      (d) =>
        new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date(`${d}T00:00:00Z`),
        ),
      day(-3),
    )
    await option(page, seedTitles.blueRiver).getByText(`Overdue since ${overdueDay}`).waitFor()
    await option(page, seedTitles.lena).getByText('No next activity').waitFor()
    const acme = option(page, seedTitles.acme)
    expect(await acme.getByText(/No next activity|Overdue/).count()).toBe(0)
    // A screen reader reads the mark with the row.
    expect(await option(page, seedTitles.lena).textContent()).toContain('No next activity')

    const filter = page.getByLabel('Next activity')
    await filter.selectOption({ label: 'Overdue' })
    await expect.poll(() => titles(page)).toEqual([seedTitles.blueRiver])
    await filter.selectOption({ label: 'None planned' })
    await expect.poll(() => titles(page)).toEqual([seedTitles.lena])

    // An activity planned in Pipedrive: Lena's mark goes at the next refresh.
    await addActivity(sandbox, seedIds.leads.lena, day(5))
    await page.getByRole('button', { name: 'Refresh' }).click()
    await expect.poll(() => titles(page)).toEqual([])
    await filter.selectOption({ label: 'Any' })
    await expect.poll(() => titles(page)).toHaveLength(3)
    expect(await option(page, seedTitles.lena).getByText('No next activity').count()).toBe(0)
    expect(problems).toEqual([])
  })

  it('counts a lead captured by quick add with its next activity as planned', async () => {
    const { page, harness: h, problems } = await openInbox({ locale: 'en-GB' })
    const quickAdd = await page.context().newPage()
    await quickAdd.goto(`${h.url}/quick-add.html`)
    const field = quickAdd.getByRole('textbox', { name: 'Describe the lead' })
    await field.pressSequentially('Depot tour +Depot call fri 10am')
    await quickAdd
      .getByRole('list', { name: 'Read from the line' })
      .getByRole('listitem')
      .filter({ hasText: 'Next activity' })
      .waitFor()
    await field.press('Enter')
    await field.pressSequentially('Warehouse audit +Audit')
    await field.press('Enter')
    await expect.poll(() => h.core.outbox.list().length).toBe(5)
    await quickAdd.close()

    // Once in Pipedrive, the lead with its activity has no mark; the other says so.
    await page.getByRole('button', { name: 'Refresh' }).click()
    await expect
      .poll(() => titles(page), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(['Depot tour', 'Warehouse audit']))
    await expect
      .poll(() => h.core.outbox.list().every((row) => row.state === 'sent'), { timeout: 15_000 })
      .toBe(true)
    await option(page, 'Warehouse audit').getByText('No next activity').waitFor()
    expect(await option(page, 'Depot tour').getByText('No next activity').count()).toBe(0)
    await page.getByLabel('Next activity').selectOption({ label: 'None planned' })
    await expect
      .poll(() => titles(page))
      .toEqual(expect.arrayContaining(['Warehouse audit', seedTitles.lena]))
    expect(await titles(page)).not.toContain('Depot tour')
    expect(problems).toEqual([])
  })

  it('marks a waiting lead queued without an activity, not one queued with its activity', async () => {
    // Signed out: the leads wait in the outbox.
    const { page, harness: h, problems } = await openInbox({ signIn: false })
    h.core.outbox.enqueueLead({
      title: 'Depot tour',
      organization: { kind: 'existing', id: 7 },
      activity: { type: 'call', dueDate: day(3) },
    })
    h.core.outbox.enqueueLead({
      title: 'Warehouse audit',
      organization: { kind: 'existing', id: 7 },
    })
    h.core.outboxChanged()
    const waiting = page.locator('.pending-lead')
    await expect.poll(() => waiting.count()).toBe(2)
    await waiting.filter({ hasText: 'Warehouse audit' }).getByText('No next activity').waitFor()
    expect(
      await waiting.filter({ hasText: 'Depot tour' }).getByText('No next activity').count(),
    ).toBe(0)
    await page.getByLabel('Next activity').selectOption({ label: 'None planned' })
    await expect
      .poll(() => waiting.locator('.pending-lead__title').allTextContents())
      .toEqual(['Warehouse audit'])
    await page.getByLabel('Next activity').selectOption({ label: 'Overdue' })
    await expect.poll(() => waiting.count()).toBe(0)
    expect(problems).toEqual([])
  })
})
