import { app, nativeTheme, screen, type BrowserWindowConstructorOptions } from 'electron'
import { createSecureWindow } from './secure-window'
import { quickAddPosition } from './placement'

export interface QuickAddWindowOptions {
  preload: string
  url: string
  /** Is another Leadbox window on screen? Then hiding must not hide the whole app. */
  otherWindowVisible(): boolean
  /**
   * The user opened the window (shortcut, tray or button): the only moment the clipboard may
   * be read, for the chip that offers a contact copied there.
   */
  onOpened?(): void
  /** The window hid: what was read at opening is forgotten. */
  onHidden?(): void
  platform?: NodeJS.Platform
}

export interface QuickAddWindow {
  toggle(): void
  show(): void
  hide(): void
  isVisible(): boolean
}

// Room for a whole line's chips (money, person, email, phone, organization, label, next
// activity) in three rows, with the help line under them.
const size = { width: 640, height: 320 }

/**
 * macOS no longer lets show() and focus() pull an app forward while another is frontmost,
 * so a plain window would open without the keyboard and never blur. A panel (Electron's
 * `type: 'panel'`, an NSPanel that does not activate the app) takes the keyboard the way
 * Spotlight does, floats over full-screen apps and opens on the Space the user is on.
 */
const macPanel: Partial<BrowserWindowConstructorOptions> = { type: 'panel' }

/**
 * The small frameless window of the global shortcut. Created once and kept hidden, so it
 * appears at once; it hides when it loses focus, and hiding hands focus back to the
 * application the user came from.
 */
export function createQuickAddWindow(options: QuickAddWindowOptions): QuickAddWindow {
  const platform = options.platform ?? process.platform
  const mac = platform === 'darwin'
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
      ...(mac ? macPanel : {}),
    },
    options.preload,
  )
  if (mac) {
    // Above full-screen apps and on every Space, so it opens where the user is. The panel
    // needs no change of process type for this, which would flash the Dock icon.
    window.setAlwaysOnTop(true, 'pop-up-menu')
    window.setVisibleOnAllWorkspaces(true, {
      visibleOnFullScreen: true,
      skipTransformProcessType: true,
    })
  }
  void window.loadURL(options.url)

  const hide = () => {
    if (!window.isVisible()) return
    // Windows gives focus back to the previous window when ours is minimized first; macOS
    // does so only when the app itself hides, which must not take the main window along.
    if (platform === 'win32') window.minimize()
    window.hide()
    options.onHidden?.()
    if (mac && !options.otherWindowVisible()) app.hide()
  }
  const show = () => {
    const display = screen.getDisplayNearestPoint(screen.getCursorScreenPoint())
    const { x, y } = quickAddPosition(display.workArea, size)
    window.setPosition(x, y)
    if (window.isMinimized()) window.restore()
    options.onOpened?.()
    window.show()
    window.focus()
  }
  window.on('blur', hide)

  return {
    // Open means the shortcut closes it, focused or not: a desktop that refused it the
    // keyboard (Wayland may) must not leave it stuck open, re-shown on every press.
    toggle: () => (window.isVisible() ? hide() : show()),
    show,
    hide,
    isVisible: () => window.isVisible(),
  }
}
