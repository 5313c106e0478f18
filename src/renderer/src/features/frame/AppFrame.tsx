import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { ErrorBoundary } from '../../ui/ErrorBoundary'
import { CaptureDropTarget } from '../capture/CaptureDropTarget'
import { InboxView } from '../inbox/InboxView'
import { LeadFormHost } from '../lead-form'
import { OutboxView } from '../outbox/OutboxView'
import { SettingsView } from '../settings/SettingsView'
import { KeyboardCommands } from '../shortcuts/KeyboardCommands'
import { SyncIndicator } from './SyncIndicator'
import { ViewNav } from './ViewNav'
import { viewById, viewForShortcut, type ViewId } from './views'

/** Esc inside these belongs to them (a dialog closes itself first). */
const ownsEscape = 'dialog, [role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]'

export function AppFrame() {
  // `switches` counts deliberate switches, so the heading takes focus after each one
  // (also when the view stays the same) but not when the window first opens.
  const [{ view, switches }, setNavigation] = useState<{ view: ViewId; switches: number }>({
    view: 'inbox',
    switches: 0,
  })
  const heading = useRef<HTMLHeadingElement>(null)
  const navList = useRef<HTMLUListElement>(null)

  const showView = useCallback((next: ViewId) => {
    setNavigation((state) => ({ view: next, switches: state.switches + 1 }))
  }, [])

  useEffect(() => {
    if (switches > 0) heading.current?.focus()
  }, [switches])

  // Ctrl/Cmd+1/2/3 and Esc. A layout effect, so the keys work from the moment the frame
  // shows (see useShortcut).
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = viewForShortcut(event)
      if (target) {
        event.preventDefault()
        showView(target)
        return
      }
      if (event.key !== 'Escape' || event.defaultPrevented) return
      if (event.target instanceof Element && event.target.closest(ownsEscape)) return
      const list = navList.current
      if (!list || list.contains(document.activeElement)) return
      event.preventDefault()
      list.querySelector<HTMLButtonElement>('[aria-current="page"]')?.focus()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [showView])

  const { title } = viewById(view)

  return (
    <div className="app-frame">
      <aside className="app-frame__sidebar">
        <p className="app-frame__brand">Leadbox</p>
        <ViewNav ref={navList} current={view} onSelect={showView} />
        <div className="app-frame__status">
          <SyncIndicator />
        </div>
      </aside>
      <main className="app-frame__main" aria-labelledby="view-heading">
        <header className="view-header">
          <h1 id="view-heading" className="view-header__title" tabIndex={-1} ref={heading}>
            {title}
          </h1>
        </header>
        <div className="view-body" data-width={view === 'settings' ? 'reading' : 'full'}>
          <ErrorBoundary key={view} label={title}>
            {view === 'inbox' ? <InboxView onShowView={showView} /> : null}
            {view === 'outbox' ? <OutboxView /> : null}
            {view === 'settings' ? <SettingsView /> : null}
          </ErrorBoundary>
        </div>
      </main>
      <KeyboardCommands onShowView={showView} />
      <LeadFormHost />
      <CaptureDropTarget />
    </div>
  )
}
