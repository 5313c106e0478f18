import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seedIds } from '../pipedrive-sandbox/seed'
import { screenshotDir } from './support/browser'
import { leadOption, seedTitles, useInboxRig } from './support/inbox-rig'

const { openInbox, sandboxLead } = useInboxRig()

describe('converting a lead to a deal', () => {
  it('asks first, converts through the outbox, then leaves the inbox and opens the deal', async () => {
    const { page, harness: h, sandbox, problems } = await openInbox()
    await leadOption(page, seedTitles.acme).click()
    const pane = page.getByRole('region', { name: seedTitles.acme })

    // It asks first; "Not now" queues nothing.
    await pane.getByRole('button', { name: 'Convert to deal…' }).click()
    const confirm = pane.getByRole('group', { name: 'Confirm conversion' })
    await confirm.getByText(/default pipeline/).waitFor()
    await confirm.getByRole('button', { name: 'Not now' }).click()
    await confirm.waitFor({ state: 'detached' })
    expect(h.core.outbox.list()).toEqual([])

    await pane.getByRole('button', { name: 'Convert to deal…' }).click()
    await confirm.getByRole('button', { name: 'Convert to deal' }).click()
    // While it goes, the lead is marked in the list and takes no other change.
    await pane
      .getByRole('status')
      .filter({ hasText: /Converting to a deal/ })
      .waitFor()
    expect(await pane.getByRole('button', { name: 'Edit' }).count()).toBe(0)

    // Pipedrive made the deal; the pane names it and the lead leaves the list.
    const done = pane.getByRole('status').filter({ hasText: /Converted to deal \d+/ })
    await done.waitFor({ timeout: 20_000 })
    const [conversion] = sandbox.state.conversions
    expect(conversion).toMatchObject({ lead_id: seedIds.leads.acmeFleet, status: 'completed' })
    expect(await done.textContent()).toBe(`Converted to deal ${String(conversion!['deal_id'])}.`)
    expect(sandboxLead(seedIds.leads.acmeFleet)).toBeUndefined()
    await leadOption(page, seedTitles.acme).waitFor({ state: 'detached' })
    expect(sandbox.state.count('POST /api/v2/leads/{id}/convert/deal')).toBe(1)
    await page.screenshot({ path: join(screenshotDir, 'lead-converted-light.png') })

    await pane.getByRole('button', { name: 'Open the deal in Pipedrive' }).click()
    await expect
      .poll(() => h.opened.links)
      .toEqual([`https://app.pipedrive.com/deal/${String(conversion!['deal_id'])}`])
    expect(problems).toEqual([])
  })

  it('marks a lead whose changes wait offline, and converts it once the network is back', async () => {
    const { page, harness: h, problems } = await openInbox({ scheme: 'dark' })
    h.network.set(false)
    await leadOption(page, seedTitles.lena).click()
    const pane = page.getByRole('region', { name: seedTitles.lena })
    await pane.getByRole('button', { name: 'Convert to deal…' }).click()
    await pane.getByRole('button', { name: 'Convert to deal' }).click()
    await pane
      .getByRole('status')
      .filter({ hasText: /as soon as Leadbox can reach it/ })
      .waitFor()
    await leadOption(page, seedTitles.lena).getByText('converting').waitFor()
    await page.screenshot({ path: join(screenshotDir, 'lead-converting-dark.png') })

    h.network.set(true)
    await pane
      .getByRole('status')
      .filter({ hasText: /Converted to deal \d+/ })
      .waitFor({ timeout: 20_000 })
    await leadOption(page, seedTitles.lena).waitFor({ state: 'detached' })
    expect(problems).toEqual([])
  })
})
