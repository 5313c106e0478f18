import { useSyncStatus } from '../../api'
import { describeError } from '../../ui/describe-error'
import { summarizeSync } from './sync-summary'

export function SyncIndicator() {
  const status = useSyncStatus()

  if (status.isPending) {
    return (
      <div className="sync-indicator" role="status" aria-label="Sync status: checking">
        <span className="sync-indicator__dot" data-tone="idle" aria-hidden="true" />
        <span className="sync-indicator__line">Checking…</span>
      </div>
    )
  }

  if (status.isError) {
    const { message } = describeError(status.error)
    return (
      <div
        className="sync-indicator"
        role="status"
        aria-label={`Sync status: unavailable. ${message}`}
      >
        <span className="sync-indicator__dot" data-tone="attention" aria-hidden="true" />
        <span className="sync-indicator__line">Status unavailable</span>
        <span className="sync-indicator__detail">{message}</span>
      </div>
    )
  }

  const summary = summarizeSync(status.data, status.dataUpdatedAt)
  return (
    <div className="sync-indicator" role="status" aria-label={summary.label}>
      <span className="sync-indicator__dot" data-tone={summary.tone} aria-hidden="true" />
      <span className="sync-indicator__line">{summary.connection}</span>
      <span className="sync-indicator__detail">{summary.account}</span>
      <span className="sync-indicator__detail">{summary.queue}</span>
      {summary.budget && <span className="sync-indicator__detail">{summary.budget}</span>}
    </div>
  )
}
