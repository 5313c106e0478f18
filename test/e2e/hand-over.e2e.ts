import { describe, expect, it } from 'vitest'
import { loadDateParsersFirst } from '../../src/shared/quick-add/testing'
import { useTempDirs } from '../support/temp-dir'
import { startHarness } from './harness/server'
import { collectProblems } from './support/browser'
import { fridayOfTheLine } from './support/friday'
import { useChromium } from './support/use-chromium'

const tempDir = useTempDirs()
const browser = useChromium()
loadDateParsersFirst()

describe('Cmd/Ctrl+Enter in quick add', () => {
  it('opens the full form in the main window, filled with what the line said', async () => {
    const harness = await startHarness({ dataDir: tempDir() })
    const context = await browser.browser.newContext({ locale: 'en-GB' })
    try {
      const main = await context.newPage()
      const mainProblems = collectProblems(main)
      await main.goto(`${harness.url}/index.html`)
      await main.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()

      const quickAdd = await context.newPage()
      const quickAddProblems = collectProblems(quickAdd)
      await quickAdd.goto(`${harness.url}/quick-add.html`)
      const field = quickAdd.getByRole('textbox', { name: 'Describe the lead' })
      await field.fill('Acme renewal 5k EUR +Acme GmbH due 2026-12-24')
      await field.press('Control+Enter')

      const form = main.getByRole('dialog', { name: 'New lead' })
      await form.getByRole('textbox', { name: 'Title' }).waitFor()
      expect(await form.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Acme renewal')
      expect(await form.getByRole('combobox', { name: 'Currency', exact: true }).inputValue()).toBe(
        'EUR',
      )
      await expect.poll(() => field.inputValue()).toBe('')
      expect(harness.desktop).toMatchObject({ quickAddHidden: 1, mainWindowShown: 1 })
      // Nothing was saved: the user finishes the lead in the form.
      expect(harness.core.outbox.list()).toEqual([])
      expect([...mainProblems, ...quickAddProblems]).toEqual([])
    } finally {
      await context.close()
      await harness.close()
    }
  })

  it("keeps the line's next activity, and the form saves it as quick add would", async () => {
    const harness = await startHarness({ dataDir: tempDir() })
    harness.core.catalog.replaceActivityTypes([
      { id: 1, key: 'call', name: 'Call', active: true, orderNr: 1 },
      { id: 2, key: 'meeting', name: 'Meeting', active: true, orderNr: 2 },
    ])
    harness.core.catalog.upsertPersons([
      { id: 41, name: 'Jane Doe', email: null, organizationId: null, updateTime: null },
    ])
    const context = await browser.browser.newContext({ locale: 'en-GB' })
    try {
      const main = await context.newPage()
      const problems = collectProblems(main)
      await main.goto(`${harness.url}/index.html`)
      await main.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
      const quickAdd = await context.newPage()
      problems.push(...collectProblems(quickAdd))
      await quickAdd.goto(`${harness.url}/quick-add.html`)
      const field = quickAdd.getByRole('textbox', { name: 'Describe the lead' })
      await field.pressSequentially('Fleet +Depot call fri 10am')
      await quickAdd.getByText(/^Call, /).waitFor()
      await field.press('Control+Enter')

      const form = main.getByRole('dialog', { name: 'New lead' })
      const activity = form.getByRole('group', { name: 'Next activity' })
      await activity.waitFor()
      expect(await activity.getByRole('combobox', { name: 'Activity type' }).inputValue()).toBe(
        'call',
      )
      expect(await activity.getByLabel('Due date').inputValue()).toBe(fridayOfTheLine())
      expect(await activity.getByLabel('Time (optional)').inputValue()).toBe('10:00')
      await activity.getByRole('textbox', { name: 'Subject' }).fill('Fleet intro call')
      await form.getByRole('button', { name: 'Save lead' }).click()

      await expect.poll(() => harness.core.outbox.list().length).toBe(3)
      const rows = harness.core.outbox.list()
      const lead = rows.find((row) => row.kind === 'lead.create')!
      const next = rows.find((row) => row.kind === 'activity.create')!
      expect(next).toMatchObject({ title: 'Fleet intro call', state: 'queued' })
      expect(next.dependsOn).toEqual([lead.id])
      expect(harness.core.pendingLeads.draftOf(lead.id)?.activity).toEqual({
        type: 'call',
        subject: 'Fleet intro call',
        dueDate: fridayOfTheLine(),
        dueTime: '10:00',
      })

      // Straight in the form: a meeting on a day, no time, the subject left to its default.
      await main.getByRole('button', { name: 'New lead' }).click()
      const fresh = main.getByRole('dialog', { name: 'New lead' })
      await fresh.getByRole('textbox', { name: 'Title' }).fill('Depot visit')
      await fresh.getByRole('combobox', { name: 'Activity type' }).selectOption('meeting')
      await fresh.getByRole('button', { name: 'Save lead' }).click()
      // A type without a day is not enough; nor a lead without anyone.
      await fresh.getByText('Use a date like 2026-12-24').waitFor()
      await fresh.getByLabel('Due date').fill('2026-12-24')
      await fresh.getByRole('combobox', { name: 'Person' }).fill('Jane')
      await fresh.getByRole('option', { name: 'Jane Doe' }).click()
      await fresh.getByRole('button', { name: 'Save lead' }).click()
      await fresh.waitFor({ state: 'detached' })
      const meeting = harness.core.outbox
        .list()
        .find((row) => row.kind === 'activity.create' && row.title.startsWith('Meeting'))
      expect(meeting?.title).toBe('Meeting – Depot visit')
      expect(problems).toEqual([])
    } finally {
      await context.close()
      await harness.close()
    }
  })
})
