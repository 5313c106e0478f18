import type { OutboxItem } from '../../../shared/ipc/contract'
import type { LeadDraft } from '../../../shared/leads/lead-draft'

/**
 * Edits of the cached outbox list, kept pure so the rules that make an optimistic lead
 * appear at once and never twice are tested without React.
 */

let lastPlaceholderId = 0

/**
 * A stand-in row for a lead main has not answered for yet. Its id is negative, so it can
 * never collide with a real row and views know to offer no actions on it.
 */
export function placeholderLead(draft: LeadDraft, now: number): OutboxItem {
  lastPlaceholderId -= 1
  // A typed literal, not a trip through the contract's schema: that would load zod into the
  // quick-add window. The tests hold it to the schema.
  return {
    id: lastPlaceholderId,
    clientId: `pending${lastPlaceholderId}`,
    kind: 'lead.create',
    state: 'queued',
    title: draft.title.trim(),
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    remoteId: null,
    lead: null,
    dependsOn: [],
    conflict: null,
    // Names of existing contacts come with main's row, a few milliseconds later.
    summary: {
      personName: draft.person?.kind === 'new' ? draft.person.name : null,
      organizationName: draft.organization?.kind === 'new' ? draft.organization.name : null,
      value: draft.value ? { amount: draft.value.amount, currency: draft.value.currency } : null,
      labelIds: [...(draft.labelIds ?? [])],
    },
    createdAt: now,
    updatedAt: now,
  }
}

export function isPlaceholder(item: Pick<OutboxItem, 'id'>): boolean {
  return item.id < 0
}

/** Main lists the newest row first; the placeholder goes where the real row will be. */
export function withPlaceholder(
  rows: readonly OutboxItem[] | undefined,
  placeholder: OutboxItem,
): OutboxItem[] | undefined {
  return rows ? [placeholder, ...rows] : undefined
}

export function withoutPlaceholder(
  rows: readonly OutboxItem[] | undefined,
  placeholderId: number,
): OutboxItem[] | undefined {
  return rows?.filter((row) => row.id !== placeholderId)
}

/**
 * The placeholder swapped for main's row. A refetch (after `outbox:changed`) may have brought
 * the real row already, and then the placeholder just goes.
 */
export function settlePlaceholder(
  rows: readonly OutboxItem[] | undefined,
  placeholderId: number,
  saved: OutboxItem,
): OutboxItem[] | undefined {
  if (!rows) return undefined
  const others = rows.filter((row) => row.id !== placeholderId)
  return others.some((row) => row.id === saved.id) ? others : [saved, ...others]
}

/** Rows main answered with (a retry, a discard) replace their cached copies. */
export function withUpdatedRows(
  rows: readonly OutboxItem[] | undefined,
  updated: readonly OutboxItem[],
): OutboxItem[] | undefined {
  if (!rows) return undefined
  const byId = new Map(updated.map((row) => [row.id, row]))
  return rows.map((row) => byId.get(row.id) ?? row)
}
