import { useId, useRef, useState } from 'react'
import type { OutboxItem } from '../../../../shared/ipc/contract'
import { isPlaceholder, pendingLeadDraft } from '../../api'
import { describeError } from '../../ui/describe-error'
import { openPendingLead } from '../lead-form/lead-form-store'
import { ConflictPicker } from './ConflictPicker'
import { DiscardConfirm } from './DiscardConfirm'
import {
  canDiscard,
  canRetry,
  discardWarning,
  formatMoment,
  formatNextTry,
  kindWords,
  namesOf,
  stateTones,
  stateWords,
  waitsFor,
} from './outbox-rows'

interface Props {
  row: OutboxItem
  /** The whole list, to name the rows this one waits for or takes along. */
  rows: readonly OutboxItem[]
  /** When the list was read: times are shown relative to it. */
  now: number
  /** Why a queued row is not going out right now (Pipedrive not answering), when known. */
  heldBy?: string | null
  /** Another retry or discard is on its way: clicks are ignored until it is back. */
  busy: boolean
  onRetry: (row: OutboxItem) => void
  onDiscard: (row: OutboxItem) => Promise<boolean>
}

export function OutboxRow({ row, rows, now, heldBy = null, busy, onRetry, onDiscard }: Props) {
  const [confirming, setConfirming] = useState(false)
  const [editProblem, setEditProblem] = useState<string | null>(null)
  // A new lead Pipedrive has not taken yet opens in the lead form, whole, to fix and resend.
  const editable =
    row.kind === 'lead.create' && (row.state === 'queued' || row.state === 'needs_attention')
  const edit = () =>
    void pendingLeadDraft(row.id).then(
      (draft) => openPendingLead(row.id, draft),
      (error: unknown) => setEditProblem(describeError(error).message),
    )
  const titleId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const discardButton = useRef<HTMLButtonElement>(null)
  const nextTry = formatNextTry(row.nextAttemptAt, now)
  const parents = waitsFor(row, rows)
  const pending = isPlaceholder(row)

  const cancel = () => {
    setConfirming(false)
    // The button is back after this render; focus it then.
    requestAnimationFrame(() => discardButton.current?.focus())
  }

  const confirm = async () => {
    setConfirming(false)
    const discarded = await onDiscard(row)
    // A discarded row has no actions left: focus stays on the row, not on the page body.
    requestAnimationFrame(() => (discarded ? heading.current : discardButton.current)?.focus())
  }

  return (
    <li className="outbox-row" data-state={row.state} aria-labelledby={titleId}>
      <div className="outbox-row__head">
        <div className="outbox-row__names">
          <span className="outbox-row__kind">{kindWords[row.kind]}</span>
          <h3 id={titleId} ref={heading} tabIndex={-1} className="outbox-row__title">
            {row.title}
          </h3>
        </div>
        <span
          className="state-badge status-pill"
          data-state={row.state}
          data-tone={stateTones[row.state]}
        >
          {pending ? 'Saving…' : stateWords[row.state]}
        </span>
      </div>

      <dl className="outbox-row__facts">
        <div>
          <dt>Created</dt>
          <dd>{formatMoment(row.createdAt, now)}</dd>
        </div>
        <div>
          <dt>Attempts</dt>
          <dd>{row.attempts}</dd>
        </div>
        {nextTry !== null && (row.state === 'queued' || row.state === 'uncertain') ? (
          <div>
            <dt>Next try</dt>
            <dd>{nextTry}</dd>
          </div>
        ) : null}
        {parents.length > 0 ? (
          <div>
            <dt>Waits for</dt>
            <dd>{namesOf(parents)}</dd>
          </div>
        ) : null}
      </dl>

      {row.lastError !== null && row.state === 'needs_attention' ? (
        <p className="outbox-row__error">
          <span className="outbox-row__error-title">
            {row.conflict !== null ? 'Waiting for you:' : 'Pipedrive refused it:'}
          </span>{' '}
          {row.lastError}
        </p>
      ) : heldBy !== null && row.state === 'queued' ? (
        <p className="outbox-row__last-error">{heldBy}</p>
      ) : row.lastError !== null && row.state !== 'sent' && row.state !== 'cancelled' ? (
        <p className="outbox-row__last-error" title={row.lastError}>
          Last try: {row.lastError}
        </p>
      ) : null}

      {row.conflict !== null && row.state === 'needs_attention' ? (
        <ConflictPicker row={{ ...row, conflict: row.conflict }} />
      ) : null}

      {pending ? null : confirming ? (
        <DiscardConfirm
          title={row.title}
          warning={discardWarning(row, rows)}
          onConfirm={() => void confirm()}
          onCancel={cancel}
        />
      ) : canRetry(row) || canDiscard(row) || editable ? (
        <div className="outbox-row__actions">
          {editable ? (
            <button
              type="button"
              className="button"
              aria-describedby={titleId}
              aria-disabled={busy || undefined}
              onClick={() => !busy && edit()}
            >
              Edit
            </button>
          ) : null}
          {canRetry(row) && row.conflict === null ? (
            <button
              type="button"
              className="button"
              aria-describedby={titleId}
              aria-disabled={busy || undefined}
              onClick={() => !busy && onRetry(row)}
            >
              Retry now
            </button>
          ) : null}
          {canDiscard(row) ? (
            <button
              type="button"
              className="button"
              ref={discardButton}
              aria-describedby={titleId}
              aria-disabled={busy || undefined}
              onClick={() => !busy && setConfirming(true)}
            >
              Discard
            </button>
          ) : null}
        </div>
      ) : null}
      {editProblem !== null ? (
        <p role="alert" className="outbox-row__error">
          {editProblem}
        </p>
      ) : null}
    </li>
  )
}
