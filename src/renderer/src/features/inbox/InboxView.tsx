import { EmptyState } from '../../ui/EmptyState'
import { shortcutLabel } from '../../ui/keyboard'
import type { ViewId } from '../frame/views'

export const quickAddShortcut = 'Mod+Shift+L'

interface Props {
  onShowView: (view: ViewId) => void
}

export function InboxView({ onShowView }: Props) {
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
