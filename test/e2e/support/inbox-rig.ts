import { randomUUID } from 'node:crypto'
import keytar from 'keytar'
import type { BrowserContext, Page } from 'playwright-core'
import { afterEach } from 'vitest'
import { startSandbox, type Sandbox } from '../../pipedrive-sandbox'
import { useTempDirs } from '../../support/temp-dir'
import { startHarness, type Harness } from '../harness/server'
import { collectProblems } from './browser'
import { useChromium } from './use-chromium'

export interface OpenedInbox {
  page: Page
  harness: Harness
  sandbox: Sandbox
  problems: string[]
}

/**
 * For an end-to-end file about the main window: each test opens a fresh harness signed in
 * to a fresh sandbox with its catalog and leads cached (unless told not to), on the inbox;
 * all is closed after it.
 */
export function useInboxRig() {
  const tempDir = useTempDirs()
  const keychainService = `Leadbox-e2e-${randomUUID()}`
  const browser = useChromium()
  let sandbox: Sandbox | undefined
  let harness: Harness | undefined
  let context: BrowserContext | undefined

  afterEach(async () => {
    await context?.close()
    await harness?.close()
    await sandbox?.close()
    context = harness = sandbox = undefined
    for (const { account } of await keytar.findCredentials(keychainService)) {
      await keytar.deletePassword(keychainService, account)
    }
  })

  async function openInbox(
    options: {
      scheme?: 'light' | 'dark'
      signIn?: boolean
      /** Runs once the harness is ready, before the page loads. */
      before?: (h: Harness, sandbox: Sandbox) => void | Promise<void>
      viewport?: { width: number; height: number }
      /** The browser's locale, for how values and dates are written (the system's by default). */
      locale?: string
    } = {},
  ): Promise<OpenedInbox> {
    const box = await startSandbox()
    sandbox = box
    const h = await startHarness({ dataDir: tempDir(), keychainService, pipedriveUrl: box.url })
    harness = h
    if (options.signIn !== false) {
      await h.core.accounts.signInWithToken(box.apiToken)
      await h.core.catalogRefresher.refresh()
      await h.core.inboxRefresher.refresh()
    }
    await options.before?.(h, box)
    context = await browser.browser.newContext({
      colorScheme: options.scheme ?? 'light',
      viewport: options.viewport ?? { width: 1100, height: 720 },
      ...(options.locale ? { locale: options.locale } : {}),
    })
    const page = await context.newPage()
    const problems = collectProblems(page)
    await page.goto(`${h.url}/index.html`)
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
    return { page, harness: h, sandbox: box, problems }
  }

  return {
    openInbox,
    /** A lead as the sandbox stores it now. */
    sandboxLead: (id: string) => sandbox?.state.leads.find((lead) => lead['id'] === id),
  }
}

export const leadList = (page: Page) => page.getByRole('listbox', { name: /leads$/ })
export const leadOptions = (page: Page) => leadList(page).getByRole('option')
export const leadOption = (page: Page, title: string) =>
  leadOptions(page).filter({ hasText: title })

export const seedTitles = {
  acme: 'Acme Logistics – fleet renewal',
  blueRiver: 'Blue River Foods – cold storage',
  lena: 'Lena Fischer – consulting',
  archived: 'Old trade fair contact',
}
