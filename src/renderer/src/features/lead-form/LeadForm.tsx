import './lead-form.css'
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { LeadboxError } from '../../../../shared/result'
import {
  useCreateLead,
  useEditPendingLead,
  useInboxContext,
  useLeadFormRequests,
  useQuickAddContext,
} from '../../api'
import { DiscardConfirm } from '../../ui/DiscardConfirm'
import { describeError } from '../../ui/describe-error'
import { Modal } from '../shortcuts/Modal'
import { ContactPicker } from './ContactPicker'
import { CustomFieldInput } from './CustomFieldInput'
import { FieldError, fieldErrorProps } from '../../ui/FieldError'
import { visibilityChoices } from './visibility'
import { LabelPicker } from './LabelPicker'
import { NextActivityFields } from './NextActivityFields'
import { draftFromForm, type FormErrors } from './draft-from-form'
import { errorsByInput } from './form-errors'
import {
  currencyOrder,
  emptyLeadForm,
  formFields,
  inputGroup,
  isDirty,
  type LeadFormState,
} from './lead-form-state'
import type { CatalogEntry } from '../../../../shared/quick-add'
import { formFromDraft } from './form-from-draft'
import { closeLeadForm, leadSaved, openSeededLead, useLeadFormState } from './lead-form-store'

/** Mounted once by the frame; shows the form while it is open. */
export function LeadFormHost() {
  const { open } = useLeadFormState()
  useLeadFormRequests(openSeededLead)
  return open ? <LeadFormDialog /> : null
}

function LeadFormDialog() {
  const { editing, seed } = useLeadFormState()
  const headingId = useId()
  const quickAdd = useQuickAddContext()
  const inbox = useInboxContext()
  const [confirming, setConfirming] = useState(false)
  // Refs, not state: Esc may come before React has drawn the keystroke that made the form
  // dirty. `unsettled` is set in the edit's own event; the fields settle it once they know.
  const dirty = useRef(false)
  const unsettled = useRef(false)

  // Where focus was when the confirm opened, so "Keep editing" puts the user back there.
  const returnTo = useRef<HTMLElement | null>(null)
  const requestClose = () => {
    if (!dirty.current && !unsettled.current) return closeLeadForm()
    if (document.activeElement instanceof HTMLElement) returnTo.current = document.activeElement
    setConfirming(true)
  }
  const keepEditing = () => {
    setConfirming(false)
    returnTo.current?.focus()
  }

  return (
    <Modal
      className="new-lead"
      aria-labelledby={headingId}
      onDismiss={requestClose}
      onKeyDown={(event) => {
        // Esc asks first when something would be lost; pickers handle their own Esc before.
        if (event.key !== 'Escape' || event.defaultPrevented) return
        event.preventDefault()
        if (confirming) keepEditing()
        else requestClose()
      }}
    >
      <div className="new-lead__content">
        <header className="new-lead__header">
          <h2 id={headingId} className="new-lead__title">
            {editing ? 'Edit lead' : 'New lead'}
          </h2>
          <button type="button" className="button" aria-label="Close" onClick={requestClose}>
            ✕
          </button>
        </header>
        {quickAdd.context && inbox.data ? (
          <LeadFormFields
            catalog={quickAdd.context}
            inbox={inbox.data}
            onEdit={() => (unsettled.current = true)}
            onDirty={(isDirty) => {
              dirty.current = isDirty
              unsettled.current = false
            }}
            onCancel={requestClose}
            editing={editing}
            seed={seed}
            entries={quickAdd.entries ?? { persons: [], organizations: [] }}
          />
        ) : quickAdd.isError || inbox.isError ? (
          <p className="field__error" role="alert">
            Could not read the cached catalog:{' '}
            {describeError(quickAdd.error ?? inbox.error).message}
          </p>
        ) : (
          <p className="muted" aria-busy="true">
            Loading…
          </p>
        )}
        {confirming ? (
          <DiscardConfirm
            detail="This lead has not been saved."
            onDiscard={closeLeadForm}
            onKeep={keepEditing}
          />
        ) : null}
      </div>
    </Modal>
  )
}

interface FieldsProps {
  catalog: NonNullable<ReturnType<typeof useQuickAddContext>['context']>
  inbox: NonNullable<ReturnType<typeof useInboxContext>['data']>
  /** The user changed something; whether it makes the form dirty is known after drawing. */
  onEdit: () => void
  onDirty: (dirty: boolean) => void
  onCancel: () => void
  editing: ReturnType<typeof useLeadFormState>['editing']
  seed: ReturnType<typeof useLeadFormState>['seed']
  entries: { persons: readonly CatalogEntry[]; organizations: readonly CatalogEntry[] }
}

function LeadFormFields({
  catalog,
  entries,
  inbox,
  onEdit,
  onDirty,
  onCancel,
  editing,
  seed,
}: FieldsProps) {
  const id = useId()
  const formRef = useRef<HTMLFormElement>(null)
  const createLead = useCreateLead()
  const editLead = useEditPendingLead()
  const [initial] = useState<LeadFormState>(() =>
    editing || seed
      ? formFromDraft(editing?.draft ?? seed!, {
          defaultCurrency: catalog.defaultCurrency,
          ...entries,
        })
      : emptyLeadForm(catalog.defaultCurrency, catalog.defaults),
  )
  const [form, setForm] = useState<LeadFormState>(initial)
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set())
  // Groups the user typed or chose something in: only those say their problem on blur.
  const edited = useRef(new Set<string>())
  const [submitted, setSubmitted] = useState(false)
  const [mainErrors, setMainErrors] = useState<FormErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [focusBad, setFocusBad] = useState(0)

  const fields = formFields(inbox.fields)
  const checked = draftFromForm(form, fields)
  const live = checked.ok ? {} : errorsByInput(checked.errors)
  const errors: FormErrors = { ...mainErrors }
  for (const [input, message] of Object.entries(live)) {
    if (submitted || touched.has(inputGroup(input))) errors[input] ??= message
  }

  useEffect(
    () =>
      onDirty(
        editing || seed
          ? JSON.stringify(form) !== JSON.stringify(initial)
          : isDirty(form, catalog.defaultCurrency, catalog.defaults),
      ),
    [form, initial, editing, seed, catalog, onDirty],
  )
  // The fields may come after the dialog opened (its catalog still loading), when the dialog
  // gave focus to its first button: Title is where typing starts.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus()
  }, [])
  useEffect(() => {
    if (focusBad > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [focusBad])

  const update = (patch: (current: LeadFormState) => Partial<LeadFormState>) => {
    onEdit()
    setForm((current) => ({ ...current, ...patch(current) }))
    // Main's answer was about the form as it was.
    setMainErrors({})
    setFormError(null)
  }

  const submit = (event?: FormEvent) => {
    event?.preventDefault()
    if (createLead.isPending || editLead.isPending) return
    setSubmitted(true)
    if (!checked.ok) {
      setFocusBad((count) => count + 1)
      return
    }
    const save = editing
      ? (options: Parameters<typeof createLead.mutate>[1]) =>
          editLead.mutate({ id: editing.outboxId, draft: checked.draft }, options as never)
      : (options: Parameters<typeof createLead.mutate>[1]) =>
          createLead.mutate(checked.draft, options)
    save({
      onSuccess: () => leadSaved(editing ? 'Changed — will sync' : 'Saved — will sync'),
      onError: (error) => {
        const byInput = errorsByInput(error instanceof LeadboxError ? error.fields : undefined)
        const { form: rest, ...next } = byInput
        setMainErrors(next)
        setFormError(
          Object.keys(next).length > 0 ? (rest ?? null) : (rest ?? describeError(error).message),
        )
        setFocusBad((count) => count + 1)
      },
    })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    // Ctrl/Cmd+Enter saves from anywhere in the form, also from a text area.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      submit()
    }
  }

  const err = (input: string) => fieldErrorProps(errors, input, id)
  const title = err('title')
  const value = err('value')
  const owner = err('ownerId')
  const labels = err('labelIds')
  const close = err('expectedCloseDate')
  const visibility = err('visibleTo')
  const note = err('note')
  const owners = inbox.users.filter((user) => user.active)

  return (
    <form
      ref={formRef}
      className="new-lead__form"
      aria-label={editing ? 'Edit lead' : 'New lead'}
      noValidate
      onSubmit={submit}
      onKeyDown={onKeyDown}
      onInput={(event) => {
        const group = groupOf(event.target)
        if (group) edited.current.add(group)
      }}
      onBlur={(event) => {
        // Leaving a field that was only passed through (Title, focused on opening) says
        // nothing yet; Save still says what is missing.
        const group = groupOf(event.target)
        if (group && edited.current.has(group) && !touched.has(group)) {
          setTouched(new Set([...touched, group]))
        }
      }}
    >
      <div className="new-lead__grid">
        <div className="new-lead__field new-lead__wide" data-group="title">
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            id={`${id}-title`}
            className="text-input"
            data-autofocus
            value={form.title}
            onChange={(event) => update(() => ({ title: event.target.value }))}
            {...title.invalid}
          />
          <FieldError id={title.id} message={title.message} />
        </div>
        <div data-group="person">
          <ContactPicker
            kind="person"
            index={catalog.persons}
            value={form.person}
            onChange={(person) => update(() => ({ person }))}
            errors={errors}
          />
        </div>
        <div data-group="organization">
          <ContactPicker
            kind="organization"
            index={catalog.organizations}
            value={form.organization}
            onChange={(organization) => update(() => ({ organization }))}
            errors={errors}
          />
        </div>
        <div className="new-lead__field" data-group="value">
          <label htmlFor={`${id}-amount`}>Value</label>
          <span className="new-lead__money">
            <input
              id={`${id}-amount`}
              className="text-input"
              inputMode="decimal"
              value={form.amount}
              onChange={(event) => update(() => ({ amount: event.target.value }))}
              {...value.invalid}
            />
            <select
              className="text-input"
              aria-label="Currency"
              value={form.currency}
              onChange={(event) => update(() => ({ currency: event.target.value }))}
            >
              {currencyOrder(catalog.currencies, catalog.defaultCurrency).map((currency) => (
                <option key={currency.code} value={currency.code}>
                  {currency.code}
                </option>
              ))}
            </select>
          </span>
          <FieldError id={value.id} message={value.message} />
        </div>
        <div className="new-lead__field" data-group="ownerId">
          <label htmlFor={`${id}-owner`}>Owner</label>
          <select
            id={`${id}-owner`}
            className="text-input"
            value={form.ownerId}
            onChange={(event) => update(() => ({ ownerId: event.target.value }))}
            {...owner.invalid}
          >
            <option value="">Pipedrive's default (you)</option>
            {owners.map((user) => (
              <option key={user.id} value={String(user.id)}>
                {user.isYou ? `${user.name} (you)` : user.name}
              </option>
            ))}
          </select>
          <FieldError id={owner.id} message={owner.message} />
        </div>
        <div className="new-lead__field" data-group="expectedCloseDate">
          <label htmlFor={`${id}-close`}>Expected close date</label>
          <input
            id={`${id}-close`}
            type="date"
            className="text-input"
            value={form.expectedCloseDate}
            onChange={(event) => update(() => ({ expectedCloseDate: event.target.value }))}
            {...close.invalid}
          />
          <FieldError id={close.id} message={close.message} />
        </div>
        <fieldset className="new-lead__field new-lead__wide" data-group="labelIds">
          <legend>Labels</legend>
          <LabelPicker
            labels={catalog.labels}
            selected={form.labelIds}
            onChange={(labelIds) => update(() => ({ labelIds }))}
            invalid={labels.invalid}
          />
          <FieldError id={labels.id} message={labels.message} />
        </fieldset>
        <div className="new-lead__field" data-group="visibleTo">
          <label htmlFor={`${id}-visibility`}>Who can see it</label>
          <select
            id={`${id}-visibility`}
            className="text-input"
            value={form.visibleTo}
            onChange={(event) =>
              update(() => ({ visibleTo: event.target.value as LeadFormState['visibleTo'] }))
            }
            {...visibility.invalid}
          >
            {visibilityChoices(inbox.visibilityGroups).map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
          <FieldError id={visibility.id} message={visibility.message} />
        </div>
        <label className="check-toggle new-lead__wide" data-group="wasSeen">
          <input
            type="checkbox"
            checked={form.wasSeen}
            onChange={(event) => update(() => ({ wasSeen: event.target.checked }))}
          />
          Mark as seen
        </label>
        {fields.map((field) => (
          <div
            key={field.key}
            data-group={`customFields.${field.key}`}
            className={
              field.fieldType === 'text' || field.fieldType === 'set' ? 'new-lead__wide' : ''
            }
          >
            <CustomFieldInput
              field={field}
              values={form.customFields}
              onChange={(key, next) =>
                update((current) => ({ customFields: { ...current.customFields, [key]: next } }))
              }
              currencies={currencyOrder(catalog.currencies, catalog.defaultCurrency)}
              defaultCurrency={catalog.defaultCurrency}
              errors={errors}
              baseId={id}
            />
          </div>
        ))}
        <NextActivityFields
          types={catalog.activityTypes ?? []}
          value={form.activity}
          onChange={(activity) => update(() => ({ activity }))}
          errors={errors}
          baseId={id}
        />
        <div className="new-lead__field new-lead__wide" data-group="note">
          <label htmlFor={`${id}-note`}>Note</label>
          <textarea
            id={`${id}-note`}
            className="text-input"
            rows={3}
            placeholder="Added to the lead once Pipedrive has it"
            value={form.note}
            onChange={(event) => update(() => ({ note: event.target.value }))}
            {...note.invalid}
          />
          <FieldError id={note.id} message={note.message} />
        </div>
      </div>
      {formError ? (
        <p className="field__error" role="alert">
          {formError}
        </p>
      ) : null}
      <footer className="new-lead__actions">
        <button type="submit" className="button button--primary" disabled={createLead.isPending}>
          {createLead.isPending ? 'Saving…' : 'Save lead'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <span className="new-lead__hint muted">Ctrl/Cmd+Enter saves</span>
      </footer>
    </form>
  )
}

/** The `data-group` of the field an event came from. */
function groupOf(target: EventTarget): string | undefined {
  return target instanceof Element
    ? target.closest<HTMLElement>('[data-group]')?.dataset['group']
    : undefined
}
