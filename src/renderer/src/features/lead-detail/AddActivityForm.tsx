import { useId, useState, type FormEvent } from 'react'
import { defaultActivitySubject, nextActivitySchema } from '../../../../shared/leads/next-activity'
import { localDay } from '../../../../shared/local-day'
import { LeadboxError, fieldErrors } from '../../../../shared/result'
import { useAddActivity } from '../../api'
import { describeError } from '../../ui/describe-error'
import { FieldError, fieldErrorProps } from '../../ui/FieldError'

interface Props {
  leadId: string
  leadTitle: string
  types: ReadonlyArray<{ key: string; name: string }>
}

const today = () => localDay(new Date())

type Field = 'type' | 'subject' | 'dueDate' | 'dueTime'

/**
 * An activity on the lead: a type from the company's, a subject (quick add's when left
 * empty), a day and maybe a time, in the user's time zone. Nothing typed is lost on an error.
 */
export function AddActivityForm({ leadId, leadTitle, types }: Props) {
  const id = useId()
  const [type, setType] = useState(types[0]?.key ?? '')
  const [subject, setSubject] = useState('')
  const [dueDate, setDueDate] = useState(today)
  const [dueTime, setDueTime] = useState('')
  const [problems, setProblems] = useState<Partial<Record<Field | 'form', string>>>({})
  const add = useAddActivity(leadId, leadTitle)
  const chosen = types.find((candidate) => candidate.key === type) ?? types[0]

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const checked = nextActivitySchema.safeParse({
      type: chosen?.key ?? '',
      dueDate,
      ...(subject.trim() ? { subject } : {}),
      ...(dueTime ? { dueTime } : {}),
    })
    if (!checked.success) return setProblems(fieldErrors(checked.error))
    setProblems({})
    add.mutate(checked.data, {
      onSuccess: () => {
        setSubject('')
        setDueTime('')
      },
      onError: (error) => {
        const fields = error instanceof LeadboxError ? (error.fields ?? {}) : {}
        const named = Object.fromEntries(
          Object.entries(fields).map(([path, message]) => [
            path.replace(/^activity\./, ''),
            message,
          ]),
        )
        setProblems(Object.keys(named).length > 0 ? named : { form: describeError(error).message })
      },
    })
  }

  const field = (name: Field) => fieldErrorProps(problems, name, id)
  const typeField = field('type')
  const subjectField = field('subject')
  const day = field('dueDate')
  const time = field('dueTime')

  if (types.length === 0) {
    return (
      <p className="lead-timeline__hint">
        Activities can be added once Leadbox knows your company’s activity types from Pipedrive.
      </p>
    )
  }
  return (
    <form className="lead-timeline__form" onSubmit={onSubmit} noValidate aria-label="New activity">
      <div className="lead-timeline__row">
        <span className="field">
          <label className="field__label" htmlFor={`${id}-type`}>
            Activity type
          </label>
          <select
            className="text-input"
            id={`${id}-type`}
            {...typeField.invalid}
            value={chosen?.key}
            onChange={(event) => setType(event.target.value)}
          >
            {types.map((option) => (
              <option key={option.key} value={option.key}>
                {option.name}
              </option>
            ))}
          </select>
          <FieldError id={typeField.id} message={typeField.message} />
        </span>
        <span className="field">
          <label className="field__label" htmlFor={`${id}-subject`}>
            Subject
          </label>
          <input
            className="text-input"
            id={`${id}-subject`}
            {...subjectField.invalid}
            value={subject}
            placeholder={defaultActivitySubject(chosen?.name ?? '', leadTitle)}
            onChange={(event) => setSubject(event.target.value)}
          />
          <FieldError id={subjectField.id} message={subjectField.message} />
        </span>
      </div>
      <div className="lead-timeline__row">
        <span className="field">
          <label className="field__label" htmlFor={`${id}-dueDate`}>
            Due date
          </label>
          <input
            type="date"
            className="text-input"
            id={`${id}-dueDate`}
            {...day.invalid}
            value={dueDate}
            onChange={(event) => setDueDate(event.target.value)}
          />
          <FieldError id={day.id} message={day.message} />
        </span>
        <span className="field">
          <label className="field__label" htmlFor={`${id}-dueTime`}>
            Time (optional)
          </label>
          <input
            type="time"
            className="text-input"
            id={`${id}-dueTime`}
            {...time.invalid}
            value={dueTime}
            onChange={(event) => setDueTime(event.target.value)}
          />
          <FieldError id={time.id} message={time.message} />
        </span>
      </div>
      {problems.form ? (
        <p className="field__error" role="alert">
          {problems.form}
        </p>
      ) : null}
      <div className="lead-timeline__actions">
        <button type="submit" className="button" disabled={add.isPending}>
          Add activity
        </button>
      </div>
    </form>
  )
}
