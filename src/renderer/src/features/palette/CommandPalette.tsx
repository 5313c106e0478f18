import './palette.css'
import { Command } from 'cmdk'
import type { KeyboardEvent } from 'react'
import { shortcutLabel } from '../../ui/keyboard'
import { Modal } from '../shortcuts/Modal'
import { matchesKeys } from '../shortcuts/shortcut-list'
import type { PaletteAction } from './palette-actions'

interface Props {
  actions: readonly PaletteAction[]
  onRun: (action: PaletteAction) => void
  onClose: () => void
}

const groups = ['Go to', 'Actions', 'Help'] as const

/**
 * Every command, filtered as you type: ↑ ↓ move, Enter runs, Esc (or Ctrl/Cmd+K again)
 * closes. A native modal dialog rather than cmdk's own, whose Radix parts inject a <style>
 * element that the Content-Security-Policy refuses.
 */
export function CommandPalette({ actions, onRun, onClose }: Props) {
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (!matchesKeys('Mod+K', event)) return
    event.preventDefault()
    onClose()
  }

  return (
    <Modal
      className="palette"
      aria-label="Command palette"
      onDismiss={onClose}
      onKeyDown={onKeyDown}
    >
      {/* Ctrl+J/K/N/P stay off: Ctrl+K closes the palette. */}
      <Command label="Commands" loop vimBindings={false} className="palette__command">
        <Command.Input className="palette__input" placeholder="Type a command…" data-autofocus />
        <Command.List className="palette__list" label="Commands">
          <Command.Empty className="palette__empty">No command matches.</Command.Empty>
          {groups.map((group) => (
            <Command.Group key={group} heading={group} className="palette__group">
              {actions
                .filter((action) => action.group === group)
                .map((action) => (
                  <Command.Item
                    key={action.id}
                    value={action.label}
                    keywords={action.keywords}
                    className="palette__item"
                    onSelect={() => onRun(action)}
                  >
                    <span className="palette__label">{action.label}</span>
                    {action.detail ? (
                      <span className="palette__detail">{action.detail}</span>
                    ) : null}
                    {action.shortcut ? (
                      <kbd className="palette__shortcut" aria-hidden="true">
                        {action.shortcut.startsWith('Mod+')
                          ? shortcutLabel(action.shortcut)
                          : action.shortcut}
                      </kbd>
                    ) : null}
                  </Command.Item>
                ))}
            </Command.Group>
          ))}
        </Command.List>
      </Command>
    </Modal>
  )
}
