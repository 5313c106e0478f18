import './palette.css'
import { Command } from 'cmdk'
import { useMemo, useState, type KeyboardEvent } from 'react'
import { shortcutLabel } from '../../ui/keyboard'
import { Modal } from '../shortcuts/Modal'
import { matchesKeys } from '../shortcuts/shortcut-list'
import { paletteGroups, type PaletteAction } from './palette-actions'
import { rankByMatch } from './palette-match'

interface Props {
  actions: readonly PaletteAction[]
  /** The leads that fit what is typed, as commands that open them. */
  findLeads?: (query: string) => PaletteAction[]
  onRun: (action: PaletteAction) => void
  onClose: () => void
}

/**
 * Every command, and the leads, filtered as you type: ↑ ↓ move, Enter runs, Esc (or Ctrl/Cmd+K
 * again) closes. A native modal dialog rather than cmdk's own, whose Radix parts inject a
 * <style> element that the Content-Security-Policy refuses. The palette ranks by its own
 * rule (palette-match), not cmdk's fuzzy one, and lists only the best few leads.
 */
export function CommandPalette({ actions, findLeads, onRun, onClose }: Props) {
  const [search, setSearch] = useState('')
  const leads = useMemo(() => findLeads?.(search) ?? [], [findLeads, search])
  const shown = [
    ...rankByMatch(actions, search, (action) => ({
      name: action.label,
      otherWords: action.keywords ?? [],
    })),
    ...leads,
  ]

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
      <Command
        label="Commands"
        loop
        vimBindings={false}
        shouldFilter={false}
        className="palette__command"
      >
        <Command.Input
          className="palette__input"
          placeholder="Type a command or a lead…"
          value={search}
          onValueChange={setSearch}
          data-autofocus
        />
        <Command.List className="palette__list" label="Commands">
          <Command.Empty className="palette__empty">No command or lead matches.</Command.Empty>
          {/* cmdk shows a group's heading even when empty, with filtering left to us. */}
          {paletteGroups
            .map((group) => [group, shown.filter((action) => action.group === group)] as const)
            .filter(([, items]) => items.length > 0)
            .map(([group, items]) => (
              <Command.Group key={group} heading={group} className="palette__group">
                {items.map((action) => (
                  <Command.Item
                    key={action.id}
                    value={action.id}
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
