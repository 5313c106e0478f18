import { describe, expect, it } from 'vitest'
import { outboxRow } from '../../testing/outbox-row'
import { outboxStates } from '../../../../shared/ipc/contract'
import { pendingLeads } from './pending-leads'

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
