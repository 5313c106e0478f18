import { useId, useState } from 'react'
import type { OutboxItem } from '../../../../shared/ipc/contract'
import { useResolveConflict } from '../../api'
import { describeValue, fieldWords } from './conflict-words'

interface Props {
  row: OutboxItem & { conflict: NonNullable<OutboxItem['conflict']> }
}

/**
 * A change made here met a change made in Pipedrive to the same field: the user keeps one
 * value per field. Nothing is chosen for them.
 */
export function ConflictPicker({ row }: Props) {
  const [keep, setKeep] = useState<Record<string, 'mine' | 'theirs'>>({})
  const resolve = useResolveConflict()
  const groupId = useId()
  const fields = Object.entries(row.conflict)
  const complete = fields.every(([field]) => keep[field] !== undefined)

  return (
    <form
      className="conflict"
      aria-labelledby={groupId}
      onSubmit={(event) => {
        event.preventDefault()
        if (complete) resolve.mutate({ id: row.id, keep })
      }}
    >
      <p id={groupId} className="conflict__title">
        Changed here and in Pipedrive. Keep which?
      </p>
      {fields.map(([field, sides]) => (
        <fieldset key={field} className="conflict__field">
          <legend>{fieldWords[field] ?? field}</legend>
          {(['mine', 'theirs'] as const).map((side) => (
            <label key={side} className="conflict__choice">
              <input
                type="radio"
                name={`${groupId}-${field}`}
                value={side}
                checked={keep[field] === side}
                onChange={() => setKeep((current) => ({ ...current, [field]: side }))}
              />
              {side === 'mine' ? 'Yours: ' : 'Pipedrive’s: '}
              <span className="conflict__value">{describeValue(sides[side])}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <button
        type="submit"
        className="button"
        aria-disabled={!complete || resolve.isPending || undefined}
      >
        Keep these and sync
      </button>
      {resolve.isError ? (
        <p role="alert" className="outbox-row__error">
          {resolve.error.message}
        </p>
      ) : null}
    </form>
  )
}
