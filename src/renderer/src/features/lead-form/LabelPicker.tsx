import type { LeadLabel } from '../../../../shared/quick-add/types'
import { labelColor } from '../inbox/lead-format'

interface Props {
  labels: readonly LeadLabel[]
  selected: readonly string[]
  onChange: (next: string[]) => void
  invalid: Record<string, unknown>
}

/** The company's lead labels as checkboxes, each in its label color. */
export function LabelPicker({ labels, selected, onChange, invalid }: Props) {
  if (labels.length === 0) return <p className="muted">No labels in Pipedrive yet.</p>
  return (
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
  )
}
