import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// Electron's binary cannot run here: these stand in for the few calls the window makes.
const calls: string[] = []
class FakeWindow extends EventEmitter {
  options: Record<string, unknown>
  visible = false
  focused = false
  /** Some desktops do not give the keyboard to a window that asks (Wayland, older macOS). */
  refusesFocus = false
  position: [number, number] = [0, 0]
  constructor(options: Record<string, unknown>) {
    super()
    this.options = options
    windows.push(this)
  }
  loadURL(url: string) {
    calls.push(`load ${url}`)
    return Promise.resolve()
  }
  isVisible() {
    return this.visible
  }
  isFocused() {
    return this.focused
  }
  isMinimized() {
    return false
  }
  setPosition(x: number, y: number) {
    this.position = [x, y]
  }
  show() {
    this.visible = true
    calls.push('show')
  }
  focus() {
    if (!this.refusesFocus) this.focused = true
    calls.push('focus')
  }
  setAlwaysOnTop(flag: boolean, level: string) {
    calls.push(`on top ${flag} ${level}`)
  }
  setVisibleOnAllWorkspaces(flag: boolean, options: Record<string, boolean>) {
    calls.push(`all workspaces ${flag} ${JSON.stringify(options)}`)
  }
  hide() {
    this.visible = false
    this.focused = false
    calls.push('hide')
  }
  minimize() {
    calls.push('minimize')
  }
  restore() {}
}
const windows: FakeWindow[] = []
vi.mock('electron', () => ({
  BrowserWindow: FakeWindow,
  nativeTheme: { shouldUseDarkColors: true },
  app: { hide: () => calls.push('app.hide') },
  screen: {
    getCursorScreenPoint: () => ({ x: 2500, y: 300 }),
    getDisplayNearestPoint: ({ x }: { x: number }) => ({
      workArea:
        x > 1920
          ? { x: 1920, y: 0, width: 2560, height: 1440 }
          : { x: 0, y: 0, width: 1920, height: 1080 },
    }),
  },
}))
const { createQuickAddWindow } = await import('./quick-add-window')

describe('the quick-add window', () => {
  beforeEach(() => {
    calls.splice(0)
    windows.splice(0)
  })

  it('is frameless, on top, and as locked down as the main window', () => {
    createQuickAddWindow({
      preload: '/p.js',
      url: 'app://leadbox/quick-add.html',
      otherWindowVisible: () => false,
    })
    const { options } = windows[0]!
    expect(options).toMatchObject({
      frame: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      show: false,
      resizable: false,
    })
    expect(options['webPreferences']).toMatchObject({
      preload: '/p.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
    })
    expect(calls).toEqual(['load app://leadbox/quick-add.html'])
  })

  it('opens focused on the display with the cursor, and the shortcut hides it again', () => {
    const quickAdd = createQuickAddWindow({
      preload: 'p',
      url: 'u',
      otherWindowVisible: () => true,
    })
    quickAdd.toggle()
    expect(windows[0]!.position).toEqual([1920 + 960, 360 - 160])
    expect(calls.slice(-2)).toEqual(['show', 'focus'])
    quickAdd.toggle()
    expect(quickAdd.isVisible()).toBe(false)
  })

  it('on macOS is a panel over full-screen apps, on the current Space', () => {
    createQuickAddWindow({
      preload: 'p',
      url: 'u',
      otherWindowVisible: () => false,
      platform: 'darwin',
    })
    expect(windows[0]!.options).toMatchObject({ type: 'panel', alwaysOnTop: true })
    expect(calls).toEqual([
      'on top true pop-up-menu',
      'all workspaces true {"visibleOnFullScreen":true,"skipTransformProcessType":true}',
      'load u',
    ])
  })

  it('is an ordinary window elsewhere', () => {
    for (const platform of ['win32', 'linux'] as const) {
      createQuickAddWindow({ preload: 'p', url: 'u', otherWindowVisible: () => false, platform })
    }
    expect(windows.map((window) => window.options['type'])).toEqual([undefined, undefined])
    expect(calls).toEqual(['load u', 'load u'])
  })

  it('the shortcut hides it again even when the desktop kept the keyboard elsewhere', () => {
    const quickAdd = createQuickAddWindow({
      preload: 'p',
      url: 'u',
      otherWindowVisible: () => true,
      platform: 'linux',
    })
    windows[0]!.refusesFocus = true
    quickAdd.toggle()
    expect(quickAdd.isVisible()).toBe(true)
    quickAdd.toggle()
    expect(quickAdd.isVisible()).toBe(false)
  })

  it("says when the user opened it (the clipboard's one moment) and when it hid", () => {
    const quickAdd = createQuickAddWindow({
      preload: 'p',
      url: 'u',
      otherWindowVisible: () => true,
      onOpened: () => calls.push('opened'),
      onHidden: () => calls.push('hidden'),
    })
    calls.splice(0)
    quickAdd.toggle()
    quickAdd.toggle()
    quickAdd.hide()
    expect(calls).toEqual(['opened', 'show', 'focus', 'hide', 'hidden'])
  })

  it('hides when it loses focus', () => {
    const quickAdd = createQuickAddWindow({
      preload: 'p',
      url: 'u',
      otherWindowVisible: () => true,
    })
    quickAdd.show()
    windows[0]!.emit('blur')
    expect(quickAdd.isVisible()).toBe(false)
  })

  it('on Linux, just hides: the window manager restores focus', () => {
    const quickAdd = createQuickAddWindow({
      preload: 'p',
      url: 'u',
      otherWindowVisible: () => false,
      platform: 'linux',
    })
    quickAdd.show()
    calls.splice(0)
    quickAdd.hide()
    expect(calls).toEqual(['hide'])
  })

  it('hands focus back: minimized first on Windows, the app hidden on macOS', () => {
    const windowsQuickAdd = createQuickAddWindow({
      preload: 'p',
      url: 'u',
      otherWindowVisible: () => false,
      platform: 'win32',
    })
    windowsQuickAdd.show()
    calls.splice(0)
    windowsQuickAdd.hide()
    expect(calls).toEqual(['minimize', 'hide'])
    const macQuickAdd = createQuickAddWindow({
      preload: 'p',
      url: 'u',
      otherWindowVisible: () => false,
      platform: 'darwin',
    })
    macQuickAdd.show()
    calls.splice(0)
    macQuickAdd.hide()
    expect(calls).toEqual(['hide', 'app.hide'])
  })
})
