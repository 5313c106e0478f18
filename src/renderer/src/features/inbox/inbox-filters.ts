import type { InboxSort } from '../../../../shared/ipc/contract'
import type { InboxFilters } from '../../api'

/** Leads of one person or organization, picked from a lead's pane. */
export interface ContactFilter {
  kind: 'person' | 'organization'
  id: number
  name: string
}

/** The toolbar as the user set it. */
export interface InboxToolbarState {
  text: string
  /** A user id, or '' for every owner. */
  ownerId: string
  /** A label id, or '' for every label. */
  labelId: string
  contact: ContactFilter | null
  pendingOnly: boolean
  archived: boolean
  sort: InboxSort
  direction: 'asc' | 'desc'
}

export const initialToolbar: InboxToolbarState = {
  text: '',
  ownerId: '',
  labelId: '',
  contact: null,
  pendingOnly: false,
  archived: false,
  sort: 'update_time',
  direction: 'desc',
}

export const sortNames: Record<InboxSort, string> = {
  update_time: 'Last updated',
  add_time: 'Added',
  title: 'Title',
  expected_close_date: 'Expected close date',
}

/** The direction each sort reads best in when first picked. */
export const naturalDirection: Record<InboxSort, 'asc' | 'desc'> = {
  update_time: 'desc',
  add_time: 'desc',
  title: 'asc',
  expected_close_date: 'asc',
}

/** The 'leads:list' filters the toolbar means; `text` is the debounced one. */
export function filtersOf(state: InboxToolbarState, text: string): InboxFilters {
  const filters: InboxFilters = { sort: state.sort, direction: state.direction }
  const trimmed = text.trim().slice(0, 200)
  if (trimmed) filters.text = trimmed
  if (state.archived) filters.archived = true
  if (state.ownerId) filters.ownerId = Number(state.ownerId)
  if (state.labelId) filters.labelId = state.labelId
  if (state.contact?.kind === 'person') filters.personId = state.contact.id
  if (state.contact?.kind === 'organization') filters.organizationId = state.contact.id
  return filters
}

/** Whether anything narrows the list, so "no leads" means "none match". */
export function isFiltered(state: InboxToolbarState): boolean {
  return (
    state.text.trim() !== '' ||
    state.ownerId !== '' ||
    state.labelId !== '' ||
    state.contact !== null
  )
}

/**
 * Leads waiting to sync carry only a title, so they show unless a filter asks for
 * something they cannot answer (an owner, a label, a contact, the archive); text matches
 * the title.
 */
export function showsPending(state: InboxToolbarState): boolean {
  return !state.archived && state.ownerId === '' && state.labelId === '' && state.contact === null
}

export function matchesText(title: string, text: string): boolean {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean)
  const lower = title.toLowerCase()
  return words.every((word) => lower.includes(word))
}
