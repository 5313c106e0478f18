import { useEffect, useRef, type KeyboardEvent } from 'react'
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import type { InboxLead } from '../../../../shared/ipc/contract'
import { LeadRow, type LabelInfo } from './LeadRow'
import type { LeadChangeMarker } from './pending-leads'
import type { RowRange } from './virtual-window'

/** A row's usual height (CSS: .lead-row's min-height); each drawn row is measured as it is. */
export const leadRowHeight = 52
const overscan = 8

interface Props {
  label: string
  total: number
  leadAt: (index: number) => InboxLead | undefined
  rowKeyAt: (index: number) => string
  selectedIndex: number | null
  openedId: string | null
  labels: ReadonlyMap<string, LabelInfo>
  /** Unfinished changes by lead id. */
  changes: ReadonlyMap<string, LeadChangeMarker>
  /** Leads with an activity waiting in the outbox, by id. */
  waitingActivity: ReadonlySet<string>
  /** The clock "overdue" is read against. */
  now: number
  onRangeChange: (range: RowRange) => void
  onSelect: (index: number) => void
  /** Keys the list does not handle itself go on to the app's shortcuts. */
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>, pageRows: number) => void
}

/**
 * The Pipedrive leads as a listbox that draws only the rows in view (and a few around
 * them), so a hundred thousand leads scroll like ten. Rows may differ in height (a larger
 * font, a long title): each is measured once drawn. The selected row is drawn wherever it
 * is, so focus never falls off the list while the wheel scrolls it away.
 */
export function LeadList({
  label,
  total,
  leadAt,
  rowKeyAt,
  selectedIndex,
  openedId,
  labels,
  changes,
  waitingActivity,
  now,
  onRangeChange,
  onSelect,
  onKeyDown,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null)
  const selected = selectedIndex !== null && selectedIndex < total ? selectedIndex : null
  // Nothing here is memoized, so the virtualizer's functions are read afresh on every draw.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => leadRowHeight,
    overscan,
    // Measured heights are kept by position, not by lead: the virtualizer lays out every row
    // again whenever its key function changes, and a lead's key changes as its page loads. At
    // 100,000 leads that layout was most of the time to show the inbox. A row drawn at a
    // position is measured there anyway.
    rangeExtractor: (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      if (selected === null || indexes.includes(selected)) return indexes
      return [...indexes, selected].sort((a, b) => a - b)
    },
  })

  const { startIndex, endIndex } = virtualizer.range ?? { startIndex: 0, endIndex: -1 }
  const start = total === 0 ? 0 : Math.max(0, startIndex - overscan)
  const end = total === 0 ? 0 : Math.min(total, endIndex + 1 + overscan)
  useEffect(() => onRangeChange({ start, end }), [start, end]) // eslint-disable-line react-hooks/exhaustive-deps

  const pageRows = () =>
    Math.max(1, Math.floor((virtualizer.scrollRect?.height ?? 480) / leadRowHeight))

  return (
    <div
      ref={scroller}
      className="lead-list"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      onKeyDown={(event) => onKeyDown(event, pageRows())}
    >
      <div className="lead-list__space" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map(({ index, start: top }) => {
          const lead = leadAt(index)
          return (
            <LeadRow
              key={rowKeyAt(index)}
              measure={virtualizer.measureElement}
              index={index}
              rowKey={rowKeyAt(index)}
              lead={lead}
              position={index + 1}
              setSize={total}
              selected={index === selectedIndex}
              opened={lead !== undefined && lead.id === openedId}
              labels={labels}
              change={lead ? changes.get(lead.id) : undefined}
              activityWaiting={lead ? waitingActivity.has(lead.id) : false}
              now={now}
              style={{ transform: `translateY(${top}px)` }}
              onSelect={() => onSelect(index)}
            />
          )
        })}
      </div>
    </div>
  )
}
