import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import keytar from 'keytar'
import { afterEach, describe, expect, it } from 'vitest'
import { seedIds, startSandbox, type Sandbox } from '../pipedrive-sandbox'
import { useTempDirs } from '../support/temp-dir'
import { startHarness, type Harness } from './harness/server'
import { collectProblems, screenshotDir } from './support/browser'
import { useChromium } from './support/use-chromium'

const tempDir = useTempDirs()
const keychainService = `Leadbox-e2e-${randomUUID()}`
const browser = useChromium()
let sandbox: Sandbox | undefined
let harness: Harness | undefined

afterEach(async () => {
  await harness?.close()
  await sandbox?.close()
  for (const { account } of await keytar.findCredentials(keychainService)) {
    await keytar.deletePassword(keychainService, account)
  }
})

const leadId = seedIds.leads.acmeFleet

describe('an offline edit that meets an edit in Pipedrive', () => {
  it('shows both values in the Outbox and sends the one the user keeps', async () => {
    sandbox = await startSandbox()
    const box = sandbox
    harness = await startHarness({ dataDir: tempDir(), keychainService, pipedriveUrl: box.url })
    const api = (method: string, body?: unknown) =>
      fetch(`${box.url}/api/v1/leads/${leadId}`, {
        method,
        headers: { 'x-api-token': box.apiToken, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }).then((r) => r.json() as Promise<{ data: Record<string, unknown> }>)

    // Edited here while offline, from the lead as it was…
    const before = (await api('GET')).data
    harness.network.set(false)
    await harness.core.accounts.signInWithToken(box.apiToken)
    harness.core.leadChanges.enqueue(
      {
        kind: 'update',
        lead: { remoteId: leadId },
        after: { title: 'Fleet renewal (mine)' },
        before: { title: before['title'] },
        baseUpdateTime: String(before['update_time']),
      },
      String(before['title']),
    )
    // …while a colleague renamed it in Pipedrive.
    await api('PATCH', { title: 'Fleet renewal (theirs)' })
    harness.network.set(true)
    await expect
      .poll(() => harness!.core.outbox.list()[0]?.state, { timeout: 10_000 })
      .toBe('needs_attention')

    const context = await browser.browser.newContext({ viewport: { width: 1100, height: 720 } })
    const page = await context.newPage()
    const problems = collectProblems(page)
    await page.goto(`${harness.url}/index.html`)
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
    await page.keyboard.press('Control+2')
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor()
    const group = page.getByRole('group', { name: 'Title' })
    await group.waitFor()
    await expect
      .poll(() => group.textContent())
      .toMatch(/Fleet renewal \(mine\).*Fleet renewal \(theirs\)/)
    await page.screenshot({ path: join(screenshotDir, 'outbox-conflict-light.png') })
    await group.getByRole('radio', { name: /Yours/ }).check()
    await page.getByRole('button', { name: 'Keep these and sync' }).click()
    await expect
      .poll(async () => (await api('GET')).data['title'], { timeout: 10_000 })
      .toBe('Fleet renewal (mine)')
    expect(problems).toEqual([])
    await context.close()
  })
})
