import { labelColor } from './lead-format'
import type { LabelInfo } from './LeadRow'

interface Props {
  ids: readonly string[]
  labels: ReadonlyMap<string, LabelInfo>
}

/** A lead's labels as chips in their Pipedrive colours; ids the catalog does not know are left out. */
export function LabelChips({ ids, labels }: Props) {
  return (
    <span className="lead-labels">
      {ids.map((id) => {
        const label = labels.get(id)
        return label ? (
          <span key={id} className="label-chip" data-color={labelColor(label.color)}>
            {label.name}
          </span>
        ) : null
      })}
    </span>
  )
}
