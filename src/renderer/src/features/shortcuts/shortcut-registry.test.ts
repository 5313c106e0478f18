import { describe, expect, it, vi } from 'vitest'
import type { KeyPress } from '../../ui/keyboard'
import { readsTypedKeys, type KeyTarget } from './key-targets'
import { createShortcutRegistry } from './shortcut-registry'
import { isChord, matchesKeys, shortcuts } from './shortcut-list'

const press = (key: string, held: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...held,
})

const free = { typing: false, modalOpen: false }

describe('the shortcut list', () => {
  it('has one entry per id', () => {
    const ids = shortcuts.map((shortcut) => shortcut.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('gives no two registry shortcuts the same keys', () => {
    const keys = shortcuts.filter((s) => s.handledBy === 'registry').map((s) => s.keys)
    expect(new Set(keys).size).toBe(keys.length)
  })
})

describe('matching key presses', () => {
  it('reads Mod as Ctrl or Cmd, alone', () => {
    expect(matchesKeys('Mod+K', press('k', { ctrlKey: true }))).toBe(true)
    expect(matchesKeys('Mod+K', press('k', { metaKey: true }))).toBe(true)
    expect(matchesKeys('Mod+K', press('k'))).toBe(false)
    expect(matchesKeys('Mod+K', press('K', { ctrlKey: true, shiftKey: true }))).toBe(false)
    expect(matchesKeys('Mod+K', press('k', { ctrlKey: true, altKey: true }))).toBe(false)
  })

  it('takes single letters without modifiers, in either case (Caps Lock)', () => {
    expect(matchesKeys('j', press('j'))).toBe(true)
    expect(matchesKeys('j', press('J'))).toBe(true)
    expect(matchesKeys('j', press('J', { shiftKey: true }))).toBe(false)
    expect(matchesKeys('j', press('j', { ctrlKey: true }))).toBe(false)
  })

  it('reads the letter a layout types, and the physical key only where it types no Latin letter', () => {
    // Dvorak: the key marked J on a QWERTY board types "h".
    expect(matchesKeys('j', { ...press('h'), code: 'KeyJ' })).toBe(false)
    // Cyrillic: the same key types "о".
    expect(matchesKeys('j', { ...press('о'), code: 'KeyJ' })).toBe(true)
    expect(matchesKeys('Mod+K', { ...press('л', { ctrlKey: true }), code: 'KeyK' })).toBe(true)
  })

  it('takes ? however the layout types it', () => {
    expect(matchesKeys('?', press('?', { shiftKey: true }))).toBe(true)
    expect(matchesKeys('?', press('?'))).toBe(true)
    expect(matchesKeys('?', press('/'))).toBe(false)
  })

  it('tells chords from single keys', () => {
    expect(isChord('Mod+K')).toBe(true)
    expect(isChord('j')).toBe(false)
    expect(isChord('Enter')).toBe(false)
  })
})

describe('the shortcut registry', () => {
  it('runs the bound handler and says it ran', () => {
    const registry = createShortcutRegistry()
    const next = vi.fn()
    registry.bind('list.next', next)
    expect(registry.dispatch(press('j'), free)).toBe(true)
    expect(next).toHaveBeenCalledOnce()
    expect(registry.dispatch(press('x'), free)).toBe(false)
  })

  it('leaves keys nobody bound alone', () => {
    expect(createShortcutRegistry().dispatch(press('j'), free)).toBe(false)
  })

  it('keeps single keys for typing, while chords still work', () => {
    const registry = createShortcutRegistry()
    const next = vi.fn()
    const palette = vi.fn()
    registry.bind('list.next', next)
    registry.bind('palette.open', palette)
    const typing = { typing: true, modalOpen: false }
    expect(registry.dispatch(press('j'), typing)).toBe(false)
    expect(registry.dispatch(press('k', { ctrlKey: true }), typing)).toBe(true)
    expect(next).not.toHaveBeenCalled()
    expect(palette).toHaveBeenCalledOnce()
  })

  it('does nothing while a dialog is open', () => {
    const registry = createShortcutRegistry()
    const palette = vi.fn()
    registry.bind('palette.open', palette)
    expect(
      registry.dispatch(press('k', { ctrlKey: true }), { typing: false, modalOpen: true }),
    ).toBe(false)
    expect(palette).not.toHaveBeenCalled()
  })

  it('lets a handler decline, so the key does what it does anyway', () => {
    const registry = createShortcutRegistry()
    registry.bind('list.open', () => false)
    expect(registry.dispatch(press('Enter'), free)).toBe(false)
  })

  it('runs the latest binding, and the earlier one again once that is unbound', () => {
    const registry = createShortcutRegistry()
    const frame = vi.fn()
    const view = vi.fn()
    registry.bind('shortcuts.show', frame)
    const unbind = registry.bind('shortcuts.show', view)
    registry.dispatch(press('?'), free)
    unbind()
    registry.dispatch(press('?'), free)
    expect(view).toHaveBeenCalledOnce()
    expect(frame).toHaveBeenCalledOnce()
  })
})

describe('where keys are text', () => {
  const element = (tagName: string, attributes: Record<string, string> = {}, extra = {}) =>
    ({
      tagName,
      getAttribute: (name: string) => attributes[name] ?? null,
      closest: () => null,
      ...extra,
    }) satisfies KeyTarget

  it('knows text fields', () => {
    expect(readsTypedKeys(element('INPUT'))).toBe(true)
    expect(readsTypedKeys(element('INPUT', { type: 'search' }))).toBe(true)
    expect(readsTypedKeys(element('TEXTAREA'))).toBe(true)
    expect(readsTypedKeys(element('SELECT'))).toBe(true)
    expect(readsTypedKeys(element('DIV', {}, { isContentEditable: true }))).toBe(true)
    expect(readsTypedKeys(element('DIV', { role: 'textbox' }))).toBe(true)
  })

  it('leaves buttons, checkboxes, rows and the page to shortcuts', () => {
    expect(readsTypedKeys(element('BUTTON'))).toBe(false)
    expect(readsTypedKeys(element('INPUT', { type: 'checkbox' }))).toBe(false)
    expect(readsTypedKeys(element('LI'))).toBe(false)
    expect(readsTypedKeys(null)).toBe(false)
  })

  it('leaves letters to a listbox or menu that reads them itself', () => {
    expect(readsTypedKeys(element('LI', {}, { closest: () => ({}) }))).toBe(true)
  })
})
