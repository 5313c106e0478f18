import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seedIds } from '../pipedrive-sandbox/seed'
import { useInboxRig } from './support/inbox-rig'

const rig = useInboxRig()

/** Signed in to a fresh sandbox, with its catalog cached, and the lead form open. */
async function openLeadForm() {
  const opened = await rig.openInbox({ viewport: { width: 1100, height: 820 } })
  const { page } = opened
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).focus()
  await page.keyboard.press('n')
  const form = page.getByRole('dialog', { name: 'New lead' })
  await form.getByRole('textbox', { name: 'Title' }).waitFor()
  return { ...opened, form }
}

const labelInput = (form: ReturnType<Page['getByRole']>) =>
  form.getByRole('textbox', { name: 'Find or create a label' })

describe('creating a label in the lead form', () => {
  it('creates it in Pipedrive from the keyboard, selects it, and the lead goes out with it', async () => {
    const { page, form, problems, sandbox: box, harness: h } = await openLeadForm()
    const title = `Fair contact ${randomUUID().slice(0, 8)}`
    await form.getByRole('textbox', { name: 'Title' }).fill(title)
    const organization = form.getByRole('combobox', { name: 'Organization' })
    await organization.fill('acme')
    await form.getByRole('option', { name: 'Acme Logistics GmbH' }).click()

    // A name the company already has, in other case: selected, not created.
    const name = labelInput(form)
    await name.fill('hot')
    await name.press('Enter')
    expect(await form.getByRole('checkbox', { name: 'Hot' }).isChecked()).toBe(true)
    expect(await name.inputValue()).toBe('')

    // A new name: a color from the keyboard (Gray, then three along to Pink), then Create.
    await name.fill('Trade fair')
    const create = form.getByRole('button', { name: 'Create label “Trade fair”' })
    await create.waitFor()
    await name.press('Tab')
    expect(
      await form
        .getByRole('radio', { name: 'Gray', exact: true })
        .evaluate((r) => r === document.activeElement),
    ).toBe(true)
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight')
    expect(await form.getByRole('radio', { name: 'Pink' }).isChecked()).toBe(true)
    await page.keyboard.press('Tab')
    expect(await create.evaluate((button) => button === document.activeElement)).toBe(true)
    await page.keyboard.press('Enter')

    // Selected in the same step as announced; the checkbox follows with the catalog.
    await form
      .getByRole('status')
      .filter({ hasText: 'Label “Trade fair” created and selected.' })
      .waitFor()
    const created = form.getByRole('checkbox', { name: 'Trade fair' })
    await created.waitFor()
    expect(await created.isChecked()).toBe(true)
    expect(await form.getByRole('checkbox', { name: 'Hot' }).isChecked()).toBe(true)
    expect(
      await form
        .locator('.new-lead__label .label-chip', { hasText: 'Trade fair' })
        .getAttribute('data-color'),
    ).toBe('pink')
    expect(await name.evaluate((input) => input === document.activeElement)).toBe(true)
    const label = box.state.leadLabels.find((candidate) => candidate['name'] === 'Trade fair')
    expect(label).toMatchObject({ color: 'pink' })
    expect(h.core.catalog.knownLabelIds()?.has(label!['id'] as string)).toBe(true)

    await form.getByRole('button', { name: 'Save lead' }).click()
    await form.waitFor({ state: 'detached' })
    await expect
      .poll(() => box.state.leads.find((lead) => lead['title'] === title)?.['label_ids'], {
        timeout: 15_000,
      })
      .toEqual(expect.arrayContaining([label!['id'], seedIds.labels.hot]))
    expect(box.state.leads.find((lead) => lead['title'] === title)?.['label_ids']).toHaveLength(2)
    expect(
      box.state.leadLabels.filter((candidate) => candidate['name'] === 'Trade fair'),
    ).toHaveLength(1)

    // The inbox shows the lead, as Pipedrive has it, with the new label's name and color.
    const row = page
      .getByRole('listbox', { name: /leads$/ })
      .getByRole('option')
      .filter({ hasText: title })
    const chip = row.locator('.label-chip', { hasText: 'Trade fair' })
    await chip.waitFor({ timeout: 15_000 })
    expect(await chip.getAttribute('data-color')).toBe('pink')
    expect(problems).toEqual([])
  })

  it('offline, says a label needs a connection and keeps what was typed; online again, it works', async () => {
    const { form, problems, sandbox: box } = await openLeadForm()
    await box.faults.refuseConnections()
    const titleBox = form.getByRole('textbox', { name: 'Title' })
    await titleBox.fill('Webinar follow-up')
    await form.getByRole('checkbox', { name: 'Warm' }).check()

    const name = labelInput(form)
    await name.fill('Webinar')
    await name.press('Enter')
    const alert = form
      .getByRole('alert')
      .filter({ hasText: 'Creating a label needs a connection to Pipedrive.' })
    await alert.waitFor()
    expect(await name.getAttribute('aria-invalid')).toBe('true')
    expect(await name.inputValue()).toBe('Webinar')
    expect(await titleBox.inputValue()).toBe('Webinar follow-up')
    expect(await form.getByRole('checkbox', { name: 'Warm' }).isChecked()).toBe(true)
    expect(await form.getByRole('checkbox', { name: 'Webinar' }).count()).toBe(0)
    expect(box.state.leadLabels.some((label) => label['name'] === 'Webinar')).toBe(false)

    // Esc clears the name and its message, and leaves the form open.
    await name.press('Escape')
    expect(await name.inputValue()).toBe('')
    await alert.waitFor({ state: 'detached' })
    expect(await form.isVisible()).toBe(true)

    await box.faults.acceptConnections()
    await name.fill('Webinar')
    await name.press('Enter')
    await form
      .getByRole('status')
      .filter({ hasText: 'Label “Webinar” created and selected.' })
      .waitFor()
    await form.getByRole('checkbox', { name: 'Webinar' }).waitFor()
    expect(await form.getByRole('checkbox', { name: 'Webinar' }).isChecked()).toBe(true)
    expect(await form.getByRole('checkbox', { name: 'Warm' }).isChecked()).toBe(true)
    expect(await titleBox.inputValue()).toBe('Webinar follow-up')
    expect(await form.getByRole('alert').count()).toBe(0)
    expect(box.state.leadLabels.filter((label) => label['name'] === 'Webinar')).toEqual([
      expect.objectContaining({ color: 'gray' }),
    ])
    expect(problems).toEqual([])
  })
})
