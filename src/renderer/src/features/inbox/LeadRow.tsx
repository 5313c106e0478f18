import type { CSSProperties } from 'react'
import type { InboxLead } from '../../../../shared/ipc/contract'
import { rowKeyAttribute } from './useInboxNavigation'
import { LabelChips } from './LabelChips'
import { contactName, formatDay, formatValue } from './lead-format'
import { NextActivityMark } from './NextActivityMark'
import { markerTones, type LeadChangeMarker } from './pending-leads'

export type LabelInfo = { name: string; color: string }

/** What the dot before a lead means; the list's legend says the same. */
export const unseenWords = 'Not opened in Pipedrive yet'

interface Props {
  lead: InboxLead | undefined
  /** The list's place of the row, and how the list measures the row once drawn. */
  index: number
  measure: (element: HTMLDivElement | null) => void
  rowKey: string
  /** 1-based place in the whole list, for screen readers (only some rows are drawn). */
  position: number
  setSize: number
  selected: boolean
  opened: boolean
  labels: ReadonlyMap<string, LabelInfo>
  /** Changes made here that Pipedrive does not have yet. */
  change: LeadChangeMarker | undefined
  /** An activity of the lead waits in the outbox. */
  activityWaiting: boolean
  /** The clock "overdue" is read against. */
  now: number
  style: CSSProperties
  onSelect: () => void
}

/** One Pipedrive lead in the inbox list: one line of title and contact, one of details. */
export function LeadRow({
  lead,
  index,
  measure,
  rowKey,
  position,
  setSize,
  selected,
  opened,
  labels,
  change,
  activityWaiting,
  now,
  style,
  onSelect,
}: Props) {
  const common = {
    ref: measure,
    'data-index': index,
    role: 'option',
    [rowKeyAttribute]: rowKey,
    'aria-posinset': position,
    'aria-setsize': setSize,
    style,
  }
  if (!lead) {
    return (
      <div
        {...common}
        className="lead-row lead-row--loading"
        // Focusable, so a key that selected it while its page loads keeps focus in the list.
        tabIndex={-1}
        aria-selected={false}
        aria-busy="true"
      >
        <span className="lead-row__loading">Loading…</span>
      </div>
    )
  }
  const contact = contactName(lead)
  const value = formatValue(lead.value)
  const closes = formatDay(lead.expectedCloseDate)
  return (
    <div
      {...common}
      className="lead-row"
      tabIndex={-1}
      aria-selected={selected}
      aria-current={opened ? 'true' : undefined}
      data-list-selected={selected ? '' : undefined}
      onClick={onSelect}
    >
      <span
        className="lead-row__seen"
        data-seen={lead.wasSeen}
        title={lead.wasSeen ? undefined : unseenWords}
      >
        {lead.wasSeen ? null : <span className="visually-hidden">{unseenWords}</span>}
      </span>
      <span className="lead-row__main">
        <span className="lead-row__headline">
          <span className="lead-row__title">{lead.title}</span>
          {change ? (
            <span
              className="sync-marker status-pill"
              data-tone={markerTones[change.marker]}
              title={change.problem ?? undefined}
            >
              {change.words}
            </span>
          ) : null}
        </span>
        {/* The mark under the title, beside the contact: the title keeps the row's width. */}
        <span className="lead-row__subline">
          <span className="lead-row__contact">{contact}</span>
          <NextActivityMark
            nextActivity={lead.nextActivity}
            activityWaiting={activityWaiting}
            now={now}
          />
        </span>
      </span>
      <LabelChips ids={lead.labelIds} labels={labels} />
      <span className="lead-row__value" title={value || undefined}>
        {value}
      </span>
      <span className="lead-row__owner">
        {lead.ownerName ? <span className="visually-hidden">owner </span> : null}
        {lead.ownerName ?? ''}
      </span>
      <span className="lead-row__close">
        {closes ? <span className="visually-hidden">expected to close </span> : null}
        {closes}
      </span>
    </div>
  )
}
