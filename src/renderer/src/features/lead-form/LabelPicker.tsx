import './lead-form.css'
import { useEffect, useRef } from 'react'
import type { LeadLabel } from '../../../../shared/quick-add/types'
import { labelColor } from '../inbox/lead-format'
import { NewLabel } from './NewLabel'

interface Props {
  labels: readonly LeadLabel[]
  selected: readonly string[]
  onChange: (next: string[]) => void
  invalid: Record<string, unknown>
}

/**
 * The company's lead labels as checkboxes, each in its label color, and below them a name
 * to find or create a label.
 */
export function LabelPicker({ labels, selected, onChange, invalid }: Props) {
  // A label created while boxes were ticked joins what is selected when Pipedrive answers.
  const current = useRef(selected)
  useEffect(() => {
    current.current = selected
  })
  return (
    <>
      {labels.length === 0 ? (
        <p className="muted">No labels in Pipedrive yet.</p>
      ) : (
        <span className="new-lead__labels">
          {labels.map((label) => (
            <label key={label.id} className="new-lead__label">
              <input
                type="checkbox"
                checked={selected.includes(label.id)}
                onChange={(event) =>
                  onChange(
                    event.target.checked
                      ? [...selected, label.id]
                      : selected.filter((other) => other !== label.id),
                  )
                }
                {...invalid}
              />
              <span className="label-chip" data-color={labelColor(label.color)}>
                {label.name}
              </span>
            </label>
          ))}
        </span>
      )}
      <NewLabel
        labels={labels}
        selected={selected}
        onPick={(label) => {
          if (!current.current.includes(label.id)) onChange([...current.current, label.id])
        }}
      />
    </>
  )
}
