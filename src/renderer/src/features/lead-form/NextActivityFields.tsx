import type { ActivityTypeEntry } from '../../../../shared/quick-add'
import type { FormErrors } from './draft-from-form'
import { FieldError, fieldErrorProps } from '../../ui/FieldError'
import type { ActivityInputs } from './lead-form-state'

interface Props {
  /** The company's activity types, as the catalog keeps them. */
  types: readonly ActivityTypeEntry[]
  value: ActivityInputs
  onChange: (next: ActivityInputs) => void
  errors: FormErrors
  baseId: string
}

/**
 * The lead's next activity: the same one quick add reads from `call fri 10am`, made in
 * Pipedrive once the lead is there. Left empty, the lead gets none.
 */
export function NextActivityFields({ types, value, onChange, errors, baseId }: Props) {
  const id = `${baseId}-activity`
  const set = (patch: Partial<ActivityInputs>) => onChange({ ...value, ...patch })
  const type = fieldErrorProps(errors, 'activity.type', baseId)
  const subject = fieldErrorProps(errors, 'activity.subject', baseId)
  const day = fieldErrorProps(errors, 'activity.dueDate', baseId)
  const time = fieldErrorProps(errors, 'activity.dueTime', baseId)
  const typeName = types.find((entry) => entry.key === value.type)?.name
  // A type the catalog no longer lists (a lead from before) stays choosable as it was.
  const known = value.type === '' || typeName !== undefined
  return (
    <fieldset className="new-lead__field new-lead__wide new-lead__activity" data-group="activity">
      <legend>Next activity</legend>
      <div className="new-lead__activity-row">
        <span className="new-lead__field">
          <label htmlFor={`${id}-type`}>Activity type</label>
          <select
            id={`${id}-type`}
            className="text-input"
            value={value.type}
            onChange={(event) => set({ type: event.target.value })}
            {...type.invalid}
          >
            <option value="">None</option>
            {types.map((entry) => (
              <option key={entry.key} value={entry.key}>
                {entry.name}
              </option>
            ))}
            {known ? null : <option value={value.type}>{value.type}</option>}
          </select>
          <FieldError id={type.id} message={type.message} />
        </span>
        <span className="new-lead__field">
          <label htmlFor={`${id}-date`}>Due date</label>
          <input
            id={`${id}-date`}
            type="date"
            className="text-input"
            value={value.dueDate}
            onChange={(event) => set({ dueDate: event.target.value })}
            {...day.invalid}
          />
          <FieldError id={day.id} message={day.message} />
        </span>
        <span className="new-lead__field">
          <label htmlFor={`${id}-time`}>Time (optional)</label>
          <input
            id={`${id}-time`}
            type="time"
            className="text-input"
            value={value.dueTime}
            onChange={(event) => set({ dueTime: event.target.value })}
            {...time.invalid}
          />
          <FieldError id={time.id} message={time.message} />
        </span>
      </div>
      <span className="new-lead__field">
        <label htmlFor={`${id}-subject`}>Subject</label>
        <input
          id={`${id}-subject`}
          className="text-input"
          placeholder={typeName ? `${typeName} – the lead's title` : undefined}
          value={value.subject}
          onChange={(event) => set({ subject: event.target.value })}
          {...subject.invalid}
        />
        <FieldError id={subject.id} message={subject.message} />
      </span>
    </fieldset>
  )
}
