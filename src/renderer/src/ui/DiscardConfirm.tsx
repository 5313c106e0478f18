import { useEffect, useRef } from 'react'

interface Props {
  /** What would be lost, after "Discard changes?". */
  detail: string
  onDiscard: () => void
  onKeep: () => void
}

/**
 * Asked before a form with edits closes. Focus starts on "Keep editing", so Enter or a second
 * Esc never throws work away.
 */
export function DiscardConfirm({ detail, onDiscard, onKeep }: Props) {
  const keep = useRef<HTMLButtonElement>(null)
  useEffect(() => keep.current?.focus(), [])
  return (
    <div className="discard-confirm" role="alertdialog" aria-label="Discard changes?">
      <p>Discard changes? {detail}</p>
      <button type="button" className="button discard-confirm__discard" onClick={onDiscard}>
        Discard
      </button>
      <button type="button" className="button" ref={keep} onClick={onKeep}>
        Keep editing
      </button>
    </div>
  )
}
