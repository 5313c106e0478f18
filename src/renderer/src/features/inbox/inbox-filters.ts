import type { InboxSort, NextActivityFilter } from '../../../../shared/ipc/contract'
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
  /** '' for any lead. */
  nextActivity: NextActivityFilter | ''
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
  nextActivity: '',
  pendingOnly: false,
  archived: false,
  sort: 'update_time',
  direction: 'desc',
}

export const nextActivityNames: Record<NextActivityFilter | '', string> = {
  '': 'Any',
  none: 'None planned',
  overdue: 'Overdue',
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
  if (state.nextActivity) filters.nextActivity = state.nextActivity
  return filters
}

/** Whether anything narrows the list, so "no leads" means "none match". */
export function isFiltered(state: InboxToolbarState): boolean {
  return (
    state.text.trim() !== '' ||
    state.ownerId !== '' ||
    state.labelId !== '' ||
    state.contact !== null ||
    state.nextActivity !== ''
  )
}

/**
 * Leads waiting to sync carry only a title, so they show unless a filter asks for
 * something they cannot answer (an owner, a label, a contact, the archive, an overdue
 * activity: Pipedrive has none of theirs yet); text matches the title.
 */
export function showsPending(state: InboxToolbarState): boolean {
  return (
    !state.archived &&
    state.ownerId === '' &&
    state.labelId === '' &&
    state.contact === null &&
    state.nextActivity !== 'overdue'
  )
}

/** "None planned" keeps the waiting leads queued without an activity. */
export function pendingMatches(state: InboxToolbarState, activityWaiting: boolean): boolean {
  return state.nextActivity !== 'none' || !activityWaiting
}

export function matchesText(title: string, text: string): boolean {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean)
  const lower = title.toLowerCase()
  return words.every((word) => lower.includes(word))
}
