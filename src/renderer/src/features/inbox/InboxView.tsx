import './inbox.css'
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { InboxLead } from '../../../../shared/ipc/contract'
import {
  inboxPageSize,
  useAccountStatus,
  useInboxContext,
  useInboxLeads,
  useOutbox,
  useRefreshInbox,
} from '../../api'
import { EmptyState } from '../../ui/EmptyState'
import { InlineError } from '../../ui/InlineError'
import { shortcutLabel } from '../../ui/keyboard'
import type { ViewId } from '../frame/views'
import { LeadDetailPane } from '../lead-detail/LeadDetailPane'
import { LeadSavedNotice, openLeadForm } from '../lead-form'
import { useInboxRequests } from '../palette/inbox-requests'
import { readsTypedKeys } from '../shortcuts/key-targets'
import type { RowIds } from '../shortcuts/list-selection'
import { openInOutbox } from '../shortcuts/open-in-outbox'
import { mainWindowShortcuts } from '../shortcuts/shortcut-registry'
import { modalIsOpen, useShortcut } from '../shortcuts/useShortcut'
import { InboxToolbar } from './InboxToolbar'
import { LeadList } from './LeadList'
import { LeadColumns } from './LeadColumns'
import { unseenWords, type LabelInfo } from './LeadRow'
import { PendingLeadList, pendingRowKey } from './PendingLeadList'
import {
  filtersOf,
  initialToolbar,
  isFiltered,
  matchesText,
  pendingMatches,
  showsPending,
  type InboxToolbarState,
} from './inbox-filters'
import { leadsWithWaitingActivity, pendingChanges, pendingLeads } from './pending-leads'
import { useMinuteClock } from './useMinuteClock'
import { useDebouncedValue } from './useDebouncedValue'
import { useInboxNavigation } from './useInboxNavigation'
import { pageOffsets, type RowRange } from './virtual-window'

export const quickAddShortcut = 'Mod+Shift+L'

interface Props {
  onShowView: (view: ViewId) => void
}

const counted = new Intl.NumberFormat()

/**
 * The Pipedrive Leads Inbox as Leadbox caches it, below the leads still waiting in the
 * outbox, with the selected lead's details beside them.
 */
export function InboxView({ onShowView }: Props) {
  const leadsHeadingId = useId()
  const account = useAccountStatus()
  const outbox = useOutbox()
  const context = useInboxContext()
  const refresh = useRefreshInbox()
  const [toolbar, setToolbar] = useState<InboxToolbarState>(initialToolbar)
  const text = useDebouncedValue(toolbar.text, 200)
  const [range, setRange] = useState<RowRange>({ start: 0, end: 0 })
  const leads = useInboxLeads(filtersOf(toolbar, text), pageOffsets(range, inboxPageSize))
  const [opened, setOpened] = useState<{ lead: InboxLead; takeFocus: boolean } | null>(null)
  const search = useRef<HTMLInputElement>(null)

  const signedIn = Boolean(account.data?.account)
  const allPending = pendingLeads(outbox.data ?? [])
  const changes = useMemo(() => pendingChanges(outbox.data ?? []), [outbox.data])
  const waitingActivity = useMemo(() => leadsWithWaitingActivity(outbox.data ?? []), [outbox.data])
  const now = useMinuteClock()
  const pending = showsPending(toolbar)
    ? allPending.filter(
        (lead) =>
          matchesText(lead.row.title, text) &&
          pendingMatches(toolbar, waitingActivity.pending.has(lead.row.id)),
      )
    : []
  const leadCount = toolbar.pendingOnly ? 0 : (leads.total ?? 0)
  const leadKeyAt = (index: number) => leads.leadAt(index)?.id ?? `row:${index}`
  const pendingKeys = pending.map((lead) => pendingRowKey(lead.row.id))
  // Read one at a time: at 100,000 leads, building every key on each render is what costs.
  const rowKeys: RowIds = {
    length: pendingKeys.length + leadCount,
    at: (index) =>
      index < 0 || index >= pendingKeys.length + leadCount
        ? undefined
        : index < pendingKeys.length
          ? pendingKeys[index]
          : leadKeyAt(index - pendingKeys.length),
    indexOf: (key) => {
      const waiting = pendingKeys.indexOf(String(key))
      if (waiting !== -1) return waiting
      for (let index = 0; index < leadCount; index += 1) {
        if (leads.leadAt(index)?.id === key) return pendingKeys.length + index
      }
      return -1
    },
  }

  const openLead = (lead: InboxLead) => setOpened({ lead, takeFocus: true })
  const nav = useInboxNavigation({
    rowKeys,
    onOpen: (_key, index) => {
      const waiting = pending[index]
      if (waiting) {
        openInOutbox(waiting.row, outbox.data ?? [], () => onShowView('outbox'))
        return
      }
      const lead = leads.leadAt(index - pending.length)
      if (lead) openLead(lead)
    },
  })
  const leadIndex = nav.selectedIndex === null ? null : nav.selectedIndex - pending.length

  useShortcut('lead.new', openLeadForm)
  // The palette opens a lead here, or the archive.
  useInboxRequests((request) => {
    if (request.kind === 'archived') return setToolbar((state) => ({ ...state, archived: true }))
    const index = rowKeys.indexOf(request.lead.id)
    if (index >= 0) nav.select(index, false)
    openLead(request.lead)
  })

  // "/" jumps to the search from anywhere in the inbox but a text field or a dialog. A layout
  // effect, so it works from the moment the inbox shows (see useShortcut). Pressed while the
  // inbox still loads, it is kept: the search takes focus once it shows, unless focus has
  // gone elsewhere meanwhile.
  const searchWanted = useRef<{ from: Element | null } | null>(null)
  useLayoutEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return
      if (event.defaultPrevented || modalIsOpen()) return
      const target = event.target instanceof Element ? event.target : null
      if (readsTypedKeys(target) && !target?.closest('.lead-list')) return
      event.preventDefault()
      if (search.current) search.current.focus()
      else searchWanted.current = { from: document.activeElement }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
  const loading = outbox.isPending || account.isPending || leads.isPending
  useLayoutEffect(() => {
    const wanted = searchWanted.current
    // Loaded without a search (nobody signed in, nothing yet): the key has nothing to do.
    if (!wanted || (!search.current && loading)) return
    searchWanted.current = null
    if (search.current && document.activeElement === wanted.from && !modalIsOpen()) {
      search.current.focus()
    }
  })

  const closePane = () => {
    setOpened(null)
    if (nav.selectedIndex !== null) nav.select(nav.selectedIndex, true)
  }

  // The listbox reads its own keys (arrows, Home, End); the rest go to the app's shortcuts,
  // which stay quiet inside a listbox otherwise.
  const onListKey = (event: KeyboardEvent<HTMLDivElement>, pageRows: number) => {
    const last = pending.length + leadCount - 1
    const handled = (() => {
      switch (event.key) {
        case 'ArrowDown':
          return nav.move(1)
        case 'ArrowUp':
          return nav.move(-1)
        case 'PageDown':
          return nav.move(pageRows)
        case 'PageUp':
          return nav.move(-pageRows)
        case 'Home':
          nav.select(pending.length, true)
          return true
        case 'End':
          nav.select(last, true)
          return true
        case 'Escape':
          if (!opened) return false
          closePane()
          return true
        default:
          return mainWindowShortcuts.dispatch(event.nativeEvent, {
            typing: false,
            modalOpen: modalIsOpen(),
          })
      }
    })()
    if (handled) event.preventDefault()
  }

  if (loading) {
    return (
      <p className="muted" aria-busy="true">
        Loading leads…
      </p>
    )
  }
  if (outbox.isError) {
    return (
      <InlineError
        title="Could not load the leads waiting to sync"
        error={outbox.error}
        onRetry={() => void outbox.refetch()}
      />
    )
  }

  const filtered = isFiltered(toolbar) || toolbar.archived || toolbar.pendingOnly
  if (!signedIn && allPending.length === 0 && !leads.total && !filtered) {
    return <Newcomer onShowView={onShowView} />
  }

  const labels = new Map<string, LabelInfo>(
    (context.data?.labels ?? []).map((label) => [label.id, label]),
  )
  const openedLead = opened ? (leads.findLead(opened.lead.id) ?? opened.lead) : null
  const refreshProblem = refresh.data?.lastError ?? null

  return (
    <div className="inbox">
      <InboxToolbar
        state={toolbar}
        onChange={setToolbar}
        context={context.data}
        searchRef={search}
        refreshing={refresh.isPending}
        onRefresh={() => refresh.mutate()}
        onNewLead={openLeadForm}
      />
      <LeadSavedNotice />
      {refreshProblem ? (
        <p className="inbox__problem" role="alert">
          Could not refresh from Pipedrive: {refreshProblem}
        </p>
      ) : null}
      <div className="inbox__body" data-detail={openedLead ? 'open' : 'closed'}>
        <div className="inbox__lists">
          {pending.length > 0 ? (
            <PendingLeadList
              leads={pending}
              readAt={outbox.dataUpdatedAt}
              onOpenOutbox={() => onShowView('outbox')}
              selectedKey={nav.selectedKey}
              signedIn={signedIn}
              labels={labels}
              waitingActivity={waitingActivity.pending}
            />
          ) : null}
          {toolbar.pendingOnly ? null : (
            <section className="inbox-leads" aria-labelledby={leadsHeadingId}>
              <div className="inbox-leads__header">
                <h2 id={leadsHeadingId} className="inbox-leads__title">
                  {toolbar.archived ? 'Archived leads' : 'Pipedrive leads'}
                </h2>
                <span className="inbox-leads__count" data-testid="inbox-total">
                  {counted.format(leads.total ?? 0)}
                </span>
                {leadCount > 0 ? (
                  <span className="inbox-leads__legend">
                    <span className="lead-row__seen" aria-hidden="true" />
                    {unseenWords}
                  </span>
                ) : null}
              </div>
              {leadCount > 0 ? <LeadColumns /> : null}
              {leads.isError ? (
                <InlineError
                  title="Could not read the cached leads"
                  error={leads.error}
                  onRetry={() => void leads.refetch()}
                />
              ) : leadCount === 0 ? (
                <p className="inbox-leads__empty">
                  {emptyWords(signedIn, isFiltered(toolbar), toolbar.archived)}
                </p>
              ) : (
                <LeadList
                  label={toolbar.archived ? 'Archived leads' : 'Pipedrive leads'}
                  total={leadCount}
                  leadAt={leads.leadAt}
                  rowKeyAt={leadKeyAt}
                  selectedIndex={leadIndex !== null && leadIndex >= 0 ? leadIndex : null}
                  openedId={openedLead?.id ?? null}
                  labels={labels}
                  changes={changes}
                  waitingActivity={waitingActivity.synced}
                  now={now}
                  onRangeChange={setRange}
                  onSelect={(index) => {
                    nav.select(pending.length + index, false)
                    const lead = leads.leadAt(index)
                    if (lead) openLead(lead)
                  }}
                  onKeyDown={onListKey}
                />
              )}
            </section>
          )}
        </div>
        {openedLead && opened ? (
          <LeadDetailPane
            key={openedLead.id}
            lead={openedLead}
            context={context.data}
            takeFocus={opened.takeFocus}
            onClose={closePane}
            onShowLeadsOf={(contact) => setToolbar((current) => ({ ...current, contact }))}
            onOpenOutbox={() => onShowView('outbox')}
          />
        ) : null}
      </div>
    </div>
  )
}

function emptyWords(signedIn: boolean, filtered: boolean, archived: boolean): string {
  if (!signedIn) return 'Connect your Pipedrive account in Settings to see your Leads Inbox here.'
  if (filtered) return 'No leads match these filters.'
  if (archived) return 'No archived leads.'
  return 'No leads in Pipedrive yet'
}

function Newcomer({ onShowView }: Props) {
  return (
    <EmptyState title="No leads yet">
      <p>Your Pipedrive Leads Inbox will show up here, next to the leads still waiting to sync.</p>
      <ol className="steps">
        <li>Connect your Pipedrive account in Settings.</li>
        <li>
          Capture a lead from anywhere with the quick-add shortcut{' '}
          <kbd>{shortcutLabel(quickAddShortcut)}</kbd>.
        </li>
      </ol>
      <button
        type="button"
        className="button button--primary"
        onClick={() => onShowView('settings')}
      >
        Go to Settings
      </button>
    </EmptyState>
  )
}
