import { describe, expect, it } from 'vitest'
import { outboxRow } from '../../testing/outbox-row'
import { outboxStates, type OutboxItem } from '../../../../shared/ipc/contract'
import { leadsWithWaitingActivity, pendingChanges, pendingLeads } from './pending-leads'

const row = outboxRow

describe('pendingLeads', () => {
  it('keeps new leads that are neither sent nor discarded, with their marker', () => {
    const rows = outboxStates.map((state, index) => row(index + 1, { state }))
    expect(pendingLeads(rows).map(({ row: r, marker }) => [r.state, marker])).toEqual([
      ['queued', 'pending'],
      ['sending', 'sending'],
      ['uncertain', 'sending'],
      ['needs_attention', 'needs attention'],
    ])
  })

  it('leaves out the people, organizations and notes a lead brings along', () => {
    const rows = [
      row(3, { dependsOn: [1, 2] }),
      row(2, { kind: 'organization.create' }),
      row(1, { kind: 'person.create' }),
    ]
    expect(pendingLeads(rows).map(({ row: r }) => r.id)).toEqual([3])
  })
})

describe('pendingChanges', () => {
  const change = (id: number, overrides: Partial<OutboxItem>) =>
    row(id, { kind: 'lead.update', lead: { remoteId: 'lead-a' }, ...overrides })

  it('marks each Pipedrive lead by its most urgent unfinished change', () => {
    const marked = pendingChanges([
      change(4, { state: 'queued' }),
      change(3, { state: 'needs_attention', lastError: 'Pipedrive refused the title' }),
      change(2, { state: 'sent' }),
      change(1, { kind: 'lead.archive', lead: { remoteId: 'lead-b' }, state: 'sending' }),
    ])
    expect(Object.fromEntries(marked)).toEqual({
      'lead-a': {
        marker: 'needs attention',
        words: 'needs attention',
        problem: 'Pipedrive refused the title',
      },
      'lead-b': { marker: 'sending', words: 'syncing change', problem: null },
    })
  })

  it('says what a conversion or a delete is doing, skips finished rows and leads not sent yet', () => {
    const marked = pendingChanges([
      change(3, { kind: 'lead.convert', state: 'uncertain' }),
      change(2, { kind: 'lead.delete', lead: { remoteId: 'lead-b' } }),
      change(1, { kind: 'lead.convert', lead: { remoteId: 'lead-c' }, state: 'cancelled' }),
      row(5, { kind: 'lead.create' }),
      change(6, { lead: { outboxId: 5 } }),
      // Made while its lead waited here; the lead has reached Pipedrive since.
      row(7, { kind: 'lead.create', state: 'sent', remoteId: 'lead-d' }),
      change(8, { lead: { outboxId: 7 } }),
    ])
    expect([...marked].map(([id, { words }]) => [id, words])).toEqual([
      ['lead-a', 'converting'],
      ['lead-b', 'deleting'],
      ['lead-d', 'change pending'],
    ])
  })
})

describe('leadsWithWaitingActivity', () => {
  it('names leads with an activity not yet in Pipedrive, waiting or synced', () => {
    const activity = (id: number, overrides: Partial<OutboxItem>) =>
      row(id, { kind: 'activity.create', ...overrides })
    const waiting = leadsWithWaitingActivity([
      row(1, { state: 'sent', remoteId: 'lead-synced' }),
      activity(2, { lead: { outboxId: 1 }, state: 'queued' }),
      row(3, { state: 'queued' }),
      activity(4, { lead: { outboxId: 3 }, state: 'needs_attention' }),
      row(5, { state: 'sent', remoteId: 'lead-done' }),
      activity(6, { lead: { outboxId: 5 }, state: 'sent' }),
      activity(7, { lead: { remoteId: 'lead-elsewhere' }, state: 'sending' }),
      row(8, { state: 'queued' }),
      activity(9, { lead: { outboxId: 8 }, state: 'cancelled' }),
    ])
    expect([...waiting.pending].sort()).toEqual([1, 3])
    expect([...waiting.synced].sort()).toEqual(['lead-elsewhere', 'lead-synced'])
  })
})
