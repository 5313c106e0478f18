import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { SettingsStore } from '../core/settings/settings-store'

const registered = new Map<string, () => void>()
const heldElsewhere = new Set<string>(['Alt+Space'])
vi.mock('electron', () => ({
  globalShortcut: {
    register(accelerator: string, callback: () => void) {
      if (accelerator.includes('Bogus')) throw new Error('conversion failed')
      if (heldElsewhere.has(accelerator) || registered.has(accelerator)) return false
      registered.set(accelerator, callback)
      return true
    },
    unregister: (accelerator: string) => void registered.delete(accelerator),
  },
}))
const { createQuickAddShortcut, enableShortcutPortal, isWaylandSession } =
  await import('./quick-add-shortcut')

function memorySettings(): SettingsStore {
  const values = new Map<string, unknown>()
  return {
    get: (key) => values.get(key) as never,
    set: (key, value) => void values.set(key, value),
  }
}

describe('the quick-add shortcut', () => {
  beforeEach(() => registered.clear())

  it('registers the default and calls back when pressed', () => {
    const onPress = vi.fn()
    const shortcut = createQuickAddShortcut(memorySettings(), onPress)
    expect(shortcut.status()).toEqual({
      accelerator: 'CommandOrControl+Shift+L',
      registered: true,
      problem: null,
      decidedBy: 'system',
    })
    registered.get('CommandOrControl+Shift+L')!()
    expect(onPress).toHaveBeenCalledOnce()
  })

  it('says so when another application holds it, and takes another', () => {
    const settings = memorySettings()
    settings.set('quickAddShortcut', 'Alt+Space')
    const shortcut = createQuickAddShortcut(settings, () => {})
    expect(shortcut.status()).toMatchObject({
      registered: false,
      problem: expect.stringMatching(/another application/),
    })
    expect(shortcut.change('Ctrl+Alt+L')).toEqual({
      accelerator: 'Ctrl+Alt+L',
      registered: true,
      problem: null,
      decidedBy: 'system',
    })
    expect(settings.get('quickAddShortcut')).toBe('Ctrl+Alt+L')
  })

  it('keeps the working shortcut when the new one is taken', () => {
    const settings = memorySettings()
    const shortcut = createQuickAddShortcut(settings, () => {})
    const status = shortcut.change('Alt+Space')
    expect(status).toMatchObject({ accelerator: 'CommandOrControl+Shift+L', registered: true })
    expect(status.problem).toMatch(/Alt\+Space is used by another application/)
    expect(registered.has('CommandOrControl+Shift+L')).toBe(true)
    expect(settings.get('quickAddShortcut')).toBeUndefined()
  })

  it('refuses what is not a shortcut, and swaps cleanly to a new one', () => {
    const shortcut = createQuickAddShortcut(memorySettings(), () => {})
    expect(() => shortcut.change('L')).toThrow(/modifiers/)
    shortcut.change('Super+K')
    expect([...registered.keys()]).toEqual(['Super+K'])
  })

  it('on Wayland says the desktop decides, even when Electron reports success', () => {
    const shortcut = createQuickAddShortcut(memorySettings(), () => {}, 'desktop')
    expect(shortcut.status()).toMatchObject({ registered: true, decidedBy: 'desktop' })
    expect(shortcut.change('Ctrl+Alt+L')).toMatchObject({ registered: true, decidedBy: 'desktop' })
  })
})

describe('global shortcuts on Wayland', () => {
  const commandLine = (value = '') => {
    const switches = new Map<string, string>(value ? [['enable-features', value]] : [])
    return {
      switches,
      getSwitchValue: (name: string) => switches.get(name) ?? '',
      appendSwitch: (name: string, value?: string) => void switches.set(name, value ?? ''),
    }
  }

  it('enables the GlobalShortcutsPortal feature on Linux, keeping other features', () => {
    const plain = commandLine()
    enableShortcutPortal(plain, 'linux')
    expect(plain.switches.get('enable-features')).toBe('GlobalShortcutsPortal')
    const other = commandLine('WaylandWindowDecorations')
    enableShortcutPortal(other, 'linux')
    expect(other.switches.get('enable-features')).toBe(
      'WaylandWindowDecorations,GlobalShortcutsPortal',
    )
    enableShortcutPortal(other, 'linux')
    expect(other.switches.get('enable-features')).toBe(
      'WaylandWindowDecorations,GlobalShortcutsPortal',
    )
  })

  it('leaves macOS and Windows alone', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const line = commandLine()
      enableShortcutPortal(line, platform)
      expect(line.switches.size).toBe(0)
    }
  })

  it('knows a Wayland session from its environment', () => {
    expect(isWaylandSession('linux', { XDG_SESSION_TYPE: 'wayland' })).toBe(true)
    expect(isWaylandSession('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true)
    expect(isWaylandSession('linux', { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' })).toBe(false)
    expect(isWaylandSession('darwin', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(false)
  })
})
