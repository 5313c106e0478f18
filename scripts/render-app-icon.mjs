// Renders build/icon.svg, the one source of Leadbox's app icon, to build/icon.png (1024 px).
// electron-builder makes the macOS .icns, the Windows .ico and the Linux sizes from that PNG.
// Run it after changing the SVG and commit both files: `node scripts/render-app-icon.mjs`.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const root = join(import.meta.dirname, '..')
const svg = await readFile(join(root, 'build', 'icon.svg'), 'utf8')
const browser = await chromium.launch({
  executablePath: process.env.LEADBOX_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
})
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } })
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
  const png = await page.locator('svg').screenshot({ omitBackground: true })
  await writeFile(join(root, 'build', 'icon.png'), png)
} finally {
  await browser.close()
}
