import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { startHarness } from './harness/server'
import { collectProblems } from './support/browser'
import { useChromium } from './support/use-chromium'

const tempDir = useTempDirs()
const browser = useChromium()

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
})
