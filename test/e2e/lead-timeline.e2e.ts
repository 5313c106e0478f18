import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Sandbox } from '../pipedrive-sandbox'
import { seedIds } from '../pipedrive-sandbox/seed'
import { leadOption, seedTitles, useInboxRig } from './support/inbox-rig'

// The lead's "Activities and notes": read from the sandbox Pipedrive when the lead opens,
// acted on from the pane through the outbox, and still shown when Pipedrive is out of reach.

const { openInbox } = useInboxRig()
const lena = seedIds.leads.lena

async function pipedrive(box: Sandbox, path: string, body: unknown) {
  const response = await fetch(`${box.url}/api${path}`, {
    method: 'POST',
    headers: { 'x-api-token': box.apiToken, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(response.ok).toBe(true)
}

const yesterday = () => new Date(Date.now() - 24 * 60 * 60_000).toISOString().slice(0, 10)

/** Lena's lead has an overdue meeting and a note written in Pipedrive's web app (HTML). */
async function seedLena(box: Sandbox) {
  await pipedrive(box, '/v2/activities', {
    subject: 'Demo at the depot',
    type: 'meeting',
    lead_id: lena,
    due_date: yesterday(),
  })
  await pipedrive(box, '/v1/notes', {
    content: '<p>Met at the <b>fair</b></p><p>Wants a demo &amp; a quote</p>',
    lead_id: lena,
  })
}

const timelineOf = (page: Page, title: string) =>
  page.getByRole('region', { name: title }).getByRole('region', { name: 'Activities and notes' })

const leadActivities = (box: Sandbox) =>
  box.state.activities.filter((activity) => activity['lead_id'] === lena)
const leadNotes = (box: Sandbox) => box.state.notes.filter((note) => note['lead_id'] === lena)

describe("a lead's activities and notes", () => {
  it('are listed when the lead opens, and marked done, added to and sent from the pane', async () => {
    const { page, sandbox: box, problems } = await openInbox({ before: (_h, b) => seedLena(b) })
    await leadOption(page, seedTitles.lena).click()
    const timeline = timelineOf(page, seedTitles.lena)
    const open = timeline.getByRole('list', { name: 'Open activities' })
    const demo = open.getByRole('listitem').filter({ hasText: 'Demo at the depot' })
    await demo.waitFor()
    expect(await demo.textContent()).toContain('Meeting')
    expect(await demo.textContent()).toContain('Overdue')
    const note = timeline.getByRole('list', { name: 'Notes' }).getByRole('listitem')
    await note.waitFor()
    const noteText = (await note.locator('.lead-timeline__note').textContent()) ?? ''
    expect(noteText).toBe('Met at the fair\nWants a demo & a quote')
    expect(await timeline.getByTestId('timeline-freshness').textContent()).toMatch(
      /^From Pipedrive, as of \d{1,2}:\d\d/,
    )
    expect(await new AxeBuilder({ page }).include('.lead-timeline').analyze()).toMatchObject({
      violations: [],
    })

    // Done at once in the pane; Pipedrive has it once the outbox sent it.
    await demo.getByRole('button', { name: 'Mark done: Demo at the depot' }).click()
    const done = timeline.getByRole('list', { name: 'Done activities' })
    await done.getByRole('listitem').filter({ hasText: 'Demo at the depot' }).waitFor()
    await expect
      .poll(() => leadActivities(box).find((a) => a['subject'] === 'Demo at the depot')?.['done'], {
        timeout: 15_000,
      })
      .toBe(true)

    // A note: an empty one is refused in plain words under the field.
    const noteField = timeline.getByRole('textbox', { name: 'New note' })
    await timeline.getByRole('button', { name: 'Save note' }).click()
    await timeline.getByText('Write something first').waitFor()
    await noteField.fill('Called back: the demo is on')
    // Esc leaves the note being written; it is not lost with the pane.
    await noteField.press('Escape')
    expect(await noteField.inputValue()).toBe('Called back: the demo is on')
    await timeline.getByRole('button', { name: 'Save note' }).click()
    await expect.poll(() => noteField.inputValue()).toBe('')

    // An activity: a day that is not one is refused, and what was typed stays.
    const activity = timeline.getByRole('form', { name: 'New activity' })
    await activity.getByRole('combobox', { name: 'Activity type' }).selectOption({ label: 'Call' })
    await activity.getByLabel('Due date').fill('')
    await activity.getByRole('button', { name: 'Add activity' }).click()
    await activity.getByText('Use a date like 2026-12-24').waitFor()
    await activity.getByLabel('Due date').fill('2027-01-20')
    await activity.getByLabel('Time (optional)').fill('09:30')
    await activity.getByRole('button', { name: 'Add activity' }).click()

    const subject = `Call – ${seedTitles.lena}`
    await expect
      .poll(() => leadActivities(box).filter((a) => a['subject'] === subject).length, {
        timeout: 15_000,
      })
      .toBe(1)
    await expect
      .poll(
        () => leadNotes(box).filter((n) => n['content'] === 'Called back: the demo is on').length,
        { timeout: 15_000 },
      )
      .toBe(1)
    // Sent, they show among the lead's own, and nothing is left waiting.
    await open.getByRole('listitem').filter({ hasText: subject }).waitFor()
    await timeline.getByRole('list', { name: 'Notes' }).getByText('Called back').waitFor()
    await timeline.getByRole('list', { name: 'Waiting to send' }).waitFor({ state: 'detached' })
    // Nothing was sent twice (the seeding posted one of each itself).
    expect(box.state.count('POST /api/v2/activities')).toBe(2)
    expect(box.state.count('POST /api/v1/notes')).toBe(2)
    expect(problems).toEqual([])
  })

  it('are shown from the last read when Pipedrive refuses connections, with when it was', async () => {
    const {
      page,
      sandbox: box,
      harness: h,
      problems,
    } = await openInbox({
      before: (_h, b) => seedLena(b),
    })
    await leadOption(page, seedTitles.lena).click()
    const timeline = timelineOf(page, seedTitles.lena)
    await timeline.getByRole('list', { name: 'Notes' }).getByText('Met at the fair').waitFor()
    await page.keyboard.press('Escape')
    await timeline.waitFor({ state: 'detached' })

    await box.faults.refuseConnections()
    // The copy is old enough to read again on opening.
    h.core.db.prepare('UPDATE lead_timeline SET read_at = read_at - 600000').run()
    await leadOption(page, seedTitles.lena).click()
    const freshness = timeline.getByTestId('timeline-freshness')
    await expect
      .poll(() => freshness.textContent(), { timeout: 15_000 })
      .toMatch(
        /^Leadbox could not reach Pipedrive\. Showing what Leadbox read as of .*\d{1,2}:\d\d/,
      )
    expect(await freshness.textContent()).not.toMatch(/not_sent|offline\)|\b[45]\d\d\b/)
    await timeline.getByRole('list', { name: 'Notes' }).getByText('Met at the fair').waitFor()
    await timeline
      .getByRole('list', { name: 'Open activities' })
      .getByText('Demo at the depot')
      .waitFor()

    // What is added meanwhile waits, and says so.
    await timeline.getByRole('textbox', { name: 'New note' }).fill('Left a voicemail')
    await timeline.getByRole('button', { name: 'Save note' }).click()
    const waiting = timeline.getByRole('list', { name: 'Waiting to send' })
    await waiting.getByRole('listitem').filter({ hasText: 'Left a voicemail' }).waitFor()
    expect(await waiting.textContent()).toContain('Waiting to send')
    expect(problems).toEqual([])
  })
})
