import { useState } from 'react'
import type { OutboxItem } from '../../../../shared/ipc/contract'
import { useDiscardOutboxItem, useRetryOutboxItem } from '../../api'
import { describeError } from '../../ui/describe-error'
import { OutboxRow } from './OutboxRow'
import { namesOf } from './outbox-rows'

interface Props {
  rows: readonly OutboxItem[]
  /** When the list was read. */
  readAt: number
  /** Why queued rows are not going out right now (Pipedrive not answering), when known. */
  heldBy?: string | null
}

type Outcome = { kind: 'done'; text: string } | { kind: 'failed'; text: string }

/** Every row, newest first, with what can be done to each. */
export function OutboxList({ rows, readAt, heldBy = null }: Props) {
  const retry = useRetryOutboxItem()
  const discard = useDiscardOutboxItem()
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const busy = retry.isPending || discard.isPending

  const onRetry = (row: OutboxItem) => {
    setOutcome(null)
    retry.mutate(row.id, {
      onSuccess: () =>
        setOutcome({ kind: 'done', text: `“${row.title}” will be sent as soon as it can.` }),
      onError: (error) =>
        setOutcome({
          kind: 'failed',
          text: `Could not retry “${row.title}”: ${describeError(error).message}`,
        }),
    })
  }

  const onDiscard = async (row: OutboxItem): Promise<boolean> => {
    setOutcome(null)
    try {
      const cancelled = await discard.mutateAsync(row.id)
      setOutcome({ kind: 'done', text: `Discarded ${namesOf(cancelled)}.` })
      return true
    } catch (error) {
      setOutcome({
        kind: 'failed',
        text: `Could not discard “${row.title}”: ${describeError(error).message}`,
      })
      return false
    }
  }

  return (
    <section className="outbox-list-section" aria-labelledby="outbox-items-heading">
      <h2 id="outbox-items-heading" className="section-title">
        Items
      </h2>
      {/* Live regions stay in the page, empty, so screen readers hear what lands in them. */}
      <div className="outbox-list__messages">
        <p role="status">{outcome?.kind === 'done' ? outcome.text : null}</p>
        <div role="alert">
          {outcome?.kind === 'failed' ? <p className="inline-error">{outcome.text}</p> : null}
        </div>
      </div>
      <ol className="outbox-list" aria-labelledby="outbox-items-heading">
        {rows.map((row) => (
          <OutboxRow
            key={row.id}
            row={row}
            rows={rows}
            now={readAt}
            heldBy={heldBy}
            busy={busy}
            onRetry={onRetry}
            onDiscard={onDiscard}
          />
        ))}
      </ol>
    </section>
  )
}
