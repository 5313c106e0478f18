import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import keytar from 'keytar'
import { afterEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../pipedrive-sandbox'
import { freePort } from '../support/free-port'
import { useTempDirs } from '../support/temp-dir'
import { startHarness, type Harness } from './harness/server'
import { collectProblems, screenshotDir } from './support/browser'
import { useChromium } from './support/use-chromium'
import { goToView, openMainWindow } from './support/views'

const tempDir = useTempDirs()
const keychainService = `Leadbox-e2e-${randomUUID()}`
const browser = useChromium()
let sandbox: Sandbox
let harness: Harness

afterEach(async () => {
  await harness?.close()
  await sandbox?.close()
  for (const { account } of await keytar.findCredentials(keychainService)) {
    await keytar.deletePassword(keychainService, account)
  }
})

async function openSettings() {
  const port = await freePort()
  sandbox = await startSandbox({
    oauth: { redirectUri: `http://localhost:${port}/oauth/callback` },
  })
  harness = await startHarness({
    dataDir: tempDir(),
    keychainService,
    pipedriveUrl: sandbox.url,
    oauthCallbackPort: port,
  })
  const context = await browser.browser.newContext({ viewport: { width: 1100, height: 820 } })
  const page = await context.newPage()
  const problems = collectProblems(page)
  await openMainWindow(page, harness.url)
  await goToView(page, 'Settings')
  return { page, context, problems }
}

describe('the Pipedrive account in Settings', () => {
  it('signs in with an API token, shows the account, and signs out', async () => {
    const { page, context, problems } = await openSettings()
    try {
      await page.getByText('Not connected.').waitFor()
      await page.screenshot({ path: join(screenshotDir, 'account-signed-out.png') })
      // The way every salesperson has comes first, with the steps to find the token; the
      // way that needs a Developer Hub app of one's own waits, folded, below it.
      const choices = await page
        .locator('.account-choice__title, .account-more summary')
        .evaluateAll((elements) =>
          elements.filter((element) => element.checkVisibility()).map((e) => e.textContent),
        )
      expect(choices).toEqual([
        'Connect with your API token',
        "Or sign in through your team's Pipedrive app",
      ])
      expect(await page.getByRole('button', { name: 'Sign in with Pipedrive' }).isVisible()).toBe(
        false,
      )
      await page.getByText('Personal preferences').waitFor()
      await page.getByRole('button', { name: 'Open the API tab in Pipedrive' }).click()
      await expect
        .poll(() => harness.opened.links.at(-1))
        .toBe('https://app.pipedrive.com/settings/api')
      const token = page.getByLabel('API token', { exact: true })
      await token.fill('not-the-token')
      await token.press('Enter')
      await page
        .getByRole('alert')
        .filter({ hasText: 'Pipedrive did not accept this API token' })
        .waitFor()
      expect(await keytar.findCredentials(keychainService)).toEqual([])
      await page.screenshot({ path: join(screenshotDir, 'account-wrong-token.png') })

      await token.fill(sandbox.apiToken)
      await page.getByRole('button', { name: 'Connect', exact: true }).click()
      const details = page.getByLabel('Connected Pipedrive account').getByRole('definition')
      await page.getByText('Connected. New leads go to this account.').waitFor()
      expect(await details.allTextContents()).toEqual([
        'Alex Morgan',
        'alex.morgan@northwind-trading.example',
        expect.any(String),
        'northwind-sandbox.pipedrive.com',
        'Personal API token',
      ])
      await page.screenshot({ path: join(screenshotDir, 'account-api-token.png') })
      // The token is in the keychain, and nowhere on the page.
      expect((await keytar.findCredentials(keychainService)).map((c) => c.account)).toEqual([
        '7420017:2001:api-token',
      ])
      expect(await page.content()).not.toContain(sandbox.apiToken)

      await page.getByRole('button', { name: 'Sign out' }).click()
      await page.getByText('Not connected.').waitFor()
      expect(await keytar.findCredentials(keychainService)).toEqual([])
      expect(problems).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('signs in with Pipedrive in the browser, through the loopback callback', async () => {
    const { page, context, problems } = await openSettings()
    try {
      await page.getByText("Or sign in through your team's Pipedrive app").click()
      await page.getByLabel('Client id').fill(sandbox.oauth.clientId)
      await page.getByLabel('Client secret').fill(sandbox.oauth.clientSecret)
      await page.getByRole('button', { name: 'Save Pipedrive app' }).click()
      await page.getByRole('button', { name: 'Sign in with Pipedrive' }).click()
      await page.getByText('Waiting for you to finish signing in in your browser').waitFor()

      // Main "opened the system browser": Playwright plays the browser.
      await expect.poll(() => harness.opened.links.length).toBe(1)
      const authorize = new URL(harness.opened.links[0] ?? '')
      expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+\//)
      const consent = await context.newPage()
      await consent.goto(authorize.toString())
      await consent.getByRole('button', { name: 'Allow' }).click()
      await consent.getByText('You can close this tab').waitFor()
      expect(new URL(consent.url()).pathname).toBe('/oauth/callback')
      await consent.screenshot({ path: join(screenshotDir, 'account-oauth-callback.png') })
      await consent.close()

      await page.getByText('Signed in with Pipedrive', { exact: true }).waitFor()
      await page.getByText('Alex Morgan').waitFor()
      await page.screenshot({ path: join(screenshotDir, 'account-oauth.png') })
      expect((await keytar.findCredentials(keychainService)).map((c) => c.account).sort()).toEqual([
        '7420017:2001:oauth',
        `oauth-client:${sandbox.oauth.clientId}`,
      ])

      await page.getByRole('button', { name: 'Sign out' }).click()
      await page.getByText('Not connected.').waitFor()
      expect(sandbox.state.count('POST /oauth/revoke', 200)).toBe(1)
      expect(sandbox.state.oauth.activeGrants).toBe(0)
      expect(problems).toEqual([])
    } finally {
      await context.close()
    }
  })
})
