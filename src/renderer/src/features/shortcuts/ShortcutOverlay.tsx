import { useId } from 'react'
import { useQuickAddShortcut } from '../../api'
import { shortcutLabel } from '../../ui/keyboard'
import { readableAccelerator } from './accelerator'
import { Modal } from './Modal'
import { groupTitles, shortcuts, type ShortcutGroup } from './shortcut-list'

interface Props {
  onClose: () => void
}

const groups: ShortcutGroup[] = ['everywhere', 'inbox', 'palette', 'quickAdd']

/** Keys as the platform writes them; "↑ ↓" and single letters stay as they are. */
const keyLabel = (keys: string) => (keys.startsWith('Mod+') ? shortcutLabel(keys) : keys)

/** Every shortcut, the global quick-add one first: it is the one used outside Leadbox. */
export function ShortcutOverlay({ onClose }: Props) {
  const titleId = useId()
  const quickAdd = useQuickAddShortcut()

  return (
    <Modal className="shortcut-overlay" aria-labelledby={titleId} onDismiss={onClose}>
      <div className="shortcut-overlay__content">
        <header className="shortcut-overlay__header">
          <h2 id={titleId} className="shortcut-overlay__title">
            Keyboard shortcuts
          </h2>
          <button type="button" className="button" data-autofocus onClick={onClose}>
            Close <kbd aria-hidden="true">Esc</kbd>
          </button>
        </header>

        <div className="shortcut-overlay__groups">
          <section className="shortcut-group">
            <h3 className="shortcut-group__title">Anywhere on your computer</h3>
            <dl className="shortcut-list">
              <div className="shortcut-list__row">
                <dt>
                  {quickAdd.data ? (
                    <kbd>{readableAccelerator(quickAdd.data.accelerator)}</kbd>
                  ) : (
                    <span className="muted">{quickAdd.isError ? 'Unknown' : 'Loading…'}</span>
                  )}
                </dt>
                <dd>
                  Capture a lead with quick add
                  {quickAdd.data && !quickAdd.data.registered ? (
                    <span className="shortcut-list__problem">
                      {' '}
                      — not working now: another application holds it. Pick another in Settings.
                    </span>
                  ) : null}
                </dd>
              </div>
            </dl>
          </section>

          {groups.map((group) => (
            <section key={group} className="shortcut-group">
              <h3 className="shortcut-group__title">{groupTitles[group]}</h3>
              <dl className="shortcut-list">
                {shortcuts
                  .filter((shortcut) => shortcut.group === group)
                  .map((shortcut) => (
                    <div key={shortcut.id} className="shortcut-list__row">
                      <dt>
                        <kbd>{keyLabel(shortcut.keys)}</kbd>
                      </dt>
                      <dd>{shortcut.label}</dd>
                    </div>
                  ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </Modal>
  )
}
