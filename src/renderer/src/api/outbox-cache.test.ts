import { describe, expect, it } from 'vitest'
import { outboxItemSchema } from '../../../shared/ipc/contract'
import { outboxRow } from '../testing/outbox-row'
import {
  isPlaceholder,
  placeholderLead,
  settlePlaceholder,
  withPlaceholder,
  withUpdatedRows,
  withoutPlaceholder,
} from './outbox-cache'

const row = outboxRow

const draft = { title: '  Acme renewal ', organization: { kind: 'new' as const, name: 'Acme' } }

describe('the optimistic lead', () => {
  it('is a queued lead with a negative id, new each time', () => {
    const first = placeholderLead(draft, 5)
    const second = placeholderLead(draft, 5)
    expect(first).toMatchObject({
      kind: 'lead.create',
      state: 'queued',
      title: 'Acme renewal',
      summary: { personName: null, organizationName: 'Acme', value: null, labelIds: [] },
    })
    expect(isPlaceholder(first)).toBe(true)
    expect(second.id).not.toBe(first.id)
    expect(isPlaceholder(row(3))).toBe(false)
  })

  it('is a row exactly as main sends one', () => {
    const placeholder = placeholderLead(
      {
        ...draft,
        person: { kind: 'new', name: 'Jane Doe' },
        value: { amount: 5, currency: 'EUR' },
      },
      5,
    )
    expect(outboxItemSchema.strict().parse(placeholder)).toEqual(placeholder)
  })

  it('goes first in the list, and nowhere when the list was never loaded', () => {
    const placeholder = placeholderLead(draft, 5)
    expect(withPlaceholder([row(2), row(1)], placeholder)?.map((r) => r.id)).toEqual([
      placeholder.id,
      2,
      1,
    ])
    expect(withPlaceholder(undefined, placeholder)).toBeUndefined()
  })

  it('rolls back to the list as it was', () => {
    const placeholder = placeholderLead(draft, 5)
    const rows = withPlaceholder([row(1)], placeholder)
    expect(withoutPlaceholder(rows, placeholder.id)).toEqual([row(1)])
  })

  it('becomes the saved row', () => {
    const placeholder = placeholderLead(draft, 5)
    const rows = withPlaceholder([row(1)], placeholder)
    expect(settlePlaceholder(rows, placeholder.id, row(3))?.map((r) => r.id)).toEqual([3, 1])
  })

  it('never shows twice when a refetch brought the saved row first', () => {
    const placeholder = placeholderLead(draft, 5)
    // The refetch replaced the whole list, placeholder included.
    const refetched = [row(3), row(2, { kind: 'person.create' }), row(1)]
    expect(settlePlaceholder(refetched, placeholder.id, row(3))?.map((r) => r.id)).toEqual([
      3, 2, 1,
    ])
    // Or it landed while the placeholder was still there.
    const both = [placeholder, ...refetched]
    expect(settlePlaceholder(both, placeholder.id, row(3))?.map((r) => r.id)).toEqual([3, 2, 1])
  })
})

describe('withUpdatedRows', () => {
  it('replaces the rows main answered with and keeps the order', () => {
    const rows = [row(3), row(2), row(1)]
    const updated = withUpdatedRows(rows, [row(2, { state: 'cancelled' })])
    expect(updated?.map((r) => `${r.id}:${r.state}`)).toEqual([
      '3:queued',
      '2:cancelled',
      '1:queued',
    ])
  })
})
