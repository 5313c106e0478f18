import './inbox.css'
import { useOutbox } from '../../api'
import { EmptyState } from '../../ui/EmptyState'
import { InlineError } from '../../ui/InlineError'
import { shortcutLabel } from '../../ui/keyboard'
import type { ViewId } from '../frame/views'
import { useInboxKeys } from '../shortcuts/useInboxKeys'
import { PendingLeadList } from './PendingLeadList'
import { pendingLeads } from './pending-leads'

export const quickAddShortcut = 'Mod+Shift+L'

interface Props {
  onShowView: (view: ViewId) => void
}

/**
 * Until the Pipedrive Leads Inbox arrives, the inbox lists the leads still in the outbox,
 * so a lead captured a moment ago is where the user looks for it.
 */
export function InboxView({ onShowView }: Props) {
  const outbox = useOutbox()
  // j/k and Enter through the listed leads; useInboxKeys says what another list needs.
  useInboxKeys(outbox.data, onShowView)

  if (outbox.isPending) {
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

  const leads = pendingLeads(outbox.data)
  if (leads.length > 0) {
    return (
      <PendingLeadList
        leads={leads}
        readAt={outbox.dataUpdatedAt}
        onOpenOutbox={() => onShowView('outbox')}
      />
    )
  }

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
