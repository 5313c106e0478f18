import './outbox.css'
import { useOutbox, useSyncStatus } from '../../api'
import { EmptyState } from '../../ui/EmptyState'
import { InlineError } from '../../ui/InlineError'
import { sayMoment, sayWhen, waitingCount } from '../frame/sync-summary'
import { OutboxList } from './OutboxList'
import { outboxCounts } from './outbox-counts'

export function OutboxView() {
  const status = useSyncStatus()
  const outbox = useOutbox()

  if (status.isPending || outbox.isPending) {
    return (
      <p className="muted" aria-busy="true">
        Loading the outbox…
      </p>
    )
  }
  if (status.isError || outbox.isError) {
    return (
      <InlineError
        title="Could not load the outbox"
        error={status.error ?? outbox.error}
        onRetry={() => {
          void status.refetch()
          void outbox.refetch()
        }}
      />
    )
  }

  const { counts, nextAttemptAt, lastError, unreachableSince, online, signedIn } = status.data
  // Times are said relative to when the status was read, so a render reads the same.
  const now = status.dataUpdatedAt
  const unreachable = online && signedIn && unreachableSince !== null

  if (outbox.data.length === 0) {
    return (
      <EmptyState title="Nothing waiting to sync">
        <p>
          Leads you capture are saved here first, even with no network, and sent to Pipedrive
          exactly once as soon as they can be.
        </p>
      </EmptyState>
    )
  }

  const nothingWaiting = waitingCount(counts) === 0 && counts.needs_attention === 0

  return (
    <div className="stack stack--sections">
      <div className="stack">
        <dl className="count-grid" aria-label="Outbox counts">
          {outboxCounts(counts).map((entry) => (
            <div
              key={entry.state}
              className="count-card"
              data-state={entry.state}
              data-has-items={entry.count > 0 ? 'true' : undefined}
            >
              <dt className="count-card__label">{entry.label}</dt>
              <dd className="count-card__value">{entry.count}</dd>
              <dd className="count-card__meaning">{entry.meaning}</dd>
            </div>
          ))}
        </dl>
        {nothingWaiting ? (
          <p className="muted">
            {counts.sent > 0
              ? 'Everything you captured has reached Pipedrive.'
              : 'Nothing is waiting to sync.'}
          </p>
        ) : null}
        {unreachable ? (
          <p className="notice notice--warning" data-testid="outbox-unreachable">
            <span className="notice__title">Pipedrive unreachable:</span> no answer since{' '}
            {sayMoment(unreachableSince, now)}. Everything is kept here; next try{' '}
            {sayWhen(nextAttemptAt, now)}.
          </p>
        ) : nextAttemptAt !== null && nextAttemptAt > now && waitingCount(counts) > 0 ? (
          <p className="muted">Next attempt at {sayWhen(nextAttemptAt, now)}.</p>
        ) : null}
        {lastError !== null && !nothingWaiting && !unreachable ? (
          <p className="notice notice--warning">
            <span className="notice__title">Last problem:</span> {lastError}
          </p>
        ) : null}
      </div>
      <OutboxList
        rows={outbox.data}
        readAt={outbox.dataUpdatedAt}
        heldBy={
          unreachable
            ? `Not sent yet: Pipedrive is not answering. Next try ${sayWhen(nextAttemptAt, now)}.`
            : null
        }
      />
    </div>
  )
}
