import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react'
import type { InboxContextData, InboxLead } from '../../../../shared/ipc/contract'
import type { LeadFields } from '../../../../shared/leads/lead-change'
import { LeadboxError } from '../../../../shared/result'
import { useQuickAddContext } from '../../api'
import { DiscardConfirm } from '../../ui/DiscardConfirm'
import { describeError } from '../../ui/describe-error'
import { ContactPicker } from '../lead-form/ContactPicker'
import { CustomFieldInput } from '../lead-form/CustomFieldInput'
import { FieldError, fieldErrorProps } from '../../ui/FieldError'
import { LabelPicker } from '../lead-form/LabelPicker'
import { currencyOrder, formFields } from '../lead-form/lead-form-state'
import { visibilityChoices } from '../lead-form/visibility'
import {
  changesFrom,
  formFromLead,
  sortFieldErrors,
  type EditErrors,
  type LeadForm,
} from './lead-edit'

/** Names of the person and organization picked, to show them before the sync. */
export interface PickedNames {
  person: string | null
  organization: string | null
}

interface Props {
  lead: InboxLead
  context: InboxContextData | undefined
  saving: boolean
  /** Sends the change; rejects with main's refusal. */
  onSave: (after: LeadFields, before: LeadFields, names: PickedNames) => Promise<unknown>
  onCancel: () => void
}

const nameOf = (choice: LeadForm['person']) => (choice.kind === 'existing' ? choice.name : null)

/** Every field of the lead Leadbox can edit; Save queues only what changed. */
export function LeadEditForm({ lead, context, saving, onSave, onCancel }: Props) {
  const id = useId()
  const catalog = useQuickAddContext().context
  const fields = formFields(context?.fields ?? [])
  const defaultCurrency = catalog?.defaultCurrency ?? 'EUR'
  const [form, setForm] = useState<LeadForm>(() =>
    formFromLead(lead, context?.fields ?? [], defaultCurrency),
  )
  const [errors, setErrors] = useState<EditErrors>({})
  // Cancel and Esc ask first when edits would be lost. Refs, not state: Esc may come in the
  // task of the keystroke before it, before React has drawn it; `unsettled` covers that task.
  const [confirming, setConfirming] = useState(false)
  const opened = useRef(form)
  const dirty = useRef(false)
  const unsettled = useRef(false)
  useLayoutEffect(() => {
    dirty.current = JSON.stringify(form) !== JSON.stringify(opened.current)
  }, [form])
  const onEdit = () => {
    unsettled.current = true
    setTimeout(() => (unsettled.current = false))
  }
  const returnTo = useRef<HTMLElement | null>(null)
  const requestCancel = () => {
    if (!dirty.current && !unsettled.current) return onCancel()
    if (document.activeElement instanceof HTMLElement) returnTo.current = document.activeElement
    setConfirming(true)
  }
  const keepEditing = () => {
    setConfirming(false)
    returnTo.current?.focus()
  }
  const [formError, setFormError] = useState<string | null>(null)
  const set = (patch: Partial<LeadForm>) => setForm((current) => ({ ...current, ...patch }))
  // Opened with `e` or Edit: typing starts in Title, not on the pane's heading.
  const titleInput = useRef<HTMLInputElement>(null)
  useEffect(() => titleInput.current?.focus({ preventScroll: true }), [])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const changes = changesFrom(lead, form, context?.fields ?? [])
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
    const names = { person: nameOf(form.person), organization: nameOf(form.organization) }
    onSave(changes.after, changes.before, names).catch((error: unknown) => {
      const { byField, other } = sortFieldErrors(
        error instanceof LeadboxError ? error.fields : undefined,
      )
      setErrors(byField)
      const rest = other.length > 0 ? other.join(' ') : null
      setFormError(Object.keys(byField).length > 0 ? rest : (rest ?? describeError(error).message))
    })
  }

  const error = (input: string) => fieldErrorProps(errors, input, id)
  const title = error('title')
  const value = error('value')
  const close = error('expectedCloseDate')
  const labels = error('labelIds')
  const owner = error('ownerId')
  const visibility = error('visibleTo')
  const owners = context?.users.filter((user) => user.active || user.id === lead.ownerId) ?? []
  const currencies = currencyOrder(catalog?.currencies ?? [], defaultCurrency)

  return (
    <form
      className="lead-edit"
      aria-label="Edit lead"
      onSubmit={submit}
      noValidate
      onChangeCapture={onEdit}
      onKeyDown={(event) => {
        // Pickers handle their own Esc first; the pane backs out only once nothing is lost.
        if (event.key !== 'Escape' || event.defaultPrevented) return
        event.preventDefault()
        if (confirming) keepEditing()
        else requestCancel()
      }}
    >
      <div className="lead-edit__field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          ref={titleInput}
          className="text-input"
          value={form.title}
          onChange={(event) => set({ title: event.target.value })}
          {...title.invalid}
        />
        <FieldError id={title.id} message={title.message} />
      </div>
      {/* Only people and organizations Pipedrive has: new ones are made with a new lead. */}
      <ContactPicker
        kind="person"
        index={catalog?.persons}
        value={form.person}
        onChange={(person) => set({ person })}
        errors={errors}
        allowNew={false}
      />
      <ContactPicker
        kind="organization"
        index={catalog?.organizations}
        value={form.organization}
        onChange={(organization) => set({ organization })}
        errors={errors}
        allowNew={false}
      />
      <div className="lead-edit__field">
        <span id={`${id}-value-label`}>Value</span>
        <span className="lead-edit__value" role="group" aria-labelledby={`${id}-value-label`}>
          <input
            className="text-input"
            inputMode="decimal"
            aria-label="Amount"
            value={form.amount}
            onChange={(event) => set({ amount: event.target.value })}
            {...value.invalid}
          />
          {currencies.length > 0 ? (
            <select
              className="text-input lead-edit__currency"
              aria-label="Currency"
              value={form.currency}
              onChange={(event) => set({ currency: event.target.value })}
            >
              {currencies.some((currency) => currency.code === form.currency) ? null : (
                <option value={form.currency}>{form.currency}</option>
              )}
              {currencies.map((currency) => (
                <option key={currency.code} value={currency.code}>
                  {currency.code}
                </option>
              ))}
            </select>
          ) : (
            <input
              className="text-input lead-edit__currency"
              aria-label="Currency"
              maxLength={5}
              value={form.currency}
              onChange={(event) => set({ currency: event.target.value.toUpperCase() })}
              {...value.invalid}
            />
          )}
        </span>
        <FieldError id={value.id} message={value.message} />
      </div>
      <div className="lead-edit__field">
        <label htmlFor={`${id}-close`}>Expected close date</label>
        <input
          id={`${id}-close`}
          type="date"
          className="text-input"
          value={form.expectedCloseDate}
          onChange={(event) => set({ expectedCloseDate: event.target.value })}
          {...close.invalid}
        />
        <FieldError id={close.id} message={close.message} />
      </div>
      <fieldset className="lead-edit__field lead-edit__labels">
        <legend>Labels</legend>
        <LabelPicker
          labels={context?.labels ?? []}
          selected={form.labelIds}
          onChange={(labelIds) => set({ labelIds })}
          invalid={labels.invalid}
        />
        <FieldError id={labels.id} message={labels.message} />
      </fieldset>
      <div className="lead-edit__field">
        <label htmlFor={`${id}-owner`}>Owner</label>
        <select
          id={`${id}-owner`}
          className="text-input"
          value={form.ownerId}
          onChange={(event) => set({ ownerId: event.target.value })}
          {...owner.invalid}
        >
          {form.ownerId === '' ? <option value="">Unknown</option> : null}
          {owners.map((user) => (
            <option key={user.id} value={String(user.id)}>
              {user.name}
            </option>
          ))}
        </select>
        <FieldError id={owner.id} message={owner.message} />
      </div>
      <div className="lead-edit__field">
        <label htmlFor={`${id}-visibility`}>Who can see it</label>
        <select
          id={`${id}-visibility`}
          className="text-input"
          value={form.visibleTo}
          onChange={(event) => set({ visibleTo: event.target.value as LeadForm['visibleTo'] })}
          {...visibility.invalid}
        >
          {visibilityChoices(context?.visibilityGroups ?? false).map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.value === '' ? 'Leave as it is' : choice.label}
            </option>
          ))}
        </select>
        <FieldError id={visibility.id} message={visibility.message} />
      </div>
      <label className="check-toggle">
        <input
          type="checkbox"
          checked={form.wasSeen}
          onChange={(event) => set({ wasSeen: event.target.checked })}
        />
        Seen
      </label>
      {fields.map((field) => (
        <CustomFieldInput
          key={field.key}
          field={field}
          values={form.customFields}
          onChange={(key, next) =>
            setForm((current) => ({
              ...current,
              customFields: { ...current.customFields, [key]: next },
            }))
          }
          currencies={currencies}
          defaultCurrency={defaultCurrency}
          errors={errors}
          baseId={id}
        />
      ))}
      {formError ? (
        <p className="lead-edit__error" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="lead-edit__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button" onClick={requestCancel}>
          Cancel
        </button>
      </div>
      {confirming ? (
        <DiscardConfirm
          detail="Your edits to this lead have not been saved."
          onDiscard={onCancel}
          onKeep={keepEditing}
        />
      ) : null}
    </form>
  )
}
