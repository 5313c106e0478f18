import { useId, useState, type FormEvent } from 'react'
import type { InboxContextData, InboxLead } from '../../../../shared/ipc/contract'
import type { LeadFields } from '../../../../shared/leads/lead-change'
import { LeadboxError } from '../../../../shared/result'
import { describeError } from '../../ui/describe-error'
import {
  changesFrom,
  formFromLead,
  sortFieldErrors,
  type EditableField,
  type LeadForm,
} from './lead-edit'

interface Props {
  lead: InboxLead
  context: InboxContextData | undefined
  saving: boolean
  /** Sends the change; rejects with main's refusal. */
  onSave: (after: LeadFields, before: LeadFields) => Promise<unknown>
  onCancel: () => void
}

type Errors = Partial<Record<EditableField, string>>

/** The lead's editable fields; Save queues only what changed. */
export function LeadEditForm({ lead, context, saving, onSave, onCancel }: Props) {
  const id = useId()
  const [form, setForm] = useState<LeadForm>(() => formFromLead(lead))
  const [errors, setErrors] = useState<Errors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const set = (patch: Partial<LeadForm>) => setForm((current) => ({ ...current, ...patch }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const changes = changesFrom(lead, form)
    if (!changes.ok) {
      setErrors(changes.errors)
      setFormError(null)
      return
    }
    if (Object.keys(changes.after).length === 0) {
      setErrors({})
      setFormError('Nothing was changed.')
      return
    }
    setErrors({})
    setFormError(null)
    onSave(changes.after, changes.before).catch((error: unknown) => {
      const { byField, other } = sortFieldErrors(
        error instanceof LeadboxError ? error.fields : undefined,
      )
      setErrors(byField)
      const rest = other.length > 0 ? other.join(' ') : null
      setFormError(Object.keys(byField).length > 0 ? rest : (rest ?? describeError(error).message))
    })
  }

  const fieldError = (field: EditableField) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="lead-form__error" role="alert">
        {errors[field]}
      </p>
    ) : null
  const invalid = (field: EditableField) =>
    errors[field]
      ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` }
      : {}

  const owners = context?.users.filter((user) => user.active || user.id === lead.ownerId) ?? []

  return (
    <form className="lead-form" aria-label="Edit lead" onSubmit={submit} noValidate>
      <div className="lead-form__field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          className="inbox-input"
          value={form.title}
          onChange={(event) => set({ title: event.target.value })}
          {...invalid('title')}
        />
        {fieldError('title')}
      </div>
      <div className="lead-form__field">
        <span id={`${id}-value-label`}>Value</span>
        <span className="lead-form__value" role="group" aria-labelledby={`${id}-value-label`}>
          <input
            className="inbox-input"
            inputMode="decimal"
            aria-label="Amount"
            value={form.amount}
            onChange={(event) => set({ amount: event.target.value })}
            {...invalid('value')}
          />
          <input
            className="inbox-input lead-form__currency"
            aria-label="Currency"
            maxLength={5}
            value={form.currency}
            onChange={(event) => set({ currency: event.target.value.toUpperCase() })}
            {...invalid('value')}
          />
        </span>
        {fieldError('value')}
      </div>
      <div className="lead-form__field">
        <label htmlFor={`${id}-close`}>Expected close date</label>
        <input
          id={`${id}-close`}
          type="date"
          className="inbox-input"
          value={form.expectedCloseDate}
          onChange={(event) => set({ expectedCloseDate: event.target.value })}
          {...invalid('expectedCloseDate')}
        />
        {fieldError('expectedCloseDate')}
      </div>
      <fieldset className="lead-form__field lead-form__labels">
        <legend>Labels</legend>
        {context?.labels.map((label) => (
          <label key={label.id} className="inbox-toggle">
            <input
              type="checkbox"
              checked={form.labelIds.includes(label.id)}
              onChange={(event) =>
                set({
                  labelIds: event.target.checked
                    ? [...form.labelIds, label.id]
                    : form.labelIds.filter((other) => other !== label.id),
                })
              }
            />
            {label.name}
          </label>
        ))}
        {fieldError('labelIds')}
      </fieldset>
      <div className="lead-form__field">
        <label htmlFor={`${id}-owner`}>Owner</label>
        <select
          id={`${id}-owner`}
          className="inbox-input"
          value={form.ownerId}
          onChange={(event) => set({ ownerId: event.target.value })}
          {...invalid('ownerId')}
        >
          {form.ownerId === '' ? <option value="">Unknown</option> : null}
          {owners.map((user) => (
            <option key={user.id} value={String(user.id)}>
              {user.name}
            </option>
          ))}
        </select>
        {fieldError('ownerId')}
      </div>
      <label className="inbox-toggle">
        <input
          type="checkbox"
          checked={form.wasSeen}
          onChange={(event) => set({ wasSeen: event.target.checked })}
        />
        Seen
      </label>
      {fieldError('wasSeen')}
      {formError ? (
        <p className="lead-form__error" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="lead-form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
