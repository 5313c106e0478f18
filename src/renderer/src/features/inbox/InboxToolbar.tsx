import { useId, type RefObject } from 'react'
import { inboxSorts, type InboxContextData, type InboxSort } from '../../../../shared/ipc/contract'
import {
  naturalDirection,
  nextActivityNames,
  sortNames,
  type InboxToolbarState,
} from './inbox-filters'

interface Props {
  state: InboxToolbarState
  onChange: (next: InboxToolbarState) => void
  context: InboxContextData | undefined
  searchRef: RefObject<HTMLInputElement | null>
  refreshing: boolean
  onRefresh: () => void
  /** Opens the full lead form. */
  onNewLead?: () => void
}

/** Search, filters, sort and Refresh above the inbox. */
export function InboxToolbar({
  state,
  onChange,
  context,
  searchRef,
  refreshing,
  onRefresh,
  onNewLead,
}: Props) {
  const id = useId()
  const set = (patch: Partial<InboxToolbarState>) => onChange({ ...state, ...patch })
  return (
    <div className="inbox-toolbar" role="search" aria-label="Filter leads">
      <div className="inbox-toolbar__field inbox-toolbar__field--search">
        <label htmlFor={`${id}-text`}>Search</label>
        <input
          ref={searchRef}
          id={`${id}-text`}
          type="search"
          className="text-input"
          placeholder="Title, person or organization  /"
          aria-keyshortcuts="/"
          value={state.text}
          onChange={(event) => set({ text: event.target.value })}
          onKeyDown={(event) => {
            // Esc empties the search first, then leaves it for the list.
            if (event.key === 'Escape' && state.text !== '') {
              event.preventDefault()
              set({ text: '' })
            }
          }}
        />
      </div>
      <div className="inbox-toolbar__field">
        <label htmlFor={`${id}-owner`}>Owner</label>
        <select
          id={`${id}-owner`}
          className="text-input"
          value={state.ownerId}
          onChange={(event) => set({ ownerId: event.target.value })}
        >
          <option value="">Everyone</option>
          {context?.users.map((user) => (
            <option key={user.id} value={String(user.id)}>
              {user.isYou ? `${user.name} (you)` : user.name}
            </option>
          ))}
        </select>
      </div>
      <div className="inbox-toolbar__field">
        <label htmlFor={`${id}-label`}>Label</label>
        <select
          id={`${id}-label`}
          className="text-input"
          value={state.labelId}
          onChange={(event) => set({ labelId: event.target.value })}
        >
          <option value="">Any label</option>
          {context?.labels.map((label) => (
            <option key={label.id} value={label.id}>
              {label.name}
            </option>
          ))}
        </select>
      </div>
      <div className="inbox-toolbar__field">
        <label htmlFor={`${id}-next`}>Next activity</label>
        <select
          id={`${id}-next`}
          className="text-input"
          value={state.nextActivity}
          onChange={(event) =>
            set({ nextActivity: event.target.value as InboxToolbarState['nextActivity'] })
          }
        >
          {Object.entries(nextActivityNames).map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="inbox-toolbar__field">
        <label htmlFor={`${id}-sort`}>Sort by</label>
        <span className="inbox-toolbar__sort">
          <select
            id={`${id}-sort`}
            className="text-input"
            value={state.sort}
            onChange={(event) => {
              const sort = event.target.value as InboxSort
              set({ sort, direction: naturalDirection[sort] })
            }}
          >
            {inboxSorts.map((sort) => (
              <option key={sort} value={sort}>
                {sortNames[sort]}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            aria-label={state.direction === 'asc' ? 'Ascending' : 'Descending'}
            title="Reverse the order"
            onClick={() => set({ direction: state.direction === 'asc' ? 'desc' : 'asc' })}
          >
            {state.direction === 'asc' ? '↑' : '↓'}
          </button>
        </span>
      </div>
      <div className="inbox-toolbar__toggles">
        {state.contact ? (
          <span className="inbox-toolbar__contact">
            {state.contact.kind === 'person' ? 'Person' : 'Organization'}:{' '}
            <strong>{state.contact.name}</strong>
            <button
              type="button"
              className="button"
              aria-label={`Show every lead, not only ${state.contact.name}’s`}
              onClick={() => set({ contact: null })}
            >
              ✕
            </button>
          </span>
        ) : null}
        <label className="check-toggle">
          <input
            type="checkbox"
            checked={state.pendingOnly}
            onChange={(event) => set({ pendingOnly: event.target.checked })}
          />
          Pending only
        </label>
        <label className="check-toggle">
          <input
            type="checkbox"
            checked={state.archived}
            onChange={(event) => set({ archived: event.target.checked })}
          />
          Archived
        </label>
        <button type="button" className="button" disabled={refreshing} onClick={onRefresh}>
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
        {onNewLead ? (
          <button
            type="button"
            className="button button--primary"
            aria-keyshortcuts="n"
            onClick={onNewLead}
          >
            New lead
          </button>
        ) : null}
      </div>
    </div>
  )
}
