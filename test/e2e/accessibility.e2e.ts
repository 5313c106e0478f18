import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seedIds } from '../pipedrive-sandbox/seed'
import { useTempDirs } from '../support/temp-dir'
import { startHarness, type Harness } from './harness/server'
import { collectProblems } from './support/browser'
import { leadOption, seedTitles, useInboxRig } from './support/inbox-rig'
import { useChromium } from './support/use-chromium'

// axe-core on every view and dialog, in both themes: nothing serious or critical. Each
// violation is printed with its rule, the elements it found and what to do about it.
const { openInbox } = useInboxRig()
const tempDir = useTempDirs()
const browser = useChromium()

/** axe's serious and critical findings: rule, impact, help, and the elements it found. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const targets = v.nodes.map((node) => `    ${node.target.join(' ')}`).join('\n')
      return `${v.id} (${v.impact}): ${v.help}\n${targets}\n  ${v.helpUrl}`
    })
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  // What the user reads once the page is still: a colour half-way through a fade (the nav's
  // shortcut hint after a view switch) is no contrast anyone reads.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => null)),
    ),
  )
  expect((await seriousViolations(page)).join('\n'), `axe on ${where}`).toBe('')
}

/**
 * Tabs through the page (or the open modal) from the start and answers what is wrong: the
 * visible, enabled controls that never got focus, and where focus went outside `within`.
 * Controls taken out of the tab order on purpose (tabindex -1: a list's rows, moved between with
 * the arrow keys) do not count, nor do radio buttons whose group was reached (arrows move in it).
 */
async function tabProblems(page: Page, within = 'body'): Promise<string[]> {
  const count = await page.evaluate((scope) => {
    const root = document.querySelector(scope)!
    const controls = [
      ...root.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]'),
    ].filter(
      (el) =>
        el.tabIndex >= 0 &&
        !(el as HTMLButtonElement).disabled &&
        !el.closest('[inert], [aria-hidden="true"]') &&
        el.getClientRects().length > 0 &&
        getComputedStyle(el).visibility !== 'hidden',
    )
    controls.forEach((el, i) => el.setAttribute('data-tab-check', String(i)))
    ;(document.activeElement as HTMLElement | null)?.blur()
    return controls.length
  }, within)
  const reached = new Set<string>()
  const strayed = new Set<string>()
  for (let i = 0; i < count * 2 + 5; i++) {
    await page.keyboard.press('Tab')
    const mark = await page.evaluate((scope) => {
      const el = document.activeElement
      // Past the last control the browser may take focus to its own UI: the body, here.
      if (!el || el === document.body) return null
      if (!document.querySelector(scope)!.contains(el)) {
        return `focus left for ${el.tagName.toLowerCase()} “${el.textContent?.trim() ?? ''}”`
      }
      if (el instanceof HTMLInputElement && el.type === 'radio') return `radio:${el.name}`
      return el.getAttribute('data-tab-check')
    }, within)
    if (mark?.startsWith('focus left')) strayed.add(mark)
    else if (mark) reached.add(mark)
  }
  const missed = await page.evaluate(
    (seen) => {
      const marked = [...document.querySelectorAll<HTMLElement>('[data-tab-check]')]
      const names = marked
        .filter(
          (el) =>
            !seen.includes(el.getAttribute('data-tab-check')!) &&
            !(el instanceof HTMLInputElement && seen.includes(`radio:${el.name}`)),
        )
        .map((el) => {
          const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''
          return `never reached: ${el.tagName.toLowerCase()} “${name}”`
        })
      for (const el of marked) el.removeAttribute('data-tab-check')
      return names
    },
    [...reached],
  )
  return [...missed, ...strayed]
}

/** The live regions (status, alert, aria-live) whose text says `message`. */
const announcements = (page: Page, message: string) =>
  page
    .locator('[role="status"], [role="alert"], [aria-live]:not([aria-live="off"])')
    .filter({ hasText: message })
    .count()

const heading = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name }).waitFor()

/** A title changed here while offline and in Pipedrive meanwhile: the Outbox asks which stays. */
async function conflictingEdit(harness: Harness, url: string, token: string): Promise<void> {
  const lead = seedIds.leads.acmeFleet
  const api = (method: string, body?: unknown) =>
    fetch(`${url}/api/v1/leads/${lead}`, {
      method,
      headers: { 'x-api-token': token, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    }).then((r) => r.json() as Promise<{ data: Record<string, unknown> }>)
  const before = (await api('GET')).data
  harness.network.set(false)
  harness.core.leadChanges.enqueue(
    {
      kind: 'update',
      lead: { remoteId: lead },
      after: { title: 'Fleet renewal (mine)' },
      before: { title: before['title'] },
      baseUpdateTime: String(before['update_time']),
    },
    String(before['title']),
  )
  await api('PATCH', { title: 'Fleet renewal (theirs)' })
  harness.network.set(true)
  await expect
    .poll(() => harness.core.outbox.list()[0]?.state, { timeout: 10_000 })
    .toBe('needs_attention')
}

describe('the accessibility check', () => {
  it('fails on a page with serious violations, naming each', async () => {
    const context = await browser.browser.newContext()
    try {
      const page = await context.newPage()
      await page.setContent(
        '<html lang="en"><title>Bad</title><main><button></button>' +
          '<p style="color:#999;background:#aaa">faint</p></main></html>',
      )
      const found = await seriousViolations(page)
      expect(found).toEqual([
        expect.stringMatching(/^button-name \(critical\): .+\n {4}button\n/),
        expect.stringMatching(/^color-contrast \(serious\): .+\n {4}p\n/),
      ])
    } finally {
      await context.close()
    }
  })

  it('names a control that Tab never reaches, and focus that leaves a dialog', async () => {
    const context = await browser.browser.newContext()
    try {
      const page = await context.newPage()
      await page.setContent(
        '<input aria-label="Trap" onkeydown="if (event.key === \'Tab\') event.preventDefault()">' +
          '<button>After the trap</button>',
      )
      expect(await tabProblems(page)).toEqual(['never reached: button “After the trap”'])
      await page.setContent('<div id="box"><button>Inside</button></div><button>Outside</button>')
      expect(await tabProblems(page, '#box')).toEqual(['focus left for button “Outside”'])
    } finally {
      await context.close()
    }
  })
})

describe.each(['light', 'dark'] as const)('accessibility, %s', (scheme) => {
  it('the main window signed in: inbox, lead pane, forms, confirmations, palette, outbox, settings', async () => {
    const { page, problems } = await openInbox({
      scheme,
      before: (h, sandbox) => conflictingEdit(h, sandbox.url, sandbox.apiToken),
    })
    await leadOption(page, seedTitles.lena).waitFor()
    await expectAccessible(page, 'the inbox')

    // Renamed in Pipedrive by the conflicting edit; its activities and a note stay.
    await leadOption(page, 'Fleet renewal (theirs)').click()
    const timeline = page
      .getByRole('region', { name: 'Fleet renewal (theirs)' })
      .getByRole('region', { name: 'Activities and notes' })
    await timeline.getByRole('list', { name: 'Open activities' }).waitFor()
    await timeline.getByRole('list', { name: 'Notes' }).waitFor()
    await expectAccessible(page, 'a lead’s activities and notes')

    await leadOption(page, seedTitles.blueRiver).click()
    const pane = page.getByRole('region', { name: seedTitles.blueRiver })
    await pane.getByRole('button', { name: 'Edit' }).waitFor()
    await expectAccessible(page, 'a lead’s pane')

    await pane.getByRole('button', { name: 'Convert to deal…' }).click()
    const convert = pane.getByRole('group', { name: 'Confirm conversion' })
    await convert.waitFor()
    await expectAccessible(page, 'the conversion confirmation')
    await convert.getByRole('button', { name: 'Not now' }).click()

    await pane.getByRole('button', { name: 'Delete…' }).click()
    const remove = pane.getByRole('group', { name: 'Confirm delete' })
    await remove.waitFor()
    await expectAccessible(page, 'the delete confirmation')
    await page.keyboard.press('Escape')
    await remove.waitFor({ state: 'detached' })

    await pane.getByRole('button', { name: 'Edit' }).click()
    const edit = pane.getByRole('form', { name: 'Edit lead' })
    await edit.getByRole('textbox', { name: 'Title' }).waitFor()
    await expectAccessible(page, 'the edit form')
    await page.keyboard.press('Escape')
    await edit.waitFor({ state: 'detached' })

    await page.getByRole('checkbox', { name: 'Archived' }).check()
    await heading(page, 'Archived leads').catch(() => undefined)
    await leadOption(page, seedTitles.archived).waitFor()
    await expectAccessible(page, 'the archive')
    await page.getByRole('checkbox', { name: 'Archived' }).uncheck()
    await leadOption(page, seedTitles.lena).waitFor()

    await page.keyboard.press('Escape')
    await page.keyboard.press('n')
    const form = page.getByRole('dialog', { name: 'New lead' })
    const title = form.getByRole('textbox', { name: 'Title' })
    await title.waitFor()
    await expectAccessible(page, 'the new-lead form')
    await title.fill('Half-written lead')
    await page.keyboard.press('Escape')
    const discard = form.getByRole('alertdialog', { name: 'Discard changes?' })
    await discard.waitFor()
    await expectAccessible(page, 'the discard confirmation')
    await discard.getByRole('button', { name: /Discard/ }).click()
    await form.waitFor({ state: 'detached' })

    await page.keyboard.press('Control+K')
    const palette = page.getByRole('dialog', { name: 'Command palette' })
    await palette.waitFor()
    await expectAccessible(page, 'the command palette')
    await page.keyboard.press('Escape')
    await palette.waitFor({ state: 'detached' })

    await page.keyboard.press('?')
    const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await overlay.waitFor()
    await expectAccessible(page, 'the shortcut overlay')
    await page.keyboard.press('Escape')
    await overlay.waitFor({ state: 'detached' })

    await page.keyboard.press('Control+2')
    await heading(page, 'Outbox')
    await page.getByRole('group', { name: 'Title' }).getByRole('radio').first().waitFor()
    await expectAccessible(page, 'the outbox with a conflict to settle')

    await page.keyboard.press('Control+3')
    await heading(page, 'Settings')
    await page.getByText('Alex Morgan').first().waitFor()
    await expectAccessible(page, 'Settings, signed in')
    expect(problems).toEqual([])
  }, 300_000)

  it('the main window signed out and offline: inbox, outbox, a refused lead in the form, discard, settings', async () => {
    const harness = await startHarness({ dataDir: tempDir() })
    const context = await browser.browser.newContext({
      colorScheme: scheme,
      viewport: { width: 1100, height: 720 },
    })
    try {
      const { outbox, db } = harness.core
      outbox.enqueueLead({ title: 'Acme renewal', person: { kind: 'new', name: 'Jane Doe' } })
      const refused = outbox.enqueueLead({
        title: 'Initech upgrade',
        organization: { kind: 'existing', id: 8 },
      })
      db.prepare(
        `UPDATE outbox SET state = 'needs_attention', attempts = 1, last_error = ? WHERE id = ?`,
      ).run('Pipedrive refused the organization: it was deleted.', refused.id)
      // Offline too, so the sync indicator shows its warning.
      harness.network.set(false)
      const page = await context.newPage()
      const problems = collectProblems(page)
      await page.goto(`${harness.url}/index.html`)
      await heading(page, 'Inbox')
      await page.getByRole('list', { name: 'Waiting to sync' }).waitFor()
      await expectAccessible(page, 'the inbox, signed out and offline, with leads waiting')

      await page.keyboard.press('Control+2')
      await heading(page, 'Outbox')
      const items = page.getByRole('list', { name: 'Items' })
      await items.getByRole('listitem', { name: 'Initech upgrade' }).waitFor()
      await expectAccessible(page, 'the outbox')
      await items
        .getByRole('listitem', { name: 'Initech upgrade' })
        .getByRole('button', { name: 'Edit' })
        .click()
      const refusedForm = page.getByRole('dialog', { name: 'Edit lead' })
      await refusedForm.getByRole('textbox', { name: 'Title' }).waitFor()
      await expectAccessible(page, 'a refused lead in the lead form')
      await page.keyboard.press('Escape')
      await refusedForm.waitFor({ state: 'detached' })
      await items
        .getByRole('listitem', { name: 'Jane Doe' })
        .getByRole('button', { name: 'Discard' })
        .click()
      await page.getByRole('group', { name: 'Discard “Jane Doe”?' }).waitFor()
      await expectAccessible(page, 'the outbox’s discard confirmation')
      await page.getByRole('button', { name: 'Yes, discard' }).click()
      // Said once, not by two live regions at the same time.
      await expect.poll(() => announcements(page, 'Discarded “Jane Doe”')).toBe(1)

      await page.keyboard.press('Control+3')
      await heading(page, 'Settings')
      await page.getByRole('textbox', { name: 'API token' }).waitFor()
      await expectAccessible(page, 'Settings, signed out')
      expect(problems).toEqual([])
    } finally {
      await context.close()
      await harness.close()
    }
  })

  it('the quick-add window: chips, the choice between people, and the saved status', async () => {
    const harness = await startHarness({ dataDir: tempDir() })
    harness.core.catalog.upsertPersons([
      { id: 41, name: 'Jane Doe', email: null, organizationId: null, updateTime: null },
      { id: 42, name: 'Jan Novak', email: null, organizationId: null, updateTime: null },
    ])
    const context = await browser.browser.newContext({
      colorScheme: scheme,
      viewport: { width: 640, height: 320 },
    })
    try {
      const page = await context.newPage()
      const problems = collectProblems(page)
      await page.goto(`${harness.url}/quick-add.html`)
      const field = page.getByRole('textbox', { name: 'Describe the lead' })
      await field.waitFor()
      await expectAccessible(page, 'the empty quick-add window')

      await field.pressSequentially('Acme renewal 5k EUR #hot due fri @Jan')
      const choice = page.getByRole('listbox', { name: /Which person is “Jan”/ })
      await choice.waitFor()
      await expectAccessible(page, 'quick add with chips and a choice of people')

      await field.press('Escape')
      await field.fill('Intro call @"Jane Doe"')
      await field.press('Enter')
      await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Saved/)
      await expectAccessible(page, 'quick add after saving')
      expect(problems).toEqual([])
    } finally {
      await context.close()
      await harness.close()
    }
  })
})

describe('by keyboard', () => {
  it('reaches every control of the main window with Tab, and keeps Tab inside the lead form', async () => {
    const { page, problems } = await openInbox({
      before: (h, sandbox) => conflictingEdit(h, sandbox.url, sandbox.apiToken),
    })
    await leadOption(page, seedTitles.blueRiver).click()
    await page
      .getByRole('region', { name: seedTitles.blueRiver })
      .getByRole('button', { name: 'Edit' })
      .waitFor()
    expect(await tabProblems(page), 'the inbox with a lead open').toEqual([])

    await page.keyboard.press('Escape')
    await page.keyboard.press('n')
    const form = page.getByRole('dialog', { name: 'New lead' })
    const title = form.getByRole('textbox', { name: 'Title' })
    await title.waitFor()
    expect(await tabProblems(page, 'dialog[open], [role="dialog"]'), 'the new-lead form').toEqual(
      [],
    )
    // Back from wherever the last Tab left focus (headless Chromium's own UI counts as the page).
    await title.focus()
    await page.keyboard.press('Escape')
    await form.waitFor({ state: 'detached' })

    await page.keyboard.press('Control+2')
    await heading(page, 'Outbox')
    await page.getByRole('group', { name: 'Title' }).getByRole('radio').first().waitFor()
    expect(await tabProblems(page), 'the outbox').toEqual([])

    await page.keyboard.press('Control+3')
    await heading(page, 'Settings')
    await page.getByText('Alex Morgan').first().waitFor()
    expect(await tabProblems(page), 'Settings').toEqual([])
    expect(problems).toEqual([])
  }, 300_000)

  it('announces a saved lead once, and reaches the chips’ buttons in quick add', async () => {
    const harness = await startHarness({ dataDir: tempDir() })
    const context = await browser.browser.newContext({ viewport: { width: 640, height: 320 } })
    try {
      const page = await context.newPage()
      const problems = collectProblems(page)
      await page.goto(`${harness.url}/quick-add.html`)
      const field = page.getByRole('textbox', { name: 'Describe the lead' })
      await field.waitFor()
      await field.pressSequentially('Acme renewal 5k EUR @"Jane Doe" due fri')
      await page.getByRole('button', { name: 'Remove @"Jane Doe"' }).waitFor()
      expect(await tabProblems(page), 'quick add with chips').toEqual([])

      await field.focus()
      await field.press('Enter')
      await expect.poll(() => announcements(page, 'Saved')).toBe(1)
      expect(problems).toEqual([])
    } finally {
      await context.close()
      await harness.close()
    }
  })
})
