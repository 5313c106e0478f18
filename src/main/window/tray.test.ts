import { describe, expect, it, vi } from 'vitest'

type Item = { label?: string; click?: () => void; accelerator?: string; type?: string }
const state: { menu: Item[]; tooltip: string; title: string } = { menu: [], tooltip: '', title: '' }
vi.mock('electron', () => ({
  nativeImage: { createFromPath: () => ({ setTemplateImage: () => {} }) },
  Menu: { buildFromTemplate: (items: Item[]) => items },
  Tray: class {
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
vi.mock('../../../resources/trayTemplate.png?asset', () => ({ default: 'tray.png' }))
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
})
