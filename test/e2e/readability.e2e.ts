import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seedIds } from '../pipedrive-sandbox/seed'
import { screenshotDir } from './support/browser'
import { leadOption, useInboxRig } from './support/inbox-rig'

const rig = useInboxRig()

type Rgb = [number, number, number]

/** `rgb(…)`/`rgba(…)` as three channels (alpha is 1 for the colours checked here). */
function channels(css: string): Rgb {
  const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).map(Number)
  return [r, g, b]
}

/** WCAG 2 contrast ratio of two sRGB colours. */
function contrast(a: Rgb, b: Rgb): number {
  const luminance = (rgb: Rgb) => {
    const [r = 0, g = 0, bl = 0] = rgb.map((c) => {
      const s = c / 255
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl
  }
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

const colours = (locator: Locator) =>
  locator.evaluate((element) => {
    const style = getComputedStyle(element)
    return { color: style.color, background: style.backgroundColor }
  })

async function box(locator: Locator) {
  const found = await locator.boundingBox()
  if (!found) throw new Error('not laid out')
  return found
}

describe.each(['light', 'dark'] as const)('readability, %s', (scheme) => {
  it('shows the highlighted person choice with readable text', async () => {
    const { page, problems } = await rig.openInbox({ scheme })
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).focus()
    await page.keyboard.press('n')
    const form = page.getByRole('dialog', { name: 'New lead' })
    const person = form.getByRole('combobox', { name: 'Person' })
    await person.fill('Maria')
    await person.press('ArrowDown')
    const highlighted = form.locator('[role="option"][aria-selected="true"]').first()
    await highlighted.waitFor()

    const option = await colours(highlighted)
    expect(option.background).not.toBe('rgba(0, 0, 0, 0)')
    const ratio = contrast(channels(option.color), channels(option.background))
    expect(ratio, `${option.color} on ${option.background}`).toBeGreaterThanOrEqual(4.5)
    const detail = highlighted.locator('.new-lead__choice-detail')
    if ((await detail.count()) > 0) {
      const small = await colours(detail.first())
      expect(contrast(channels(small.color), channels(option.background))).toBeGreaterThanOrEqual(
        4.5,
      )
    }
    await page.screenshot({ path: join(screenshotDir, `contact-picker-highlight-${scheme}.png`) })
    expect(problems).toEqual([])
  })
})

describe('the inbox row', () => {
  it('keeps a large value clear of the owner', async () => {
    const title = 'Large value fleet deal'
    // en-GB writes US dollars as US$1,200,000.00, the widest way a value is written.
    const { page, problems } = await rig.openInbox({
      locale: 'en-GB',
      async before(h, sandbox) {
        const answer = await fetch(`${sandbox.url}/api/v1/leads`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-token': sandbox.apiToken },
          body: JSON.stringify({
            title,
            organization_id: seedIds.organizations.acme,
            owner_id: seedIds.me,
            value: { amount: 1_200_000, currency: 'USD' },
          }),
        })
        expect(answer.status, await answer.clone().text()).toBe(201)
        await h.core.inboxRefresher.refresh()
      },
    })
    const row = leadOption(page, title)
    await row.waitFor()
    const value = row.locator('.lead-row__value')
    const owner = row.locator('.lead-row__owner')
    expect(await value.textContent()).toBe('US$1,200,000.00')
    expect(await owner.textContent()).not.toBe('')
    const [v, o] = [await box(value), await box(owner)]
    // The value's text fits its box (nothing cut or spilled) and the box ends before the owner's.
    const fits = await value.evaluate((element) => element.scrollWidth <= element.clientWidth)
    expect(fits).toBe(true)
    expect(v.x + v.width).toBeLessThanOrEqual(o.x)
    expect(problems).toEqual([])
  })
})
