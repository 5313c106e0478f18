import './keyboard.css'
import { useId, useState, type KeyboardEvent } from 'react'
import { isMac } from '../../ui/keyboard'
import { readableAccelerator, recordAccelerator, type Recording } from './accelerator'

interface Props {
  saving: boolean
  onSave: (accelerator: string) => void
  onCancel: () => void
}

const plain = (event: KeyboardEvent) =>
  !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey

const shown = (recording: Recording | null) =>
  recording?.kind === 'shortcut'
    ? readableAccelerator(recording.accelerator)
    : recording?.kind === 'partial' && recording.held
      ? readableAccelerator(recording.held)
      : ''

/**
 * A field that records the next key combination instead of typing it. Enter saves it, Esc
 * cancels, Tab moves on to the buttons; any other key, with its modifiers, is the shortcut.
 */
export function ShortcutRecorder({ saving, onSave, onCancel }: Props) {
  const [recording, setRecording] = useState<Recording | null>(null)
  const inputId = useId()
  const helpId = useId()
  const errorId = useId()
  const refused = recording?.kind === 'refused' ? recording.reason : null

  const save = () => {
    if (recording?.kind === 'shortcut') onSave(recording.accelerator)
    else setRecording({ kind: 'refused', reason: 'Press the new shortcut first.' })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Recorded keys are not commands: Ctrl+2 must not switch views, ? must not open help.
    event.stopPropagation()
    if (event.key === 'Tab' && !event.ctrlKey && !event.metaKey && !event.altKey) return
    event.preventDefault()
    if (event.key === 'Escape' && plain(event)) return onCancel()
    if (event.key === 'Enter' && plain(event)) return save()
    setRecording(recordAccelerator(event))
  }

  const onKeyUp = (event: KeyboardEvent<HTMLInputElement>) => {
    // Letting go of modifiers without a key takes them back out of the field.
    if (recording?.kind !== 'partial') return
    setRecording(recordAccelerator(event))
  }

  return (
    <div className="shortcut-recorder">
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          New shortcut
        </label>
        <input
          id={inputId}
          className="text-input shortcut-recorder__input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          placeholder="Press the keys together…"
          value={shown(recording)}
          // Keys are recorded on keydown; nothing is typed into the field.
          onChange={() => undefined}
          onKeyDown={onKeyDown}
          onKeyUp={onKeyUp}
          aria-describedby={refused ? `${helpId} ${errorId}` : helpId}
          aria-invalid={refused ? true : undefined}
        />
        <p id={helpId} className="field__help">
          Hold {isMac ? '⌘, ⌃ or ⌥' : 'Ctrl or Alt'} with a key, e.g.{' '}
          {readableAccelerator('CommandOrControl+Alt+L')}. Enter saves, Esc cancels.
        </p>
        {refused ? (
          <p id={errorId} className="field__error">
            {refused}
          </p>
        ) : null}
      </div>
      <div className="settings-section__actions">
        <button type="button" className="button button--primary" disabled={saving} onClick={save}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  )
}
