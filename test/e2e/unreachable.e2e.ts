import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seedIds } from '../pipedrive-sandbox/seed'
import { screenshotDir } from './support/browser'
import { useInboxRig } from './support/inbox-rig'

const rig = useInboxRig()

const indicator = (page: Page) => page.getByRole('status', { name: /^Sync status:/ })
const items = (page: Page) => page.getByRole('list', { name: 'Items' })
const row = (page: Page, title: string) => items(page).getByRole('listitem', { name: title })
const badge = (page: Page, title: string) => row(page, title).locator('.state-badge')

describe('Pipedrive unreachable while the network is up', () => {
  it('is said in the sidebar and the Outbox, and the lead is sent once it answers', async () => {
    const { page, problems, sandbox: box, harness: h } = await rig.openInbox()
    await expect.poll(() => indicator(page).getAttribute('aria-label')).toMatch(/Online/)

    await box.faults.refuseConnections()
    h.core.outbox.enqueueLead({
      title: 'Unreachable renewal',
      organization: { kind: 'existing', id: seedIds.organizations.acme },
    })
    h.core.outboxChanged()
    h.core.sync.wake('sync now')

    await expect
      .poll(() => indicator(page).getAttribute('aria-label'), { timeout: 15_000 })
      .toMatch(/^Sync status: Pipedrive unreachable, No answer since \d{1,2}:\d\d.*; next try /)
    const sidebar = (await indicator(page).textContent()) ?? ''
    expect(sidebar).toContain('Pipedrive unreachable')
    expect(sidebar).toContain('1 waiting to sync')
    expect(sidebar).not.toContain('Pipedrive connected')

    await page.keyboard.press('Control+2')
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor()
    await row(page, 'Unreachable renewal').waitFor()
    const notice = page.getByTestId('outbox-unreachable')
    await notice.waitFor()
    expect(await notice.textContent()).toMatch(/no answer since \d{1,2}:\d\d/)
    const view = (await page.locator('main').textContent()) ?? ''
    expect(view).not.toMatch(/00:00/)
    expect(view).not.toMatch(/\((offline|pipedrive_\w+|not_sent|network)\)/)
    expect(await badge(page, 'Unreachable renewal').textContent()).toBe('Queued')
    // The row says why it is still here; it was not tried, as Pipedrive did not answer at all.
    const waiting = (await row(page, 'Unreachable renewal').textContent()) ?? ''
    expect(waiting).toContain('Not sent yet: Pipedrive is not answering.')
    expect(waiting).toMatch(/Attempts\s*0(?!\d)/)
    await page.screenshot({ path: join(screenshotDir, 'outbox-unreachable-light.png') })

    await box.faults.acceptConnections()
    await row(page, 'Unreachable renewal').getByRole('button', { name: 'Retry now' }).click()
    await expect
      .poll(() => badge(page, 'Unreachable renewal').textContent(), { timeout: 15_000 })
      .toBe('Sent')
    await expect
      .poll(() => indicator(page).getAttribute('aria-label'))
      .toBe('Sync status: Online, Pipedrive connected, all sent')
    expect(await notice.count()).toBe(0)
    expect(problems).toEqual([])
  })
})
