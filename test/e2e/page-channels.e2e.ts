import { describe, expect, it } from 'vitest'
import type { LeadboxApi } from '../../src/shared/ipc/leadbox-api'
import { useTempDirs } from '../support/temp-dir'
import { startHarness } from './harness/server'
import { useChromium } from './support/use-chromium'

// The quick-add window floats over every application, so its page gets only what quick add
// needs. Asked from the page itself, through the same window.leadbox the preload builds.

type WithLeadbox = { leadbox: LeadboxApi }

const tempDir = useTempDirs()
const browser = useChromium()

describe('what each page may ask of main', () => {
  it('the quick-add page cannot sign out or change the shortcut; the main window can', async () => {
    const harness = await startHarness({ dataDir: tempDir() })
    const context = await browser.browser.newContext()
    try {
      const page = await context.newPage()
      await page.goto(`${harness.url}/quick-add.html`)
      await page.getByRole('textbox', { name: 'Describe the lead' }).waitFor()
      const fromQuickAdd = await page.evaluate(async () => {
        const { leadbox } = window as unknown as WithLeadbox
        return {
          signOut: await leadbox.auth.signOut(),
          shortcut: await leadbox.shortcut.set({ accelerator: 'CommandOrControl+Alt+K' }),
          context: await leadbox.catalog.getQuickAddContext(),
        }
      })
      const refused = {
        ok: false,
        error: {
          code: 'forbidden_sender',
          message:
            "The quick-add window cannot do this. Open Leadbox's main window to do it there.",
        },
      }
      expect(fromQuickAdd.signOut).toEqual(refused)
      expect(fromQuickAdd.shortcut).toEqual(refused)
      expect(fromQuickAdd.context).toMatchObject({ ok: true })

      await page.goto(`${harness.url}/index.html`)
      await page.waitForFunction(() => 'leadbox' in window)
      const fromMain = await page.evaluate(() =>
        (window as unknown as WithLeadbox).leadbox.shortcut.set({
          accelerator: 'CommandOrControl+Alt+K',
        }),
      )
      expect(fromMain).toMatchObject({
        ok: true,
        value: { accelerator: 'CommandOrControl+Alt+K', registered: true },
      })
    } finally {
      await context.close()
      await harness.close()
    }
  })
})
