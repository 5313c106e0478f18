import './keyboard.css'
import { useEffect, useState } from 'react'
import { describeError } from '../../ui/describe-error'
import type { ViewId } from '../frame/views'
import { CommandPalette } from '../palette/CommandPalette'
import { usePaletteActions, usePaletteLeads, type PaletteAction } from '../palette/palette-actions'
import { ShortcutOverlay } from './ShortcutOverlay'
import { useShortcut, useShortcutKeys } from './useShortcut'

interface Props {
  onShowView: (view: ViewId) => void
}

type Open = 'palette' | 'shortcuts' | null
type Notice = { kind: 'done' | 'failed'; text: string }

/** How long a command's outcome stays on screen. */
const noticeMs = 6000

/**
 * The main window's keyboard layer: the registry's key listener, Ctrl/Cmd+K for the command
 * palette, ? for the shortcut overlay, and a status line for what a command did.
 */
export function KeyboardCommands({ onShowView }: Props) {
  const [open, setOpen] = useState<Open>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const actions = usePaletteActions({
    onShowView,
    onShowShortcuts: () => setOpen('shortcuts'),
  })
  const findLeads = usePaletteLeads({ onShowView })
  // A dialog's close event comes a task after Esc, and a key pressed in between may have
  // opened the other dialog already: a dismissal closes only its own dialog.
  const dismiss = (which: Exclude<Open, null>) => () =>
    setOpen((current) => (current === which ? null : current))

  useShortcutKeys()
  useShortcut('palette.open', () => setOpen('palette'))
  useShortcut('shortcuts.show', () => setOpen('shortcuts'))

  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => setNotice(null), noticeMs)
    return () => clearTimeout(timer)
  }, [notice])

  const run = (action: PaletteAction) => {
    // Closing first sends focus back where it was; a command that moves it wins after.
    setOpen(null)
    setNotice(null)
    Promise.resolve()
      .then(action.run)
      .then(
        (said) => {
          if (said) setNotice({ kind: 'done', text: said })
        },
        (error: unknown) =>
          setNotice({
            kind: 'failed',
            text: `${action.label} did not work: ${describeError(error).message}`,
          }),
      )
  }

  return (
    <>
      {open === 'palette' ? (
        <CommandPalette
          actions={actions}
          findLeads={findLeads}
          onRun={run}
          onClose={dismiss('palette')}
        />
      ) : null}
      {open === 'shortcuts' ? <ShortcutOverlay onClose={dismiss('shortcuts')} /> : null}
      {/* Live regions stay in the page, empty, so screen readers hear what lands in them. */}
      <div className="command-notice">
        <p role="status" className="command-notice__text">
          {notice?.kind === 'done' ? notice.text : null}
        </p>
        <p role="alert" className="command-notice__text" data-kind="failed">
          {notice?.kind === 'failed' ? notice.text : null}
        </p>
      </div>
    </>
  )
}
