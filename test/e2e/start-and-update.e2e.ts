import type { BrowserContext } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { startHarness, type Harness } from './harness/server'
import { collectProblems } from './support/browser'
import { useChromium } from './support/use-chromium'
import { goToView, openMainWindow } from './support/views'

const tempDir = useTempDirs()
const browser = useChromium()
let harness: Harness | undefined
let context: BrowserContext | undefined

afterEach(async () => {
  await context?.close()
  await harness?.close()
  context = undefined
  harness = undefined
})

async function openSettings() {
  harness = await startHarness({ dataDir: tempDir() })
  context = await browser.browser.newContext({ viewport: { width: 1100, height: 720 } })
  const page = await context.newPage()
  const problems = collectProblems(page)
  await openMainWindow(page, harness.url)
  await goToView(page, 'Settings')
  return { page, problems, harness }
}

describe('Settings: start at login and updates', () => {
  it('turns starting at login on and off with a switch', async () => {
    const { page, problems, harness } = await openSettings()
    const toggle = page.getByRole('switch', { name: 'Start Leadbox when I log in' })
    expect(await toggle.isChecked()).toBe(false)
    // The switch shows what main answers, so it flips once main has made the change.
    await toggle.click()
    await expect.poll(() => harness.desktop.launchAtLogin.enabled).toBe(true)
    await expect.poll(() => toggle.isChecked()).toBe(true)
    await toggle.click()
    await expect.poll(() => harness.desktop.launchAtLogin.enabled).toBe(false)
    await expect.poll(() => toggle.isChecked()).toBe(false)
    expect(problems).toEqual([])
  })

  it('says why updates are off, then offers "Restart to update" once one is ready', async () => {
    const { page, problems, harness } = await openSettings()
    const status = page.getByTestId('update-status')
    await expect
      .poll(() => status.textContent())
      .toBe('Updates are off while Leadbox runs from its source code.')
    expect(await page.getByRole('button', { name: 'Restart to update' }).count()).toBe(0)

    harness.desktop.updates = {
      state: 'ready',
      version: '1.2.0',
      percent: null,
      lastCheckedAt: Date.now(),
      message: null,
    }
    harness.core.events.emit('updates:changed', undefined)
    await expect.poll(() => status.textContent()).toContain('Leadbox 1.2.0 is ready')
    await page.getByRole('button', { name: 'Restart to update' }).click()
    await expect.poll(() => harness.desktop.restartsToUpdate).toBe(1)
    expect(problems).toEqual([])
  })
})
