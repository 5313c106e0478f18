import { formatMoment } from '../outbox/outbox-rows'
import { contactName, formatValue } from './lead-format'
import type { LabelInfo } from './LeadRow'
import { LabelChips } from './LabelChips'
import { NextActivityMark } from './NextActivityMark'
import { markerTones, type PendingLead } from './pending-leads'
import { rowKeyAttribute } from './useInboxNavigation'

/** The inbox's key for a lead waiting in the outbox. */
export const pendingRowKey = (id: number) => `outbox:${id}`

interface Props {
  leads: readonly PendingLead[]
  /** When the outbox was read: times are shown relative to it. */
  readAt: number
  onOpenOutbox: () => void
  /** The row j/k selected, by its key. */
  selectedKey: string | null
  /** Signed in, the Pipedrive leads are listed below these. */
  signedIn: boolean
  labels: ReadonlyMap<string, LabelInfo>
  /** Waiting leads queued with an activity, by their create row. */
  waitingActivity: ReadonlySet<number>
}

/** Leads still in the outbox, above the Pipedrive Leads Inbox. */
export function PendingLeadList({
  leads,
  readAt,
  onOpenOutbox,
  selectedKey,
  signedIn,
  labels,
  waitingActivity,
}: Props) {
  const attention = leads.some((lead) => lead.marker === 'needs attention')
  return (
    <section className="pending-leads" aria-labelledby="pending-leads-heading">
      <div className="pending-leads__header">
        <h2 id="pending-leads-heading" className="pending-leads__title">
          Waiting to sync
        </h2>
        <span className="pending-leads__count">{leads.length}</span>
      </div>
      <ul className="pending-leads__list" aria-labelledby="pending-leads-heading">
        {leads.map(({ row, marker }) => (
          <li
            key={row.id}
            className="pending-lead"
            data-marker={marker}
            tabIndex={-1}
            {...{ [rowKeyAttribute]: pendingRowKey(row.id) }}
            data-list-selected={selectedKey === pendingRowKey(row.id) ? '' : undefined}
          >
            <span className="sync-marker status-pill" data-tone={markerTones[marker]}>
              {marker}
            </span>
            <span className="pending-lead__main">
              <span className="pending-lead__headline">
                <span className="pending-lead__title">{row.title}</span>
                <NextActivityMark
                  nextActivity={null}
                  activityWaiting={waitingActivity.has(row.id)}
                  now={readAt}
                />
              </span>
              <span className="pending-lead__contact">
                {row.summary ? contactName(row.summary) : null}
              </span>
            </span>
            <LabelChips ids={row.summary?.labelIds ?? []} labels={labels} />
            <span className="pending-lead__value">{formatValue(row.summary?.value ?? null)}</span>
            <span className="pending-lead__created">
              <span className="visually-hidden">created </span>
              {formatMoment(row.createdAt, readAt)}
            </span>
            {marker === 'needs attention' && row.lastError ? (
              <p className="pending-lead__problem">{row.lastError}</p>
            ) : null}
          </li>
        ))}
      </ul>
      {attention ? (
        <p className="pending-leads__hint">
          Pipedrive refused some of these. Retry or discard them in the Outbox.{' '}
          <button type="button" className="button" onClick={onOpenOutbox}>
            Open the Outbox
          </button>
        </p>
      ) : (
        <p className="pending-leads__hint">
          {signedIn
            ? 'They go to Pipedrive as soon as Leadbox can reach your account.'
            : 'They go to Pipedrive as soon as Leadbox can reach your account; the Pipedrive Leads Inbox shows up here once it is connected.'}
        </p>
      )}
    </section>
  )
}
