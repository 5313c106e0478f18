import './lead-form.css'
import { useId, useRef, useState, type KeyboardEvent } from 'react'
import {
  leadLabelColors,
  sameLabelName,
  type LeadLabelColor,
} from '../../../../shared/leads/lead-label'
import type { LeadLabel } from '../../../../shared/quick-add/types'
import { LeadboxError } from '../../../../shared/result'
import { useCreateLabel } from '../../api'
import { describeError } from '../../ui/describe-error'

const colorNames: Record<LeadLabelColor, string> = {
  blue: 'Blue',
  brown: 'Brown',
  'dark-gray': 'Dark gray',
  gray: 'Gray',
  green: 'Green',
  orange: 'Orange',
  pink: 'Pink',
  purple: 'Purple',
  red: 'Red',
  yellow: 'Yellow',
}

interface Props {
  labels: readonly LeadLabel[]
  selected: readonly string[]
  /** Puts the label on the lead. */
  onPick: (label: LeadLabel) => void
}

/**
 * A name typed here selects the label it already belongs to, or creates that label in
 * Pipedrive in the chosen color and selects it. Creating needs a connection; when it fails,
 * the message shows here and nothing else in the form changes.
 */
export function NewLabel({ labels, selected, onPick }: Props) {
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [name, setName] = useState('')
  const [color, setColor] = useState<LeadLabelColor>('gray')
  const [done, setDone] = useState('')

  const finish = (label: LeadLabel, said: string) => {
    onPick(label)
    setName('')
    setDone(said)
    input.current?.focus()
  }
  const create = useCreateLabel({
    onCreated: (label) => finish(label, `Label “${label.name}” created and selected.`),
  })

  const typed = name.trim()
  const existing = typed === '' ? undefined : labels.find((l) => sameLabelName(l.name, typed))
  const picked = existing !== undefined && selected.includes(existing.id)
  const fields = create.error instanceof LeadboxError ? create.error.fields : undefined
  const error = create.error
    ? (fields?.['name'] ?? fields?.['color'] ?? describeError(create.error).message)
    : null
  const errorId = `${id}-error`

  const act = () => {
    if (typed === '' || create.isPending || picked) return
    if (existing) return finish(existing, `Label “${existing.name}” selected.`)
    create.mutate({ name: typed, color })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      // Enter here picks or creates; it never submits the form.
      event.preventDefault()
      act()
    } else if (event.key === 'Escape' && name !== '') {
      // Esc clears what was typed first; the next one reaches the form.
      event.preventDefault()
      event.stopPropagation()
      setName('')
      create.reset()
    }
  }

  return (
    <div className="new-lead__new-label" role="group" aria-label="New label">
      <input
        ref={input}
        className="text-input"
        aria-label="Find or create a label"
        placeholder="Find or create a label"
        autoComplete="off"
        value={name}
        readOnly={create.isPending}
        onChange={(event) => {
          setName(event.target.value)
          setDone('')
          create.reset()
        }}
        onKeyDown={onKeyDown}
        {...(error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {})}
      />
      {typed === '' ? null : existing ? (
        picked ? (
          <span className="muted">“{existing.name}” is selected.</span>
        ) : (
          <button type="button" className="button" onClick={act}>
            Select label “{existing.name}”
          </button>
        )
      ) : (
        <>
          <span role="radiogroup" aria-label="Label color" className="new-lead__swatches">
            {leadLabelColors.map((choice) => (
              <label key={choice} className="new-lead__swatch" title={colorNames[choice]}>
                <input
                  type="radio"
                  className="visually-hidden"
                  name={`${id}-color`}
                  aria-label={colorNames[choice]}
                  checked={color === choice}
                  onChange={() => setColor(choice)}
                />
                <span className="label-chip" data-color={choice} aria-hidden="true" />
              </label>
            ))}
          </span>
          <button type="button" className="button" disabled={create.isPending} onClick={act}>
            {create.isPending ? 'Creating…' : `Create label “${typed}”`}
          </button>
        </>
      )}
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <span className="visually-hidden" role="status">
        {done}
      </span>
    </div>
  )
}
