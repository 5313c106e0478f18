import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seedIds } from '../pipedrive-sandbox/seed'
import { leadOption, seedTitles, useInboxRig } from './support/inbox-rig'

const { openInbox } = useInboxRig()

/** How many lines a row of buttons takes: one per distinct top edge. */
async function lineCount(buttons: Locator): Promise<number> {
  const tops = await buttons.evaluateAll((elements) =>
    elements.map((element) => Math.round(element.getBoundingClientRect().top)),
  )
  return new Set(tops).size
}

describe('the inbox as a salesperson reads it', () => {
  it('names its columns, explains the unseen dot, and shows pending leads like Pipedrive ones', async () => {
    const {
      page,
      harness: h,
      problems,
    } = await openInbox({
      locale: 'en-GB',
      // Pipedrive does not answer, so the leads stay pending.
      before: (_h, box) => box.faults.refuseConnections(),
    })
    const columns = page.getByTestId('lead-columns')
    expect(await columns.locator('span').allTextContents()).toEqual([
      '',
      'Lead and contact',
      'Labels',
      'Value',
      'Owner',
      'Close date',
    ])
    // The names sit over their columns: the value's header lines up with the values.
    const valueHeader = await columns.getByText('Value').boundingBox()
    const value = await leadOption(page, seedTitles.acme).locator('.lead-row__value').boundingBox()
    expect(Math.abs(valueHeader!.x + valueHeader!.width - (value!.x + value!.width))).toBeLessThan(
      4,
    )
    await page.getByText('Not opened in Pipedrive yet').first().waitFor()
    const dot = page.locator('.lead-row__seen[data-seen="false"]').first()
    expect(await dot.getAttribute('title')).toBe('Not opened in Pipedrive yet')

    h.core.outbox.enqueueLead({
      title: 'Wayne pilot',
      person: { kind: 'existing', id: seedIds.persons.maria },
      organization: { kind: 'new', name: 'Wayne Enterprises' },
      value: { amount: 5000.5, currency: 'EUR' },
      labelIds: [seedIds.labels.hot],
    })
    h.core.outboxChanged()
    const pending = page.locator('.pending-lead').filter({ hasText: 'Wayne pilot' })
    await pending.waitFor()
    expect(await pending.locator('.pending-lead__contact').textContent()).toBe(
      'Maria Schmidt · Wayne Enterprises',
    )
    expect(await pending.locator('.label-chip').allTextContents()).toEqual(['Hot'])
    expect(await pending.locator('.pending-lead__value').textContent()).toBe('€5,000.50')
    expect(problems).toEqual([])
  })

  it("uses a wide window's width, keeps the pane's actions on few lines and Save in view", async () => {
    const { page, problems } = await openInbox({ viewport: { width: 1680, height: 720 } })
    const list = page.getByRole('listbox', { name: 'Pipedrive leads' })
    // Content no longer stops at about 1,070 px.
    expect((await list.boundingBox())!.width).toBeGreaterThan(1200)

    await leadOption(page, seedTitles.acme).click()
    const pane = page.getByRole('region', { name: seedTitles.acme })
    await pane.getByRole('button', { name: 'Edit' }).waitFor()
    expect(await lineCount(pane.locator('.lead-detail__actions > button'))).toBe(1)
    // Rare and irreversible actions wait at the pane's foot.
    expect(await pane.locator('.lead-detail__footer button').allTextContents()).toEqual([
      'Open in Pipedrive',
      'Delete…',
    ])

    await page.setViewportSize({ width: 1100, height: 640 })
    expect(await lineCount(pane.locator('.lead-detail__actions > button'))).toBeLessThanOrEqual(2)
    await pane.getByRole('button', { name: 'Edit' }).click()
    const save = pane.getByRole('button', { name: 'Save' })
    await save.waitFor()
    const box = (await save.boundingBox())!
    expect(box.y + box.height).toBeLessThanOrEqual(640)
    // Reachable without scrolling: the point at its centre is the button itself.
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.textContent,
      [box.x + box.width / 2, box.y + box.height / 2],
    )
    expect(hit).toBe('Save')
    expect(problems).toEqual([])
  })
})
