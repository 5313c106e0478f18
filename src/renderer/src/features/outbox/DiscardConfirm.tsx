import { useEffect, useRef, type KeyboardEvent } from 'react'

interface Props {
  title: string
  /** What else goes with it, when rows wait on this one. */
  warning: string | null
  onConfirm: () => void
  onCancel: () => void
}

/**
 * "Discard? Yes / No" in place of the row's actions. Focus starts on No, the choice that
 * loses nothing; Esc answers No.
 */
export function DiscardConfirm({ title, warning, onConfirm, onCancel }: Props) {
  const keep = useRef<HTMLButtonElement>(null)
  useEffect(() => keep.current?.focus(), [])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return
    // Handled here: the frame must not take Esc to the view list.
    event.preventDefault()
    onCancel()
  }

  return (
    <div
      className="discard-confirm"
      role="group"
      aria-label={`Discard “${title}”?`}
      onKeyDown={onKeyDown}
    >
      <p className="discard-confirm__question">
        Discard? It will not be sent to Pipedrive.{warning ? ` ${warning}` : ''}
      </p>
      <button type="button" className="button button--danger" onClick={onConfirm}>
        Yes, discard
      </button>
      <button type="button" className="button" ref={keep} onClick={onCancel}>
        No, keep it
      </button>
    </div>
  )
}
