import './lead-form.css'
import { useId, useState, type KeyboardEvent } from 'react'
import type { CatalogIndex } from '../../../../shared/quick-add'
import { describeError } from '../../ui/describe-error'
import type { FormErrors } from './draft-from-form'
import { FieldError, fieldErrorProps } from '../../ui/FieldError'
import { mergeContacts, type ContactOption } from './contact-choices'
import type { ContactChoice } from './lead-form-state'
import { usePipedriveMatches } from './usePipedriveMatches'

interface Props {
  kind: 'person' | 'organization'
  /** The cached catalog, searched locally so picking works offline. */
  index: CatalogIndex | undefined
  value: ContactChoice
  onChange: (next: ContactChoice) => void
  errors: FormErrors
  /** Offers "Create new …" (default); an edit of a Pipedrive lead picks existing ones only. */
  allowNew?: boolean
}

const words = {
  person: { label: 'Person', create: 'Create new person', newTitle: 'New person' },
  organization: {
    label: 'Organization',
    create: 'Create new organization',
    newTitle: 'New organization',
  },
}

type Choice = ({ kind: 'existing' } & ContactOption) | { kind: 'new'; name: string }

/** Cached matches shown, and at most this many in all with Pipedrive's. */
const localLimit = 6
const existingLimit = 8

const keyOf = (choice: Choice) => (choice.kind === 'new' ? 'new' : String(choice.id))

/**
 * A typeahead over the cached persons or organizations, joined by Pipedrive's own search
 * when online, with "Create new …" as the last choice: a new person takes a name, email and
 * phone; a new organization a name.
 */
export function ContactPicker({ kind, index, value, onChange, errors, allowNew = true }: Props) {
  const id = useId()
  const [text, setText] = useState('')
  // The highlighted choice by key, not place: Pipedrive's answer may arrive between a key
  // press and Enter, and Enter must pick what was highlighted. Null is the first choice.
  const [activeKey, setActiveKey] = useState<string | null>(null)
  const [listOpen, setListOpen] = useState(false)
  const said = words[kind]
  const main = fieldErrorProps(errors, kind, id)
  const pipedrive = usePipedriveMatches(kind, text)

  const existing = mergeContacts(
    index?.search(text, localLimit) ?? [],
    pipedrive.matches,
    existingLimit,
  ).map((contact) => ({ kind: 'existing' as const, ...contact }))
  const choices: Choice[] = [
    ...existing,
    ...(!allowNew || text.trim() === '' ? [] : [{ kind: 'new' as const, name: text.trim() }]),
  ]
  const found = choices.findIndex((choice) => keyOf(choice) === activeKey)
  const active = found === -1 ? 0 : found
  const shown = listOpen && choices.length > 0
  const hint = pipedrive.searching
    ? 'Searching Pipedrive…'
    : pipedrive.error
      ? describeError(pipedrive.error).message
      : ''
  // Said also with no choice to show yet (when "Create new …" is not offered).
  const hinted = listOpen && hint !== ''
  const pick = (choice: Choice) => {
    setText('')
    setListOpen(false)
    onChange(
      choice.kind === 'new'
        ? { kind: 'new', name: choice.name, email: '', phone: '' }
        : { kind: 'existing', id: choice.id, name: choice.name },
    )
  }
  const highlight = (at: number) => {
    const choice = choices[Math.max(0, Math.min(at, choices.length - 1))]
    if (choice) setActiveKey(keyOf(choice))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const handled = (() => {
      switch (event.key) {
        case 'ArrowDown':
          setListOpen(true)
          highlight(active + 1)
          return true
        case 'ArrowUp':
          highlight(active - 1)
          return true
        case 'Enter': {
          // Enter picks; it never submits the form from here.
          const choice = shown ? choices[active] : undefined
          if (choice) pick(choice)
          return true
        }
        case 'Escape':
          if (!shown && !hinted) return false
          setListOpen(false)
          return true
        default:
          return false
      }
    })()
    if (handled) {
      event.preventDefault()
      event.stopPropagation()
    }
  }

  if (value.kind === 'existing') {
    return (
      <div className="new-lead__field">
        <span id={`${id}-label`}>{said.label}</span>
        <span className="new-lead__picked" role="group" aria-labelledby={`${id}-label`}>
          <span className="new-lead__picked-name">{value.name}</span>
          <button
            type="button"
            className="button"
            aria-label={`Change ${kind}`}
            onClick={() => onChange({ kind: 'none' })}
            {...main.invalid}
          >
            Change
          </button>
        </span>
        <FieldError id={main.id} message={main.message} />
      </div>
    )
  }

  if (value.kind === 'new') {
    // Changed details are no longer exactly the person queued before: main decides anew.
    const { queuedAs: _queued, ...typed } = value
    const set = (patch: Partial<Omit<typeof value, 'kind' | 'queuedAs'>>) =>
      onChange({ ...typed, ...patch })
    const name = fieldErrorProps(errors, `${kind}.name`, id)
    const email = fieldErrorProps(errors, 'person.email', id)
    const phone = fieldErrorProps(errors, 'person.phone', id)
    return (
      <fieldset className="new-lead__field new-lead__new-contact">
        <legend>{said.newTitle}</legend>
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          className="text-input"
          value={value.name}
          onChange={(event) => set({ name: event.target.value })}
          {...name.invalid}
          {...main.invalid}
        />
        <FieldError id={name.id} message={name.message} />
        {kind === 'person' ? (
          <>
            <label htmlFor={`${id}-email`}>Email</label>
            <input
              id={`${id}-email`}
              type="email"
              className="text-input"
              value={value.email}
              onChange={(event) => set({ email: event.target.value })}
              {...email.invalid}
            />
            <FieldError id={email.id} message={email.message} />
            <label htmlFor={`${id}-phone`}>Phone</label>
            <input
              id={`${id}-phone`}
              type="tel"
              className="text-input"
              value={value.phone}
              onChange={(event) => set({ phone: event.target.value })}
              {...phone.invalid}
            />
            <FieldError id={phone.id} message={phone.message} />
          </>
        ) : null}
        <button type="button" className="button" onClick={() => onChange({ kind: 'none' })}>
          Pick an existing {kind} instead
        </button>
        <FieldError id={main.id} message={main.message} />
      </fieldset>
    )
  }

  return (
    <div className="new-lead__field new-lead__picker">
      <label htmlFor={`${id}-search`}>{said.label}</label>
      <input
        id={`${id}-search`}
        className="text-input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={`${id}-choices`}
        aria-activedescendant={shown ? `${id}-choice-${active}` : undefined}
        placeholder={`Search your ${kind === 'person' ? 'contacts' : 'organizations'}`}
        autoComplete="off"
        value={text}
        onChange={(event) => {
          setText(event.target.value)
          setActiveKey(null)
          setListOpen(true)
        }}
        onBlur={() => setListOpen(false)}
        onKeyDown={onKeyDown}
        {...main.invalid}
      />
      {/* Stays in the page, so screen readers hear what lands in it; shown in the list. */}
      <p className="visually-hidden" role="status">
        {hinted ? hint : ''}
      </p>
      {shown || hinted ? (
        <div className="new-lead__choices">
          <ul
            id={`${id}-choices`}
            role="listbox"
            className="new-lead__choice-list"
            aria-label={said.label}
            hidden={!shown}
          >
            {choices.map((choice, at) => (
              <li
                key={keyOf(choice)}
                id={`${id}-choice-${at}`}
                role="option"
                aria-selected={at === active}
                className="new-lead__choice"
                // Before the input's blur closes the list.
                onMouseDown={(event) => {
                  event.preventDefault()
                  pick(choice)
                }}
              >
                {choice.kind === 'new' ? (
                  `${said.create} “${choice.name}”`
                ) : (
                  <>
                    {choice.name}
                    {choice.detail ? (
                      <span className="new-lead__choice-detail"> {choice.detail}</span>
                    ) : null}
                  </>
                )}
              </li>
            ))}
          </ul>
          {hinted ? (
            <p className="new-lead__choices-hint" aria-hidden="true">
              {hint}
            </p>
          ) : null}
        </div>
      ) : null}
      <FieldError id={main.id} message={main.message} />
    </div>
  )
}
