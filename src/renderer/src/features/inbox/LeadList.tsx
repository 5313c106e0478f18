import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { InboxLead } from '../../../../shared/ipc/contract'
import { LeadRow, type LabelInfo } from './LeadRow'
import type { LeadChangeMarker } from './pending-leads'
import { visibleRows, type RowRange } from './virtual-window'

/** Every row is this tall (CSS agrees: .lead-row), so a row's place is index × height. */
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
  onRangeChange: (range: RowRange) => void
  onSelect: (index: number) => void
  /** Keys the list does not handle itself go on to the app's shortcuts. */
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>, pageRows: number) => void
}

/**
 * The Pipedrive leads as a listbox that draws only the rows in view (and a few around
 * them), so ten thousand leads scroll like ten. The selected row is drawn wherever it is,
 * so focus never falls off the list while the wheel scrolls it away.
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
  onRangeChange,
  onSelect,
  onKeyDown,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [viewport, setViewport] = useState(480)

  useLayoutEffect(() => {
    const element = scroller.current
    if (!element) return
    const observer = new ResizeObserver(() => setViewport(element.clientHeight))
    observer.observe(element)
    setViewport(element.clientHeight)
    return () => observer.disconnect()
  }, [])

  const range = visibleRows(scrollTop, viewport, leadRowHeight, total, overscan)
  useEffect(() => onRangeChange(range), [range.start, range.end]) // eslint-disable-line react-hooks/exhaustive-deps

  const indexes: number[] = []
  for (let index = range.start; index < range.end; index += 1) indexes.push(index)
  if (selectedIndex !== null && selectedIndex < total && !indexes.includes(selectedIndex)) {
    indexes.push(selectedIndex)
  }

  return (
    <div
      ref={scroller}
      className="lead-list"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      onKeyDown={(event) => onKeyDown(event, Math.max(1, Math.floor(viewport / leadRowHeight)))}
    >
      <div className="lead-list__space" style={{ height: total * leadRowHeight }}>
        {indexes.map((index) => {
          const lead = leadAt(index)
          return (
            <LeadRow
              key={rowKeyAt(index)}
              rowKey={rowKeyAt(index)}
              lead={lead}
              position={index + 1}
              setSize={total}
              selected={index === selectedIndex}
              opened={lead !== undefined && lead.id === openedId}
              labels={labels}
              change={lead ? changes.get(lead.id) : undefined}
              style={{ transform: `translateY(${index * leadRowHeight}px)` }}
              onSelect={() => onSelect(index)}
            />
          )
        })}
      </div>
    </div>
  )
}
