import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

type Item = { label?: string; click?: () => void; accelerator?: string; type?: string }
type Image = { file: string; template: boolean }
const state: { menu: Item[]; tooltip: string; title: string; image: Image | null } = {
  menu: [],
  tooltip: '',
  title: '',
  image: null,
}
// The theme as each system reports it: the apps' colors, and Windows' taskbar on its own.
const theme = Object.assign(new EventEmitter(), {
  shouldUseDarkColors: false,
  shouldUseDarkColorsForSystemIntegratedUI: true,
})
vi.mock('electron', () => ({
  nativeTheme: theme,
  nativeImage: {
    createFromPath: (file: string) => {
      const image: Image = { file, template: false }
      return Object.assign(image, { setTemplateImage: (on: boolean) => (image.template = on) })
    },
  },
  Menu: { buildFromTemplate: (items: Item[]) => items },
  Tray: class {
    constructor(image: Image) {
      state.image = image
    }
    setImage(image: Image) {
      state.image = image
    }
    setContextMenu(menu: Item[]) {
      state.menu = menu
    }
    setToolTip(text: string) {
      state.tooltip = text
    }
    setTitle(text: string) {
      state.title = text
    }
    destroy() {}
  },
}))
vi.mock('../../../resources/trayTemplate.png?asset', () => ({ default: 'trayTemplate.png' }))
vi.mock('../../../resources/tray-on-dark.png?asset', () => ({ default: 'tray-on-dark.png' }))
vi.mock('../../../resources/tray-on-light.png?asset', () => ({ default: 'tray-on-light.png' }))
const { createTray, pendingLabel } = await import('./tray')

const counts = { queued: 2, sending: 1, uncertain: 0, sent: 9, needs_attention: 1, cancelled: 0 }

describe('the tray', () => {
  it('offers quick add, open, sync now and quit', () => {
    const actions = { quickAdd: vi.fn(), open: vi.fn(), syncNow: vi.fn(), quit: vi.fn() }
    createTray(actions, () => 'CommandOrControl+Shift+L')
    const labels = state.menu.filter((item) => item.label).map((item) => item.label)
    expect(labels).toEqual(['Quick add', 'Open Leadbox', 'Sync now', 'Quit Leadbox'])
    expect(state.menu[0]!.accelerator).toBe('CommandOrControl+Shift+L')
    state.menu.find((item) => item.label === 'Sync now')!.click!()
    state.menu.find((item) => item.label === 'Quick add')!.click!()
    expect(actions.syncNow).toHaveBeenCalledOnce()
    expect(actions.quickAdd).toHaveBeenCalledOnce()
  })

  it('offers "Restart to update" only while a downloaded update waits', () => {
    const restartToUpdate = vi.fn()
    const tray = createTray(
      { quickAdd() {}, open() {}, syncNow() {}, quit() {}, restartToUpdate },
      () => 'Alt+L',
    )
    const restart = () => state.menu.find((item) => item.label === 'Restart to update')
    expect(restart()).toBeUndefined()
    tray.showUpdateReady('1.2.0')
    restart()!.click!()
    expect(restartToUpdate).toHaveBeenCalledOnce()
    tray.showCounts(counts)
    expect(restart()).toBeDefined()
    tray.showUpdateReady(null)
    expect(restart()).toBeUndefined()
  })

  it('shows how many leads wait', () => {
    const tray = createTray({ quickAdd() {}, open() {}, syncNow() {}, quit() {} }, () => 'Alt+L')
    tray.showCounts(counts)
    expect(state.tooltip).toBe('Leadbox — 3 waiting to sync, 1 need attention')
    expect(pendingLabel({ ...counts, queued: 0, sending: 0, needs_attention: 0 })).toBe(
      'Nothing waiting to sync',
    )
  })

  it('on macOS is a template image, which the menu bar tints', () => {
    createTray({ quickAdd() {}, open() {}, syncNow() {}, quit() {} }, () => 'Alt+L', 'darwin')
    expect(state.image).toMatchObject({ file: 'trayTemplate.png', template: true })
  })

  it('on Linux is light on a dark theme, dark on a light one, and follows a change', () => {
    theme.shouldUseDarkColors = true
    const listening = theme.listenerCount('updated')
    const tray = createTray(
      { quickAdd() {}, open() {}, syncNow() {}, quit() {} },
      () => 'Alt+L',
      'linux',
    )
    expect(state.image).toMatchObject({ file: 'tray-on-dark.png', template: false })
    theme.shouldUseDarkColors = false
    theme.emit('updated')
    expect(state.image).toMatchObject({ file: 'tray-on-light.png', template: false })
    tray.destroy()
    expect(theme.listenerCount('updated')).toBe(listening)
  })

  it("on Windows follows the taskbar's theme, not the apps' one", () => {
    theme.shouldUseDarkColors = false
    theme.shouldUseDarkColorsForSystemIntegratedUI = true
    const tray = createTray(
      { quickAdd() {}, open() {}, syncNow() {}, quit() {} },
      () => 'Alt+L',
      'win32',
    )
    expect(state.image).toMatchObject({ file: 'tray-on-dark.png' })
    theme.shouldUseDarkColorsForSystemIntegratedUI = false
    theme.emit('updated')
    expect(state.image).toMatchObject({ file: 'tray-on-light.png' })
    tray.destroy()
  })
})
