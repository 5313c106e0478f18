import { app, nativeTheme, screen } from 'electron'
import { createSecureWindow } from './secure-window'
import { quickAddPosition } from './placement'

export interface QuickAddWindowOptions {
  preload: string
  url: string
  /** Is another Leadbox window on screen? Then hiding must not hide the whole app. */
  otherWindowVisible(): boolean
}

export interface QuickAddWindow {
  toggle(): void
  show(): void
  hide(): void
  isVisible(): boolean
}

const size = { width: 640, height: 240 }

/**
 * The small frameless window of the global shortcut. Created once and kept hidden, so it
 * appears at once; it hides when it loses focus, and hiding hands focus back to the
 * application the user came from.
 */
export function createQuickAddWindow(options: QuickAddWindowOptions): QuickAddWindow {
  const window = createSecureWindow(
    {
      ...size,
      show: false,
      frame: false,
      resizable: false,
      movable: true,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      title: 'Quick add — Leadbox',
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#17181b' : '#ffffff',
    },
    options.preload,
  )
  void window.loadURL(options.url)

  const hide = () => {
    if (!window.isVisible()) return
    // Windows gives focus back to the previous window when ours is minimized first; macOS
    // does so only when the app itself hides, which must not take the main window along.
    if (process.platform === 'win32') window.minimize()
    window.hide()
    if (process.platform === 'darwin' && !options.otherWindowVisible()) app.hide()
  }
  const show = () => {
    const display = screen.getDisplayNearestPoint(screen.getCursorScreenPoint())
    const { x, y } = quickAddPosition(display.workArea, size)
    window.setPosition(x, y)
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  }
  window.on('blur', hide)

  return {
    toggle: () => (window.isVisible() && window.isFocused() ? hide() : show()),
    show,
    hide,
    isVisible: () => window.isVisible(),
  }
}
