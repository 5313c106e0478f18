import { describe, expect, it } from 'vitest'
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
    expect(h.core.outbox.list().map((row) => row.state)).toEqual(['sent', 'sent', 'sent'])
    expect(problems).toEqual([])
  })
})
