import { nativeTheme, type BrowserWindow } from 'electron'
import { createSecureWindow } from './secure-window'
import type { SettingsStore } from '../core/settings/settings-store'

export interface MainWindowOptions {
  preload: string
  url: string
  settings: SettingsStore
}

/** The main window, where it was last time, shown once painted to avoid a white flash. */
export function createMainWindow({ preload, url, settings }: MainWindowOptions): BrowserWindow {
  const bounds = settings.get('mainWindowBounds')
  const window = createSecureWindow(
    {
      width: bounds?.width ?? 1100,
      height: bounds?.height ?? 720,
      ...(bounds ? { x: bounds.x, y: bounds.y } : {}),
      minWidth: 640,
      minHeight: 420,
      show: false,
      title: 'Leadbox',
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#17181b' : '#ffffff',
    },
    preload,
  )
  if (bounds?.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  window.on('close', () => {
    settings.set('mainWindowBounds', {
      ...window.getNormalBounds(),
      maximized: window.isMaximized(),
    })
  })
  void window.loadURL(url)
  return window
}
