import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { SettingsStore } from '../core/settings/settings-store'

// Electron's binary cannot run here; this stands in for the few BrowserWindow calls made.
const made: FakeWindow[] = []
class FakeWindow extends EventEmitter {
  options: Record<string, unknown>
  loaded: string | undefined
  maximized = false
  constructor(options: Record<string, unknown>) {
    super()
    this.options = options
    made.push(this)
  }
  loadURL(url: string) {
    this.loaded = url
    return Promise.resolve()
  }
  maximize() {
    this.maximized = true
  }
  isMaximized() {
    return this.maximized
  }
  getNormalBounds() {
    return { x: 5, y: 6, width: 900, height: 650 }
  }
  show() {}
}
vi.mock('electron', () => ({
  BrowserWindow: FakeWindow,
  nativeTheme: { shouldUseDarkColors: false },
}))

const { createMainWindow } = await import('./main-window')

function memorySettings(): SettingsStore & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>()
  return {
    values,
    get: (key) => values.get(key) as never,
    set: (key, value) => void values.set(key, value),
  }
}

describe('the main window', () => {
  beforeEach(() => void made.splice(0))

  it('is isolated, sandboxed and has no Node', () => {
    createMainWindow({
      preload: '/app/preload.js',
      url: 'app://leadbox/index.html',
      settings: memorySettings(),
    })
    const prefs = made[0]!.options['webPreferences'] as Record<string, unknown>
    expect(prefs).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    })
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
    expect(made[0]!.options['show']).toBe(false)
    expect(made[0]!.loaded).toBe('app://leadbox/index.html')
  })

  it('opens where it was closed, and remembers where that is', () => {
    const settings = memorySettings()
    settings.set('mainWindowBounds', { x: 1, y: 2, width: 800, height: 600, maximized: true })
    createMainWindow({ preload: 'p', url: 'u', settings })
    const window = made[0]!
    expect(window.options).toMatchObject({ x: 1, y: 2, width: 800, height: 600 })
    expect(window.maximized).toBe(true)
    window.emit('close')
    expect(settings.get('mainWindowBounds')).toEqual({
      x: 5,
      y: 6,
      width: 900,
      height: 650,
      maximized: true,
    })
  })
})
