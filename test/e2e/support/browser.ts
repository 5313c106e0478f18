import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

/** Debian's Chromium, or another given in LEADBOX_CHROMIUM. */
export const chromiumPath = process.env['LEADBOX_CHROMIUM'] ?? '/usr/bin/chromium'

export interface LaunchedBrowser {
  browser: Browser
  close(): Promise<void>
}

/** Headless, with a fresh throwaway profile (Playwright makes one) and no background traffic. */
export async function launchChromium(): Promise<LaunchedBrowser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    browser,
    close: () => browser.close(),
  }
}

/** Everything the page complains about: console errors, CSP violations, uncaught errors. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()}`)
    }
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  return problems
}

export const screenshotDir = join('test-results', 'screenshots')
