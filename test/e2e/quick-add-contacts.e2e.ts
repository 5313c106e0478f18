import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seedIds } from '../pipedrive-sandbox/seed'
import { screenshotDir } from './support/browser'
import { useInboxRig } from './support/inbox-rig'

const { openInbox } = useInboxRig()

describe('contact details in the quick-add line', () => {
  it('makes the new person, with email and phone, in the new organization', async () => {
    // en-GB: a number typed without its country code would be read as British.
    const { page, harness: h, sandbox: box, problems } = await openInbox({ locale: 'en-GB' })
    const quickAdd = await page.context().newPage()
    await quickAdd.goto(`${h.url}/quick-add.html`)
    const line = quickAdd.getByRole('textbox', { name: 'Describe the lead' })
    await line.pressSequentially('Pilot @"Mia Wong" mia@globex.example +44 20 7946 0958 +Globex')

    const chips = quickAdd.getByRole('list', { name: 'Read from the line' }).getByRole('listitem')
    await expect.poll(() => chips.count()).toBe(4)
    const meanings = await chips.locator('.chip__meaning').allTextContents()
    expect(meanings).toEqual([
      'Mia Wong (new person)',
      'mia@globex.example',
      '+44 20 7946 0958',
      'Globex (new organization)',
    ])
    expect(await quickAdd.getByTestId('quick-add-title').textContent()).toBe('Pilot')

    await line.press('Enter')
    await expect.poll(() => quickAdd.getByRole('status').first().textContent()).toMatch(/^Saved/)

    // Synced: the person is in the organization, with the details, once.
    const lead = () => box.state.leads.find((l) => l['title'] === 'Pilot')
    await expect.poll(lead, { timeout: 15_000 }).toBeDefined()
    const organizations = box.state.organizations.filter((o) => o['name'] === 'Globex')
    const persons = box.state.persons.filter((p) => p['name'] === 'Mia Wong')
    expect(organizations).toHaveLength(1)
    expect(persons).toHaveLength(1)
    expect(persons[0]).toMatchObject({
      org_id: organizations[0]!['id'],
      emails: [{ value: 'mia@globex.example', primary: true }],
      phones: [{ value: '+442079460958', primary: true }],
    })
    expect(lead()).toMatchObject({
      person_id: persons[0]!['id'],
      organization_id: organizations[0]!['id'],
    })
    // Pipedrive has the lead a moment before the answer is recorded.
    await expect
      .poll(() => h.core.outbox.list().map((row) => row.state))
      .toEqual(['sent', 'sent', 'sent'])
    expect(problems).toEqual([])
  })

  it('offers the person a new name likely means, someone new one key away, and tells of an open lead', async () => {
    const { page, harness: h, sandbox: box, problems } = await openInbox({ locale: 'en-GB' })
    const quickAdd = await page.context().newPage()
    await quickAdd.goto(`${h.url}/quick-add.html`)
    const line = quickAdd.getByRole('textbox', { name: 'Describe the lead' })
    const listbox = quickAdd.getByRole('listbox', { name: /Which person is “M\. Schmidt”/ })
    const highlighted = () => listbox.locator('[aria-selected="true"]').textContent()

    // Initials: Maria Schmidt is the default; a new person is one arrow key away.
    await line.pressSequentially('Pilot @"M. Schmidt"')
    await listbox.waitFor()
    expect(await listbox.getByRole('option').allTextContents()).toEqual([
      'Maria Schmidt',
      'New person “M. Schmidt”',
    ])
    expect(await highlighted()).toBe('Maria Schmidt')
    await line.press('ArrowDown')
    expect(await highlighted()).toBe('New person “M. Schmidt”')
    await line.press('ArrowUp')
    await line.press('Enter')
    expect(await line.inputValue()).toBe('Pilot @"Maria Schmidt" ')

    // Maria already has a lead in the inbox: said before the save.
    const openLead = quickAdd.getByTestId('quick-add-open-lead')
    await expect
      .poll(() => openLead.textContent())
      .toBe('Maria Schmidt already has an open lead: “Acme Logistics – fleet renewal”.')

    await line.press('Enter')
    await expect.poll(() => quickAdd.getByRole('status').first().textContent()).toMatch(/^Saved/)
    const lead = () => box.state.leads.find((l) => l['title'] === 'Pilot')
    await expect.poll(lead, { timeout: 15_000 }).toBeDefined()
    expect(lead()!['person_id']).toBe(seedIds.persons.maria)
    expect(box.state.persons.filter((p) => p['name'] === 'M. Schmidt')).toHaveLength(0)

    // Picking someone new makes someone new.
    await line.pressSequentially('Trial @"M. Schmidt"')
    await listbox.waitFor()
    await line.press('ArrowDown')
    await line.press('Enter')
    await quickAdd.getByText('M. Schmidt (new person)').waitFor()
    expect(await openLead.count()).toBe(0)
    await line.press('Enter')
    const trial = () => box.state.leads.find((l) => l['title'] === 'Trial')
    await expect.poll(trial, { timeout: 15_000 }).toBeDefined()
    const made = box.state.persons.filter((p) => p['name'] === 'M. Schmidt')
    expect(made).toHaveLength(1)
    expect(trial()!['person_id']).toBe(made[0]!['id'])
    expect(problems).toEqual([])
  })

  it('reads the next line against what the last one queued: its open lead, its new person', async () => {
    const { page, harness: h, problems } = await openInbox({ locale: 'en-GB' })
    // Offline: what is saved stays in the outbox, out of Pipedrive's lists.
    h.network.set(false)
    const quickAdd = await page.context().newPage()
    await quickAdd.goto(`${h.url}/quick-add.html`)
    const line = quickAdd.getByRole('textbox', { name: 'Describe the lead' })
    const saved = () => quickAdd.getByRole('status').first().textContent()
    const openLead = quickAdd.getByTestId('quick-add-open-lead')

    // Tom Becker has no lead in the inbox; the one just saved is his open lead.
    await line.pressSequentially('Fleet @Tom Becker')
    await quickAdd.getByText('Tom Becker (in Pipedrive)').waitFor()
    expect(await openLead.count()).toBe(0)
    await line.press('Enter')
    await expect.poll(saved).toMatch(/^Saved/)
    await line.pressSequentially('Service @Tom Becker')
    await expect
      .poll(() => openLead.textContent())
      .toBe('Tom Becker already has an open lead: “Fleet”.')
    await line.press('Escape')

    // A new person, then her initials: the waiting Jane Doe is offered, as the catalog's
    // people are, and chosen she is not made twice.
    await line.pressSequentially('Pilot @Jane Doe')
    await quickAdd.getByText('Jane Doe (new person)').waitFor()
    await line.press('Enter')
    await expect.poll(saved).toBe('Saved offline — will sync: Pilot')
    await line.pressSequentially('Trial @J. Doe')
    const listbox = quickAdd.getByRole('listbox', { name: /Which person is “J\. Doe”/ })
    await listbox.waitFor()
    expect(await listbox.getByRole('option').allTextContents()).toEqual([
      'Jane Doe (waiting to be sent)',
      'New person “J. Doe”',
    ])
    await line.press('Enter')
    expect(await line.inputValue()).toBe('Trial @"Jane Doe" ')
    await expect
      .poll(() => openLead.textContent())
      .toBe('Jane Doe already has an open lead: “Pilot”.')
    await line.press('Enter')
    await expect.poll(saved).toBe('Saved offline — will sync: Trial')

    const rows = h.core.outbox.list()
    const persons = rows.filter((row) => row.kind === 'person.create')
    expect(persons.map((row) => row.title)).toEqual(['Jane Doe'])
    const trial = rows.find((row) => row.title === 'Trial')
    expect(trial!.dependsOn).toEqual([persons[0]!.id])
    expect(problems).toEqual([])
  })

  it('reads a whole line: money, a new person with email and phone, a known organization, a label and the next activity', async () => {
    const { page, harness: h, sandbox: box, problems } = await openInbox({ locale: 'en-GB' })
    const quickAdd = await page.context().newPage()
    // The quick-add window's size.
    await quickAdd.setViewportSize({ width: 640, height: 320 })
    await quickAdd.goto(`${h.url}/quick-add.html`)
    const line = quickAdd.getByRole('textbox', { name: 'Describe the lead' })
    await line.pressSequentially(
      'Cold store pilot 12k EUR @"Mia Wong" mia@blueriver.example +44 20 7946 0958 +Blue River Foods #hot call tomorrow 10am',
    )
    const chips = quickAdd.getByRole('list', { name: 'Read from the line' }).getByRole('listitem')
    await expect.poll(() => chips.count()).toBe(7)
    const meanings = await chips.locator('.chip__meaning').allTextContents()
    expect(meanings.slice(0, 6)).toEqual([
      '12,000 EUR',
      'Mia Wong (new person)',
      'mia@blueriver.example',
      '+44 20 7946 0958',
      'Blue River Foods (in Pipedrive)',
      'Hot',
    ])
    expect(meanings[6]).toMatch(/^Call, .+ 10:00$/)
    expect(await quickAdd.getByTestId('quick-add-title').textContent()).toBe('Cold store pilot')
    // All of it in view in the window, and the picture of quick add in the README.
    const activity = chips.nth(6)
    const bounds = await activity.boundingBox()
    expect(bounds!.y + bounds!.height).toBeLessThanOrEqual(320)
    await quickAdd.screenshot({ path: join(screenshotDir, 'quick-add-light.png') })

    await line.press('Enter')
    await expect.poll(() => quickAdd.getByRole('status').first().textContent()).toMatch(/^Saved/)
    const lead = () => box.state.leads.find((l) => l['title'] === 'Cold store pilot')
    await expect.poll(lead, { timeout: 15_000 }).toBeDefined()
    const mia = box.state.persons.filter((p) => p['name'] === 'Mia Wong')
    expect(mia).toHaveLength(1)
    expect(mia[0]).toMatchObject({ org_id: seedIds.organizations.blueRiver })
    await expect
      .poll(() => box.state.activities.filter((a) => a['lead_id'] === lead()!['id']).length, {
        timeout: 15_000,
      })
      .toBe(1)
    expect(problems).toEqual([])
  })
})
