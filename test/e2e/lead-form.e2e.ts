import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seedIds } from '../pipedrive-sandbox/seed'
import { screenshotDir } from './support/browser'
import { useInboxRig } from './support/inbox-rig'

const rig = useInboxRig()

/** Signed in to a fresh sandbox, with its catalog (users, labels, fields, contacts) cached. */
const openInbox = () => rig.openInbox({ viewport: { width: 1100, height: 820 } })

const dialog = (page: Page) => page.getByRole('dialog', { name: 'New lead' })

/** `n` from the inbox, with focus on the page rather than in a field. */
async function openWithN(page: Page) {
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).focus()
  await page.keyboard.press('n')
  await dialog(page).getByRole('textbox', { name: 'Title' }).waitFor()
}

const { fields, options, labels } = seedIds

describe('the lead form', () => {
  it('captures every field offline, then Pipedrive gets all of them and the note', async () => {
    const { page, problems, sandbox: box, harness: h } = await openInbox()
    await box.faults.refuseConnections()
    await openWithN(page)
    const form = dialog(page)
    const title = `Fleet renewal ${randomUUID().slice(0, 8)}`

    await form.getByRole('textbox', { name: 'Title' }).fill(title)
    // A new person, created inline from what was typed in the typeahead.
    const person = form.getByRole('combobox', { name: 'Person' })
    await person.fill('Ada Byron')
    await person.press('ArrowDown')
    await form.getByRole('option', { name: 'Create new person “Ada Byron”' }).waitFor()
    await person.press('Enter')
    const newPerson = form.getByRole('group', { name: 'New person' })
    expect(await newPerson.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Ada Byron')
    await newPerson.getByRole('textbox', { name: 'Email' }).fill('ada@example.com')
    await newPerson.getByRole('textbox', { name: 'Phone' }).fill('+49 30 123456')
    // An existing organization from the cached catalog, found by a later word of its name.
    const organization = form.getByRole('combobox', { name: 'Organization' })
    await organization.fill('logis')
    await form.getByRole('option', { name: 'Acme Logistics GmbH' }).click()

    await form.getByRole('textbox', { name: 'Value' }).fill('5000')
    expect(await form.getByRole('combobox', { name: 'Currency', exact: true }).inputValue()).toBe(
      'EUR',
    )
    await form.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'Sam Rivera' })
    await form.getByRole('checkbox', { name: 'Hot' }).check()
    await form.getByRole('checkbox', { name: 'Warm' }).check()
    await form.getByLabel('Expected close date').fill('2026-12-24')
    await form.getByLabel('Who can see it').selectOption({ label: 'Everyone in the company' })
    await form.getByRole('checkbox', { name: 'Mark as seen' }).check()
    await form.getByRole('textbox', { name: 'Lead reference' }).fill('LBX-FORM-1')
    await form.getByRole('textbox', { name: 'Meeting notes' }).fill('Wants 12 trucks by spring')
    await form.getByRole('textbox', { name: 'Fleet size' }).fill('12')
    await form.getByRole('textbox', { name: 'Budget', exact: true }).fill('80000')
    await form.getByRole('combobox', { name: 'Budget currency' }).selectOption('USD')
    await form.getByLabel('Follow-up date').fill('2026-11-02')
    await form.getByRole('combobox', { name: 'Customer segment' }).selectOption('Retail')
    const products = form.getByRole('group', { name: 'Products of interest' })
    await products.getByRole('checkbox', { name: 'Trucks' }).check()
    await products.getByRole('checkbox', { name: 'Leasing' }).check()
    await form.getByRole('textbox', { name: 'Note', exact: true }).fill('Met at the Hamburg fair')

    // From the top of the form; transitions finished, so the new scheme's colors are final.
    await form.evaluate((element) => element.scrollTo(0, 0))
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({
        path: join(screenshotDir, `lead-form-${scheme}.png`),
        animations: 'disabled',
      })
    }
    await page.emulateMedia({ colorScheme: 'light' })

    await form.getByRole('button', { name: 'Save lead' }).click()
    await form.waitFor({ state: 'detached' })
    await page.getByRole('status').filter({ hasText: 'Saved — will sync' }).waitFor()
    const pending = page.getByRole('list', { name: 'Waiting to sync' })
    await pending.getByText(title).waitFor()

    await box.faults.acceptConnections()
    // The OS reports the network back; otherwise the engine waits out its unreachable period.
    h.network.set(false)
    h.network.set(true)
    await expect
      .poll(() => box.state.notes.some((note) => note['content'] === 'Met at the Hamburg fair'), {
        timeout: 20_000,
      })
      .toBe(true)
    const lead = box.state.leads.find((candidate) => candidate['title'] === title)
    expect(lead).toMatchObject({
      value: { amount: 5000, currency: 'EUR' },
      owner_id: seedIds.colleagues[0],
      organization_id: seedIds.organizations.acme,
      expected_close_date: '2026-12-24',
      visible_to: '3',
      was_seen: true,
      [fields.leadReference]: 'LBX-FORM-1',
      [fields.meetingNotes]: 'Wants 12 trucks by spring',
      [fields.fleetSize]: 12,
      [fields.budget]: 80000,
      [`${fields.budget}_currency`]: 'USD',
      [fields.followUpDate]: '2026-11-02',
      [fields.segment]: options.segment.retail,
      [fields.products]: `${options.products.trucks},${options.products.leasing}`,
    })
    expect([...(lead!['label_ids'] as string[])].sort()).toEqual([labels.hot, labels.warm].sort())
    const ada = box.state.persons.find((candidate) => candidate['id'] === lead!['person_id'])
    expect(ada?.['name']).toBe('Ada Byron')
    const note = box.state.notes.find(
      (candidate) => candidate['content'] === 'Met at the Hamburg fair',
    )
    expect(note?.['lead_id']).toBe(lead!['id'])
    expect(problems).toEqual([])
  })

  it('asks before Esc discards a keystroke it overtook', async () => {
    const { page, problems } = await openInbox()
    await openWithN(page)
    const form = dialog(page)
    const title = form.getByRole('textbox', { name: 'Title' })
    // The keystroke and Esc in one task: Esc arrives before React has drawn the keystroke.
    await title.evaluate((input: HTMLInputElement) => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
      setValue.call(input, 'Typed just before Esc')
      input.dispatchEvent(new Event('input', { bubbles: true }))
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    })
    await form.getByRole('alertdialog', { name: 'Discard changes?' }).waitFor()
    await form.getByRole('button', { name: 'Keep editing' }).click()
    expect(await title.inputValue()).toBe('Typed just before Esc')

    // Typed back to empty, there is nothing to lose: Esc closes at once.
    await title.fill('')
    await page.keyboard.press('Escape')
    await form.waitFor({ state: 'detached' })
    expect(problems).toEqual([])
  })

  it('shows what is missing next to the fields and saves nothing', async () => {
    const { page, problems, harness: h } = await openInbox()
    await page.getByRole('button', { name: 'New lead' }).click()
    const form = dialog(page)
    await form.getByRole('button', { name: 'Save lead' }).click()
    const title = form.getByRole('textbox', { name: 'Title' })
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true')
    await form.getByRole('alert').filter({ hasText: 'Give the lead a title' }).waitFor()
    await form
      .getByRole('alert')
      .filter({ hasText: 'Link the lead to a person or an organization' })
      .waitFor()
    expect(await form.getByRole('combobox', { name: 'Person' }).getAttribute('aria-invalid')).toBe(
      'true',
    )
    // Focus went to the first field with a problem.
    expect(await title.evaluate((input) => input === document.activeElement)).toBe(true)
    expect(h.core.outbox.list()).toEqual([])

    // Typing fixes the title's message at once; Esc then asks before dropping what was typed.
    await title.fill('Half a lead')
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe(null)
    await page.keyboard.press('Escape')
    const confirm = form.getByRole('alertdialog', { name: 'Discard changes?' })
    await confirm.getByRole('button', { name: 'Keep editing' }).click()
    expect(await title.inputValue()).toBe('Half a lead')
    await page.keyboard.press('Escape')
    await confirm.getByRole('button', { name: 'Discard' }).click()
    await form.waitFor({ state: 'detached' })
    expect(h.core.outbox.list()).toEqual([])

    // The palette opens the same form.
    await page.keyboard.press('Control+k')
    await page.keyboard.type('New lead')
    await page.keyboard.press('Enter')
    await dialog(page).getByRole('textbox', { name: 'Title' }).waitFor()
    await page.keyboard.press('Escape')
    await dialog(page).waitFor({ state: 'detached' })
    expect(problems).toEqual([])
  })
})

describe('a lead Pipedrive refused', () => {
  it('opens in the form from the Outbox, whole, and goes through once fixed', async () => {
    const { page, problems, sandbox: box, harness: h } = await openInbox()
    const title = `Refused ${randomUUID().slice(0, 8)}`
    // A currency this company does not have: Pipedrive answers 400.
    const item = h.core.outbox.enqueueLead({
      title,
      organization: { kind: 'existing', id: seedIds.organizations.acme },
      value: { amount: 700, currency: 'XYZ' },
      note: 'Keep this note',
    })
    h.core.outboxChanged()
    await expect
      .poll(() => h.core.outbox.get(item.id)?.state, { timeout: 10_000 })
      .toBe('needs_attention')

    await page.keyboard.press('Control+2')
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor()
    await page.getByRole('button', { name: 'Edit' }).click()
    const form = page.getByRole('dialog', { name: 'Edit lead' })
    await form.getByRole('textbox', { name: 'Title' }).waitFor()
    expect(await form.getByRole('textbox', { name: 'Title' }).inputValue()).toBe(title)
    await form.getByRole('combobox', { name: 'Currency', exact: true }).selectOption('EUR')
    await form.getByRole('button', { name: /^Save/ }).click()
    await form.waitFor({ state: 'detached' })

    await expect
      .poll(() => box.state.leads.find((lead) => lead['title'] === title)?.['value'], {
        timeout: 15_000,
      })
      .toEqual({ amount: 700, currency: 'EUR' })
    const lead = box.state.leads.find((candidate) => candidate['title'] === title)!
    expect(box.state.leads.filter((candidate) => candidate['title'] === title)).toHaveLength(1)
    await expect
      .poll(() =>
        box.state.notes.filter((note) => note['lead_id'] === lead['id']).map((n) => n['content']),
      )
      .toEqual(['Keep this note'])
    expect(problems).toEqual([])
  })
})
