// From pressing Enter in the quick-add window to the lead's row committed, measured in the
// browser harness: the real renderer in Chromium, the real IPC router and core, a real SQLite
// file. The page times each Enter keydown to the answer of 'leads:create', which main sends
// only after the commit. Needs the built renderer (npm run build).
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHarness } from '../test/e2e/harness/server'
import { launchChromium } from '../test/e2e/support/browser'
import { percentile, round } from './percentiles'

declare global {
  interface Window {
    __enterToCommit?: number[]
  }
}

export async function benchQuickAddEnter(count = 100) {
  if (!existsSync('out/renderer/quick-add.html')) {
    throw new Error('Build the app first (npm run build): this benchmark loads out/renderer.')
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'leadbox-bench-'))
  const harness = await startHarness({ dataDir })
  const browser = await launchChromium()
  try {
    const page = await browser.browser.newPage()
    await page.addInitScript(() => {
      const times: number[] = []
      window.__enterToCommit = times
      let pressedAt = 0
      document.addEventListener(
        'keydown',
        (event) => {
          if (event.key === 'Enter') pressedAt = performance.now()
        },
        true,
      )
      const send = window.fetch.bind(window)
      window.fetch = async (input, init) => {
        const response = await send(input, init)
        if (String(input).includes(encodeURIComponent('leads:create'))) {
          await response.clone().json()
          times.push(performance.now() - pressedAt)
        }
        return response
      }
    })
    await page.goto(`${harness.url}/quick-add.html`)
    const field = page.getByRole('textbox', { name: 'Describe the lead' })
    await field.waitFor()
    for (let i = 0; i < count; i++) {
      await field.fill(`Lead ${i} 5k EUR +Acme due fri`)
      await page.keyboard.press('Enter')
      await page.waitForFunction((n) => (window.__enterToCommit?.length ?? 0) > n, i)
    }
    const samples = await page.evaluate(() => window.__enterToCommit ?? [])
    const committed = harness.core.outbox.counts().queued
    return {
      name: 'quick add: Enter to row committed (harness, Chromium)',
      samples: samples.length,
      committed,
      p50Ms: round(percentile(samples, 50), 1),
      p95Ms: round(percentile(samples, 95), 1),
      target: 'p95 <= 30 ms',
      passed: percentile(samples, 95) <= 30,
    }
  } finally {
    await browser.close()
    await harness.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
