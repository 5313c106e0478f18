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
const { createQuickAddShortcut } = await import('./quick-add-shortcut')

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
})
