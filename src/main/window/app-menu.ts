import { Menu, type MenuItemConstructorOptions } from 'electron'

export interface AppMenuOptions {
  platform: NodeJS.Platform
  /** A packaged app has no Reload and no developer tools. */
  packaged: boolean
  appName: string
}

/**
 * The application menu, in place of Electron's default one (which ships Reload and Toggle
 * Developer Tools). On macOS the menu bar is how Cmd+C and Cmd+V reach a text field, so
 * Edit stays; the app menu has About, Hide and Quit. Elsewhere Chromium handles those keys
 * itself, so a packaged app shows no menu bar at all. Null means no menu.
 */
export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] | null {
  const develop: MenuItemConstructorOptions[] = options.packaged
    ? []
    : [
        {
          label: 'Develop',
          submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
        },
      ]
  if (options.platform !== 'darwin') return develop.length > 0 ? develop : null
  return [
    {
      label: options.appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    ...develop,
    { role: 'windowMenu' },
  ]
}

export function setAppMenu(options: AppMenuOptions): void {
  const template = appMenuTemplate(options)
  Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null)
}
