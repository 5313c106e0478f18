import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useInboxRig } from './support/inbox-rig'
import { goToView } from './support/views'

const { openInbox } = useInboxRig()

const signature = [
  'Kind regards,',
  '',
  'Oliver Hughes',
  'Business Development Manager',
  'Carrington & Webb Ltd',
  'T: +44 (0)20 7946 0958',
  'M: 07911 123456',
  'E: oliver.hughes@carringtonwebb.example',
].join('\n')

const vCard = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Sophie Clarke',
  'ORG:Halden Engineering plc',
  'TITLE:Procurement Lead',
  'TEL;TYPE=WORK:0161 496 0123',
  'EMAIL:sophie.clarke@halden.example',
  'END:VCARD',
].join('\r\n')

const email = [
  'From: Anna Mueller <anna.mueller@beispiel.example>',
  'To: sales@leadbox.example',
  'Subject: Quote for 50 seats',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hello, we would like a quote for 50 seats.',
  '',
  'Best regards,',
  'Anna Mueller',
  'Head of Purchasing',
  'Beispiel Maschinenbau GmbH',
  'Tel. +49 30 12345678',
].join('\r\n')

/** What the user's paste hands the page: the clipboard's text in the paste event. */
async function paste(field: Locator, text: string) {
  await field.evaluate((input, pasted) => {
    const data = new DataTransfer()
    data.setData('text/plain', pasted)
    input.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  }, text)
}

/** A file dragged from the desktop and let go over the page. */
async function dropFile(page: Page, file: { name: string; type: string; content: string }) {
  await page.evaluate(({ name, type, content }) => {
    const data = new DataTransfer()
    data.items.add(new File([content], name, { type }))
    for (const kind of ['dragover', 'drop']) {
      document.body.dispatchEvent(
        new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }),
      )
    }
  }, file)
}

async function openQuickAdd(page: Page, url: string) {
  const quickAdd = await page.context().newPage()
  await quickAdd.goto(`${url}/quick-add.html`)
  const line = quickAdd.getByRole('textbox', { name: 'Describe the lead' })
  const chips = quickAdd.getByRole('list', { name: 'Read from the line' }).getByRole('listitem')
  return { quickAdd, line, chips }
}

describe('capture from what is on screen', () => {
  it('turns a pasted signature into the new person’s chips, saved with the lead', async () => {
    const { page, harness: h, sandbox: box, problems } = await openInbox({ locale: 'en-GB' })
    const { quickAdd, line, chips } = await openQuickAdd(page, h.url)
    await line.pressSequentially('Warehouse pilot ')
    await paste(line, signature)

    await expect.poll(() => chips.count()).toBe(4)
    expect(await chips.locator('.chip__meaning').allTextContents()).toEqual([
      'Oliver Hughes (new person)',
      'Carrington & Webb Ltd (new organization)',
      'oliver.hughes@carringtonwebb.example',
      '+44 20 7946 0958',
    ])
    expect(await quickAdd.getByTestId('quick-add-title').textContent()).toBe('Warehouse pilot')

    await line.press('Enter')
    await expect.poll(() => quickAdd.getByRole('status').first().textContent()).toMatch(/^Saved/)
    const person = () => box.state.persons.find((p) => p['name'] === 'Oliver Hughes')
    await expect.poll(person, { timeout: 15_000 }).toBeDefined()
    expect(person()).toMatchObject({
      emails: [{ value: 'oliver.hughes@carringtonwebb.example', primary: true }],
      phones: [{ value: '+442079460958', primary: true }],
    })
    expect(problems).toEqual([])
  })

  /** The hidden window shown again: it takes focus, as the OS gives it. */
  const shownAgain = async (quickAdd: Page) => {
    await quickAdd.bringToFront()
    await quickAdd.evaluate(() => window.dispatchEvent(new FocusEvent('focus')))
  }

  it('offers a contact copied to the clipboard as one chip, used only when picked', async () => {
    const { page, harness: h, problems } = await openInbox({ locale: 'en-GB' })
    // Copied while quick add was not open: nothing reads it yet.
    h.desktop.clipboard = signature
    const quickAdd = await page.context().newPage()
    await quickAdd.goto(`${h.url}/quick-add.html`)
    const line = quickAdd.getByRole('textbox', { name: 'Describe the lead' })
    await line.waitFor()
    expect(h.desktop.clipboardReads).toBe(0)

    // The user opens quick add (shortcut or tray): the clipboard is read then, once, and the
    // window, loaded while hidden, asks for it as it takes focus.
    h.openQuickAdd()
    await shownAgain(quickAdd)
    const chip = quickAdd.getByRole('button', {
      name: /^From clipboard: Oliver Hughes, oliver\.hughes@carringtonwebb\.example/,
    })
    await chip.waitFor()
    expect(h.desktop.clipboardReads).toBe(1)
    // Offered, not used: the line and the outbox are untouched.
    expect(await line.inputValue()).toBe('')
    await line.pressSequentially('Warehouse pilot')
    await line.press('Alt+v')
    await expect.poll(() => line.inputValue()).toMatch(/^Warehouse pilot @"Oliver Hughes"/)
    expect(await chip.count()).toBe(0)
    const chips = quickAdd.getByRole('list', { name: 'Read from the line' }).getByRole('listitem')
    expect(await chips.locator('.chip__meaning').allTextContents()).toEqual([
      'Oliver Hughes (new person)',
      'Carrington & Webb Ltd (new organization)',
      'oliver.hughes@carringtonwebb.example',
      '+44 20 7946 0958',
    ])
    expect(h.core.outbox.list()).toEqual([])

    // Turned off in Settings, opening quick add reads nothing.
    await page.bringToFront()
    await goToView(page, 'Settings')
    const offer = page.getByRole('switch', { name: 'Offer contacts copied to the clipboard' })
    expect(await offer.isChecked()).toBe(true)
    await offer.uncheck()
    await expect.poll(() => h.core.clipboardOffer.enabled()).toBe(false)
    h.openQuickAdd()
    await shownAgain(quickAdd)
    expect(h.desktop.clipboardReads).toBe(1)
    expect(await quickAdd.getByText(/^From clipboard/).count()).toBe(0)
    expect(problems).toEqual([])
  })

  it('fills the quick-add line from a contact card dropped on its window', async () => {
    const { page, harness: h, problems } = await openInbox({ locale: 'en-GB' })
    const { line, chips } = await openQuickAdd(page, h.url)
    await line.pressSequentially('Bearings')
    await dropFile(line.page(), { name: 'sophie.vcf', type: 'text/vcard', content: vCard })

    await expect.poll(() => chips.count()).toBe(4)
    expect(await chips.locator('.chip__meaning').allTextContents()).toEqual([
      'Sophie Clarke (new person)',
      'Halden Engineering plc (new organization)',
      'sophie.clarke@halden.example',
      '+44 161 496 0123',
    ])
    expect(await line.inputValue()).toMatch(/^Bearings @"Sophie Clarke"/)
    expect(problems).toEqual([])
  })

  it('reads a pasted mailto: link into the person and email chips', async () => {
    const { page, harness: h, problems } = await openInbox({ locale: 'en-GB' })
    const { quickAdd, line, chips } = await openQuickAdd(page, h.url)
    await line.pressSequentially('Intro call')
    await paste(line, 'mailto:Mia%20Wong%20%3Cmia@globex.example%3E?subject=Hello')

    await expect.poll(() => chips.count()).toBe(2)
    expect(await chips.locator('.chip__meaning').allTextContents()).toEqual([
      'Mia Wong (new person)',
      'mia@globex.example',
    ])
    expect(await quickAdd.getByTestId('quick-add-title').textContent()).toBe('Intro call')
    expect(problems).toEqual([])
  })

  it('opens the full form filled from an email dropped on the main window', async () => {
    const { page, sandbox: box, problems } = await openInbox({ locale: 'de-DE' })
    await dropFile(page, { name: 'quote.eml', type: 'message/rfc822', content: email })

    const form = page.getByRole('dialog', { name: 'New lead' })
    const title = form.getByRole('textbox', { name: 'Title' })
    await title.waitFor()
    expect(await title.inputValue()).toBe('Quote for 50 seats')
    const newPerson = form.getByRole('group', { name: 'New person' })
    expect(await newPerson.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Anna Mueller')
    expect(await newPerson.getByRole('textbox', { name: 'Email' }).inputValue()).toBe(
      'anna.mueller@beispiel.example',
    )
    expect(await newPerson.getByRole('textbox', { name: 'Phone' }).inputValue()).toBe(
      '+493012345678',
    )
    const newOrganization = form.getByRole('group', { name: 'New organization' })
    expect(await newOrganization.getByRole('textbox', { name: 'Name' }).inputValue()).toBe(
      'Beispiel Maschinenbau GmbH',
    )
    const note = form.getByRole('textbox', { name: 'Note', exact: true })
    expect(await note.inputValue()).toMatch(/^Hello, we would like a quote for 50 seats\./)

    await form.getByRole('button', { name: /^Save/ }).click()
    await form.waitFor({ state: 'detached' })
    const lead = () => box.state.leads.find((l) => l['title'] === 'Quote for 50 seats')
    await expect.poll(lead, { timeout: 15_000 }).toBeDefined()
    await expect
      .poll(() => box.state.notes.filter((n) => n['lead_id'] === lead()!['id']).length)
      .toBe(1)
    expect(problems).toEqual([])
  })

  it('says in plain words when a dropped file is not a contact card or an email', async () => {
    const { page, problems } = await openInbox()
    await dropFile(page, { name: 'notes.txt', type: 'text/plain', content: 'hello' })
    await expect
      .poll(() => page.getByRole('alert').locator('p').textContent())
      .toBe('Only a contact card (.vcf) or a saved email (.eml) can be dropped here.')
    await dropFile(page, { name: 'broken.vcf', type: 'text/vcard', content: 'BEGIN:VCARD\nnope' })
    await expect
      .poll(() => page.getByRole('alert').locator('p').textContent())
      .toBe('This contact card could not be read: it is damaged or not a vCard.')
    expect(await page.getByRole('dialog', { name: 'New lead' }).count()).toBe(0)

    // A lead being written is the user's work: a drop does not replace it.
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).focus()
    await page.keyboard.press('n')
    const title = page
      .getByRole('dialog', { name: 'New lead' })
      .getByRole('textbox', { name: 'Title' })
    await title.fill('Half written')
    await dropFile(page, { name: 'quote.eml', type: 'message/rfc822', content: email })
    await expect
      .poll(() => page.getByRole('alert').locator('p').textContent())
      .toBe('Save or close the lead you are writing, then drop the file again.')
    expect(await title.inputValue()).toBe('Half written')
    await page.getByRole('button', { name: 'Dismiss' }).click()
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'drop the file again' }).count())
      .toBe(0)
    expect(problems).toEqual([])
  })
})
