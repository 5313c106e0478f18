import { describe, expect, it } from 'vitest'
import { seedIds } from '../../../../test/pipedrive-sandbox/index'
import type { QueuedRow } from '../outbox/outbox-queue'
import { useSyncRigs } from './testing'

// Converting a lead is a job in Pipedrive: started once, then asked about until it ends.

const setup = useSyncRigs()
const leadId = seedIds.leads.acmeFleet
const starts = 'POST /api/v2/leads/{id}/convert/deal'
const polls = 'GET /api/v2/leads/{id}/convert/status/{conversion_id}'

/** Drains, moving the clock past each wait, until the row settles or `limit` passes. */
async function settle(rig: Awaited<ReturnType<typeof setup>>, id: number, limit = 10) {
  for (let pass = 0; pass < limit; pass += 1) {
    await rig.drain()
    const state = rig.outbox.get(id)?.state
    if (state === 'sent' || state === 'needs_attention') return
    rig.advance(20_000)
  }
}

describe('converting a lead to a deal', () => {
  it('starts one conversion, follows it to the end and keeps the new deal id', async () => {
    const sent: QueuedRow[] = []
    const rig = await setup({ onSent: (row) => sent.push(row) })
    const item = rig.changes.enqueue({ kind: 'convert', lead: { remoteId: leadId } }, 'Acme fleet')
    expect(item).toMatchObject({ kind: 'lead.convert', title: 'Convert to deal: Acme fleet' })
    expect(item.lead).toEqual({ remoteId: leadId })

    await rig.drain()
    // Started: the row waits to ask how it went, holding nothing against the user.
    expect(rig.outbox.get(item.id)).toMatchObject({ state: 'queued', lastError: null })
    await settle(rig, item.id)

    const conversions = rig.box.state.conversions
    expect(conversions).toHaveLength(1)
    expect(conversions[0]).toMatchObject({ lead_id: leadId, status: 'completed' })
    expect(rig.outbox.get(item.id)).toMatchObject({
      state: 'sent',
      remoteId: String(conversions[0]!['deal_id']),
    })
    expect(rig.box.state.removedLeads).toEqual([
      expect.objectContaining({
        removed: 'converted',
        lead: expect.objectContaining({ id: leadId }),
      }),
    ])
    expect(sent.map((row) => row.kind)).toEqual(['lead.convert'])
  })

  it('asks about the same job after a restart instead of starting a second one', async () => {
    const rig = await setup()
    const item = rig.changes.enqueue({ kind: 'convert', lead: { remoteId: leadId } })
    await rig.drain()
    expect(rig.box.state.count(starts)).toBe(1)
    // The job id is in the row, so a new engine on the same file carries on from it.
    await rig.restart()
    rig.advance(20_000)
    await settle(rig, item.id)
    expect(rig.outbox.get(item.id)?.state).toBe('sent')
    expect(rig.box.state.count(starts)).toBe(1)
    expect(rig.box.state.count(polls)).toBeGreaterThanOrEqual(1)
  })

  it('never converts twice when the answer to the start was lost', async () => {
    const rig = await setup()
    // Pipedrive starts the job, but its answer never arrives.
    rig.box.faults.storeThenReset(1, { method: 'POST', path: /\/convert\/deal$/ })
    const item = rig.changes.enqueue({ kind: 'convert', lead: { remoteId: leadId } })
    await rig.drain()
    expect(rig.outbox.get(item.id)?.state).toBe('uncertain')
    expect(rig.box.state.count(starts, 'reset')).toBe(1)
    // "Sync now" does not look while the lost start could still land.
    const asked = rig.box.state.requests.length
    await rig.drain()
    expect(rig.box.state.requests.length).toBe(asked)
    rig.advanceToNextDue()
    await settle(rig, item.id)
    expect(rig.outbox.get(item.id)).toMatchObject({ state: 'sent', remoteId: null })
    expect(rig.box.state.count(starts)).toBe(1)
    expect(rig.box.state.conversions).toHaveLength(1)
  })

  it('starts again once a lost start can no longer land and did not, while the app runs', async () => {
    const rig = await setup({ requestTimeoutMs: 300 })
    // The start never reaches the job queue; its client gives up.
    rig.box.faults.hang({ count: 1, method: 'POST', path: /\/convert\/deal$/ })
    const item = rig.changes.enqueue({ kind: 'convert', lead: { remoteId: leadId } })
    await rig.drain()
    expect(rig.outbox.get(item.id)?.state).toBe('uncertain')
    expect(rig.box.state.count(starts, 'hang')).toBe(1)
    // Passes that find nothing to do must not push the wait further out.
    for (let pass = 0; pass < 3; pass += 1) {
      rig.advance(30_000)
      await rig.drain()
    }
    await settle(rig, item.id)
    expect(rig.outbox.get(item.id)?.state).toBe('sent')
    expect(rig.box.state.conversions).toHaveLength(1)
    expect(rig.box.state.conversions[0]).toMatchObject({ status: 'completed' })
  })

  it('does not start again after a restart while the lost start may still land', async () => {
    const rig = await setup({ requestTimeoutMs: 300 })
    // The server takes its time; the process dies meanwhile.
    rig.box.faults.delay(600, { method: 'POST', path: /\/convert\/deal$/ })
    const item = rig.changes.enqueue({ kind: 'convert', lead: { remoteId: leadId } })
    rig.engine.start()
    rig.engine.wake('sync now')
    await expect.poll(() => rig.outbox.get(item.id)?.state, { timeout: 5_000 }).toBe('sending')
    await rig.restart()
    await rig.drain()
    expect(rig.outbox.get(item.id)?.state).toBe('uncertain')
    // The delayed start lands at the server after its client is gone.
    await expect.poll(() => rig.box.state.conversions.length, { timeout: 5_000 }).toBe(1)
    await settle(rig, item.id)
    expect(rig.outbox.get(item.id)).toMatchObject({ state: 'sent' })
    expect(rig.box.state.conversions).toHaveLength(1)
  })

  it('waits for a failed conversion, then starts a new one on retry', async () => {
    const rig = await setup()
    rig.box.faults.failConversions()
    const item = rig.changes.enqueue({ kind: 'convert', lead: { remoteId: leadId } })
    await settle(rig, item.id)
    expect(rig.outbox.get(item.id)?.state).toBe('needs_attention')
    expect(rig.outbox.get(item.id)?.lastError).toMatch(/could not convert this lead.*failed/)
    rig.box.faults.failConversions(false)
    rig.outbox.retry(item.id)
    await settle(rig, item.id)
    expect(rig.outbox.get(item.id)?.state).toBe('sent')
    expect(rig.box.state.count(starts)).toBe(2)
  })

  it('explains a lead that is no longer there', async () => {
    const rig = await setup()
    await rig.call('DELETE', `/leads/${leadId}`)
    const item = rig.changes.enqueue({ kind: 'convert', lead: { remoteId: leadId } })
    await settle(rig, item.id)
    expect(rig.outbox.get(item.id)?.lastError).toMatch(/no longer in Pipedrive/)
  })

  it('takes no further changes for a lead on its way to becoming a deal', async () => {
    const rig = await setup()
    rig.changes.enqueue({ kind: 'convert', lead: { remoteId: leadId } })
    expect(() => rig.changes.enqueue({ kind: 'archive', lead: { remoteId: leadId } })).toThrow(
      /already being converted/,
    )
  })
})

describe('changes to one lead', () => {
  it('reach Pipedrive in the order they were made', async () => {
    const rig = await setup()
    const edit = rig.changes.enqueue({
      kind: 'update',
      lead: { remoteId: leadId },
      after: { title: 'Renamed first' },
      before: {},
    })
    const archive = rig.changes.enqueue({ kind: 'archive', lead: { remoteId: leadId } })
    // Another lead's change is not held back by them.
    const other = rig.changes.enqueue({
      kind: 'archive',
      lead: { remoteId: seedIds.leads.blueRiver },
    })
    await rig.drain()
    await rig.drain()
    // The other way round, Pipedrive would refuse the edit of an archived lead.
    for (const item of [edit, archive, other]) expect(rig.outbox.get(item.id)?.state).toBe('sent')
    const lead = (await rig.call('GET', `/leads/${leadId}`)).data
    expect(lead).toMatchObject({ title: 'Renamed first', is_archived: true })
  })
})
