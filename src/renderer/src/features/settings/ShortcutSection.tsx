import { useRef, useState } from 'react'
import { useChangeQuickAddShortcut, useQuickAddShortcut } from '../../api'
import { InlineError } from '../../ui/InlineError'
import { readableAccelerator, readableProblem } from '../shortcuts/accelerator'
import { focusTargets } from '../shortcuts/focus-when-shown'
import { ShortcutRecorder } from '../shortcuts/ShortcutRecorder'
import { shortcutCertainty } from './shortcut-certainty'
import { SettingsSection } from './SettingsSection'

type Outcome = { kind: 'changed'; text: string } | { kind: 'refused'; text: string }

/**
 * Settings → Quick-add shortcut: the global shortcut that opens quick add from any app, and
 * a way to record another. When another application holds the one asked for, main keeps
 * the old one and says so; the recorder stays open to pick another. A shortcut main was
 * given comes with what cannot be known from here (see shortcutCertainty).
 */
export function ShortcutSection() {
  const shortcut = useQuickAddShortcut()
  const change = useChangeQuickAddShortcut()
  const [recording, setRecording] = useState(false)
  // Counts refusals, so the recorder starts afresh (empty, focused) for the next try.
  const [attempt, setAttempt] = useState(0)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  // Set when recording ends, so the Change button takes focus as it comes back.
  const focusChange = useRef(false)

  const stopRecording = () => {
    focusChange.current = true
    setRecording(false)
  }

  const save = (accelerator: string) => {
    setOutcome(null)
    change.mutate(accelerator, {
      onSuccess: (status) => {
        if (status.problem === null && status.accelerator === accelerator) {
          setOutcome({
            kind: 'changed',
            text: `Quick add now opens with ${readableAccelerator(accelerator)}.`,
          })
          stopRecording()
          return
        }
        setOutcome({
          kind: 'refused',
          text: readableProblem(
            status.problem ?? `Leadbox could not take ${accelerator}. Pick another shortcut.`,
            accelerator,
          ),
        })
        setAttempt((count) => count + 1)
      },
    })
  }

  const current = shortcut.data
  return (
    <SettingsSection title="Quick-add shortcut">
      {shortcut.isError ? (
        <InlineError
          title="Could not read the quick-add shortcut"
          error={shortcut.error}
          onRetry={() => void shortcut.refetch()}
        />
      ) : !current ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <p>
            Press{' '}
            <kbd data-testid="quick-add-shortcut">{readableAccelerator(current.accelerator)}</kbd>{' '}
            in any application to capture a lead.
          </p>
          {current.registered ? (
            <p className="muted" data-testid="quick-add-shortcut-certainty">
              {shortcutCertainty(current)}
            </p>
          ) : null}
          {recording ? (
            <ShortcutRecorder
              key={attempt}
              saving={change.isPending}
              onSave={save}
              onCancel={() => {
                setOutcome(null)
                stopRecording()
              }}
            />
          ) : (
            <div className="settings-section__actions">
              <button
                ref={(button) => {
                  if (!button || !focusChange.current) return
                  focusChange.current = false
                  button.focus()
                }}
                id={focusTargets.changeQuickAddShortcut}
                type="button"
                className="button"
                onClick={() => {
                  setOutcome(null)
                  setRecording(true)
                }}
              >
                Change
              </button>
            </div>
          )}
        </>
      )}
      {/* Live regions stay in the page, empty, so screen readers hear what lands in them. */}
      <div className="shortcut-section__messages">
        <p role="status">{outcome?.kind === 'changed' ? outcome.text : null}</p>
        <div role="alert">
          {outcome?.kind === 'refused' ? (
            <p className="inline-error">{outcome.text}</p>
          ) : current && !current.registered && !recording ? (
            <p className="inline-error">
              {readableProblem(
                current.problem ?? `Leadbox could not take ${current.accelerator}.`,
                current.accelerator,
              )}{' '}
              Until then, open quick add from the menu of the Leadbox icon (in the menu bar on
              macOS, the tray elsewhere).
            </p>
          ) : null}
        </div>
      </div>
      {change.isError ? (
        <InlineError title="Could not change the shortcut" error={change.error} />
      ) : null}
    </SettingsSection>
  )
}
