import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'

const set: Array<unknown> = []
vi.mock('electron', () => ({
  Menu: {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
    setApplicationMenu: (menu: unknown) => void set.push(menu),
  },
}))
const { appMenuTemplate, setAppMenu } = await import('./app-menu')

/** Every role in a menu, submenus included. */
function roles(items: MenuItemConstructorOptions[] | null): string[] {
  return (items ?? []).flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ])
}

describe('the application menu', () => {
  it('on macOS: the app menu, Edit for copy and paste, Window; nothing to reload or inspect', () => {
    const menu = appMenuTemplate({ platform: 'darwin', packaged: true, appName: 'Leadbox' })
    expect(menu?.map((item) => item.label ?? item.role)).toEqual([
      'Leadbox',
      'editMenu',
      'windowMenu',
    ])
    expect(roles(menu)).toEqual(
      expect.arrayContaining(['about', 'hide', 'hideOthers', 'quit', 'editMenu', 'windowMenu']),
    )
    expect(roles(menu)).not.toEqual(expect.arrayContaining(['reload']))
    expect(JSON.stringify(menu)).not.toMatch(/reload|toggleDevTools/i)
  })

  it('elsewhere a packaged app has no menu bar, so no default menu either', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(appMenuTemplate({ platform, packaged: true, appName: 'Leadbox' })).toBeNull()
    }
    set.splice(0)
    setAppMenu({ platform: 'win32', packaged: true, appName: 'Leadbox' })
    expect(set).toEqual([null])
  })

  it('in development keeps Reload and the developer tools', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const menu = appMenuTemplate({ platform, packaged: false, appName: 'Leadbox' })
      expect(roles(menu), platform).toEqual(
        expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']),
      )
    }
  })

  it('replaces the default menu', () => {
    set.splice(0)
    setAppMenu({ platform: 'darwin', packaged: true, appName: 'Leadbox' })
    expect(set).toHaveLength(1)
    expect(roles((set[0] as { template: MenuItemConstructorOptions[] }).template)).toContain(
      'editMenu',
    )
  })
})
