import { describe, expect, it } from 'vitest'
import { seedIds } from '../../../../test/pipedrive-sandbox/index'
import { useSyncRigs } from './testing'

// Changes made offline meet changes made in Pipedrive meanwhile.

const setup = useSyncRigs()

const leadId = seedIds.leads.acmeFleet

describe('offline edits meeting remote edits', () => {
  it('sends only the changed fields, leaving fields changed only in Pipedrive alone', async () => {
    const { box, outbox, changes, call, drain } = await setup()
    const before = (await call('GET', `/leads/${leadId}`)).data
    const item = changes.enqueue({
      kind: 'update',
      lead: { remoteId: leadId },
      after: { title: 'Fleet renewal 2027' },
      before: { title: before['title'] },
      baseUpdateTime: before['update_time'],
    })
    // Meanwhile, someone in Pipedrive sets a value.
    await call('PATCH', `/leads/${leadId}`, { value: { amount: 900, currency: 'EUR' } })
    await drain()
    expect(outbox.get(item.id)?.state).toBe('sent')
    const after = (await call('GET', `/leads/${leadId}`)).data
    expect(after['title']).toBe('Fleet renewal 2027')
    expect(after['value']).toEqual({ amount: 900, currency: 'EUR' })
    // Two PATCHes: the colleague's and ours, which did not carry the old value back.
    expect(box.state.count('PATCH /api/v1/leads/{id}', 200)).toBe(2)
  })

  it('holds a field changed on both sides, with both values, until the user picks', async () => {
    const { outbox, changes, call, drain } = await setup()
    const before = (await call('GET', `/leads/${leadId}`)).data
    const item = changes.enqueue({
      kind: 'update',
      lead: { remoteId: leadId },
      after: { title: 'Mine', wasSeen: true },
      before: { title: before['title'], wasSeen: before['was_seen'] },
      baseUpdateTime: before['update_time'],
    })
    await call('PATCH', `/leads/${leadId}`, { title: 'Theirs' })
    await drain()
    const held = outbox.get(item.id)!
    expect(held.state).toBe('needs_attention')
    expect(held.conflict).toEqual({ title: { mine: 'Mine', theirs: 'Theirs' } })
    expect(held.lastError).toMatch(/Changed in Pipedrive too.*title/)
    expect((await call('GET', `/leads/${leadId}`)).data['title']).toBe('Theirs')

    changes.resolveConflict(item.id, { title: 'mine' })
    await drain()
    expect(outbox.get(item.id)?.state).toBe('sent')
    const now = (await call('GET', `/leads/${leadId}`)).data
    expect(now['title']).toBe('Mine')
    expect(now['was_seen']).toBe(true)
  })

  it('compares only the custom fields the user changed', async () => {
    const { outbox, changes, call, drain } = await setup()
    const { leadReference, meetingNotes } = seedIds.fields
    const before = (await call('GET', `/leads/${leadId}`)).data
    const edit = () =>
      changes.enqueue({
        kind: 'update',
        lead: { remoteId: leadId },
        after: { customFields: { [leadReference]: 'LBX-MINE' } },
        before: { customFields: { [leadReference]: before[leadReference] as string } },
        baseUpdateTime: before['update_time'] as string,
      })
    // Another custom field changed in Pipedrive is no conflict.
    await call('PATCH', `/leads/${leadId}`, { [meetingNotes]: 'Called on Monday' })
    const first = edit()
    await drain()
    expect(outbox.get(first.id)?.state).toBe('sent')
    const stored = (await call('GET', `/leads/${leadId}`)).data
    expect(stored).toMatchObject({
      [leadReference]: 'LBX-MINE',
      [meetingNotes]: 'Called on Monday',
    })

    // The same one changed there is.
    await call('PATCH', `/leads/${leadId}`, { [leadReference]: 'LBX-THEIRS' })
    const second = edit()
    await drain()
    expect(outbox.get(second.id)?.conflict).toEqual({
      customFields: {
        mine: { [leadReference]: 'LBX-MINE' },
        theirs: { [leadReference]: 'LBX-THEIRS' },
      },
    })
  })

  it("keeps Pipedrive's value when the user picks it, and sends nothing for that field", async () => {
    const { changes, call, drain } = await setup()
    const before = (await call('GET', `/leads/${leadId}`)).data
    const item = changes.enqueue({
      kind: 'update',
      lead: { remoteId: leadId },
      after: { title: 'Mine' },
      before: { title: before['title'] },
      baseUpdateTime: before['update_time'],
    })
    await call('PATCH', `/leads/${leadId}`, { title: 'Theirs' })
    await drain()
    expect(() => changes.resolveConflict(item.id, {})).toThrow(/Pick a value/)
    expect(changes.resolveConflict(item.id, { title: 'theirs' }).state).toBe('cancelled')
    await drain()
    expect((await call('GET', `/leads/${leadId}`)).data['title']).toBe('Theirs')
  })

  it('explains plainly when the lead was deleted or converted in Pipedrive', async () => {
    const { box, outbox, changes, call, drain } = await setup()
    const deleted = changes.enqueue({
      kind: 'update',
      lead: { remoteId: leadId },
      after: { title: 'Too late' },
      before: {},
    })
    await call('DELETE', `/leads/${leadId}`)
    const converted = changes.enqueue({
      kind: 'archive',
      lead: { remoteId: seedIds.leads.blueRiver },
    })
    await fetch(`${box.url}/api/v2/leads/${seedIds.leads.blueRiver}/convert/deal`, {
      method: 'POST',
      headers: { 'x-api-token': box.apiToken, 'content-type': 'application/json' },
      body: '{}',
    })
    await expect
      .poll(
        async () =>
          (
            await fetch(
              `${box.url}/api/v1/leads/${seedIds.leads.blueRiver}?api_token=${box.apiToken}`,
            )
          ).status,
        { timeout: 5_000 },
      )
      .toBe(404)
    await drain()
    for (const id of [deleted.id, converted.id]) {
      expect(outbox.get(id)).toMatchObject({ state: 'needs_attention' })
      expect(outbox.get(id)?.lastError).toMatch(/deleted there, or converted to a deal/)
    }
  })

  it('archives, unarchives and deletes', async () => {
    const { box, outbox, changes, call, drain } = await setup()
    const archive = changes.enqueue({ kind: 'archive', lead: { remoteId: leadId } }, 'Acme fleet')
    expect(archive.title).toBe('Archive: Acme fleet')
    await drain()
    expect((await call('GET', `/leads/${leadId}`)).data['is_archived']).toBe(true)
    changes.enqueue({ kind: 'unarchive', lead: { remoteId: leadId } })
    await drain()
    expect((await call('GET', `/leads/${leadId}`)).data['is_archived']).toBe(false)
    const remove = changes.enqueue({ kind: 'delete', lead: { remoteId: leadId } })
    await drain()
    expect(outbox.get(remove.id)?.state).toBe('sent')
    expect(box.state.leads.some((lead) => lead['id'] === leadId)).toBe(false)
  })

  it('edits a lead still waiting in the outbox: the change follows its creation', async () => {
    const { box, outbox, changes, drain } = await setup()
    const created = outbox.enqueueLead({
      title: 'Draft',
      person: { kind: 'existing', id: seedIds.persons.maria },
    })
    const edit = changes.enqueue({
      kind: 'update',
      lead: { outboxId: created.id },
      after: { title: 'Final' },
      before: {},
    })
    expect(edit.dependsOn).toEqual([created.id])
    await drain()
    await drain()
    const stored = box.state.leads.filter((lead) => lead['origin_id'] === created.clientId)
    expect(stored.map((lead) => lead['title'])).toEqual(['Final'])
  })

  it('sends the lead as the form last saved it, after a change queued before that edit', async () => {
    const { box, outbox, changes, pending, drain } = await setup()
    const person = { kind: 'existing' as const, id: seedIds.persons.maria }
    const created = outbox.enqueueLead({ title: 'Draft', person })
    changes.enqueue({
      kind: 'update',
      lead: { outboxId: created.id },
      after: { title: 'Renamed', value: { amount: 900, currency: 'EUR' } },
      before: {},
    })
    pending.edit(created.id, { ...pending.draftOf(created.id), title: 'Final' })
    await drain()
    await drain()
    const stored = box.state.leads.filter((lead) => lead['origin_id'] === created.clientId)
    expect(stored.map((lead) => [lead['title'], lead['value']])).toEqual([
      ['Final', { amount: 900, currency: 'EUR' }],
    ])
  })

  it('lets the user fix data Pipedrive refused, and sends it again', async () => {
    const { box, outbox, pending, drain } = await setup()
    const bad = outbox.enqueueLead({
      title: 'Unknown label',
      person: { kind: 'existing', id: seedIds.persons.tom },
      labelIds: ['00000000-0000-4000-8000-000000000000'],
    })
    await drain()
    expect(outbox.get(bad.id)?.state).toBe('needs_attention')
    expect(() => pending.edit(bad.id, { title: '' })).toThrow(/not complete/)
    pending.edit(bad.id, {
      title: 'Known label',
      person: { kind: 'existing', id: seedIds.persons.tom },
      labelIds: [seedIds.labels.warm],
    })
    await drain()
    expect(outbox.get(bad.id)?.state).toBe('sent')
    const stored = box.state.leads.filter((lead) => lead['origin_id'] === bad.clientId)
    expect(stored.map((lead) => [lead['title'], lead['label_ids']])).toEqual([
      ['Known label', [seedIds.labels.warm]],
    ])
  })
})
