import { describe, expect, it } from 'vitest'
import type { KeyPress } from '../../ui/keyboard'
import { readableAccelerator, readableProblem, recordAccelerator } from './accelerator'

const press = (key: string, code: string, held: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...held,
})

describe('recording a shortcut from a key press', () => {
  it('reads Ctrl elsewhere and Cmd on macOS as CommandOrControl', () => {
    expect(recordAccelerator(press('K', 'KeyK', { ctrlKey: true, shiftKey: true }), false)).toEqual(
      { kind: 'shortcut', accelerator: 'CommandOrControl+Shift+K' },
    )
    expect(recordAccelerator(press('k', 'KeyK', { metaKey: true, shiftKey: true }), true)).toEqual({
      kind: 'shortcut',
      accelerator: 'CommandOrControl+Shift+K',
    })
  })

  it('keeps the other modifier under its own name', () => {
    expect(recordAccelerator(press('l', 'KeyL', { ctrlKey: true, metaKey: true }), true)).toEqual({
      kind: 'shortcut',
      accelerator: 'CommandOrControl+Control+L',
    })
    expect(recordAccelerator(press('l', 'KeyL', { metaKey: true, altKey: true }), false)).toEqual({
      kind: 'shortcut',
      accelerator: 'Super+Alt+L',
    })
  })

  it('reads the physical key, not what Option or Shift made of it', () => {
    expect(recordAccelerator(press('˚', 'KeyK', { altKey: true }), true)).toEqual({
      kind: 'shortcut',
      accelerator: 'Alt+K',
    })
    expect(
      recordAccelerator(press('?', 'Slash', { ctrlKey: true, shiftKey: true }), false),
    ).toEqual({ kind: 'shortcut', accelerator: 'CommandOrControl+Shift+/' })
    expect(recordAccelerator(press('л', 'KeyK', { ctrlKey: true }), false)).toEqual({
      kind: 'shortcut',
      accelerator: 'CommandOrControl+K',
    })
  })

  it('names digits, function keys and named keys as Electron does', () => {
    const ctrl = { ctrlKey: true, altKey: true }
    expect(recordAccelerator(press('1', 'Digit1', ctrl), false)).toMatchObject({
      accelerator: 'CommandOrControl+Alt+1',
    })
    expect(recordAccelerator(press('F5', 'F5', ctrl), false)).toMatchObject({
      accelerator: 'CommandOrControl+Alt+F5',
    })
    expect(recordAccelerator(press('ArrowUp', 'ArrowUp', ctrl), false)).toMatchObject({
      accelerator: 'CommandOrControl+Alt+Up',
    })
    expect(recordAccelerator(press(' ', 'Space', ctrl), false)).toMatchObject({
      accelerator: 'CommandOrControl+Alt+Space',
    })
  })

  it('shows modifiers held so far, and nothing once they are let go', () => {
    expect(
      recordAccelerator(press('Shift', 'ShiftLeft', { ctrlKey: true, shiftKey: true }), false),
    ).toEqual({ kind: 'partial', held: 'CommandOrControl+Shift+' })
    expect(recordAccelerator(press('Control', 'ControlLeft'), false)).toEqual({
      kind: 'partial',
      held: '',
    })
  })

  it('refuses a key without Ctrl, Cmd or Alt, which would take it from every other app', () => {
    expect(recordAccelerator(press('k', 'KeyK'), false)).toMatchObject({ kind: 'refused' })
    expect(recordAccelerator(press('K', 'KeyK', { shiftKey: true }), false)).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('Ctrl or Alt'),
    })
  })

  it('falls back to the typed letter when the keyboard gives no physical key', () => {
    expect(recordAccelerator(press('k', '', { ctrlKey: true }), false)).toEqual({
      kind: 'shortcut',
      accelerator: 'CommandOrControl+K',
    })
  })

  it('refuses keys a global shortcut cannot use', () => {
    expect(recordAccelerator(press('1', 'Numpad1', { ctrlKey: true }), false)).toMatchObject({
      kind: 'refused',
    })
    expect(recordAccelerator(press('Unidentified', '', { ctrlKey: true }), false)).toMatchObject({
      kind: 'refused',
    })
  })
})

describe('showing a shortcut', () => {
  it('writes it the way each platform does', () => {
    expect(readableAccelerator('CommandOrControl+Shift+L', true)).toBe('⌘⇧L')
    expect(readableAccelerator('CommandOrControl+Shift+L', false)).toBe('Ctrl+Shift+L')
    expect(readableAccelerator('Control+Alt+Up', true)).toBe('⌃⌥↑')
    expect(readableAccelerator('CmdOrCtrl+Plus', false)).toBe('Ctrl++')
  })

  it('shows a half-pressed one with an ellipsis', () => {
    expect(readableAccelerator('CommandOrControl+Shift+', false)).toBe('Ctrl+Shift+…')
    expect(readableAccelerator('CommandOrControl+Shift+', true)).toBe('⌘⇧…')
  })

  it('puts the readable form into main’s message', () => {
    expect(
      readableProblem(
        'CommandOrControl+Alt+J is used by another application. Pick another shortcut.',
        'CommandOrControl+Alt+J',
        false,
      ),
    ).toBe('Ctrl+Alt+J is used by another application. Pick another shortcut.')
  })
})

describe('recording a combination the system uses', () => {
  it('refuses it and says what the system does with it', () => {
    expect(recordAccelerator(press('c', 'KeyC', { ctrlKey: true }), false)).toEqual({
      kind: 'refused',
      reason: 'Your system uses that shortcut to copy. Pick another.',
    })
    expect(recordAccelerator(press('F4', 'F4', { altKey: true }), false)).toEqual({
      kind: 'refused',
      reason: 'Your system uses that shortcut to close windows. Pick another.',
    })
    expect(recordAccelerator(press('q', 'KeyQ', { metaKey: true }), true)).toEqual({
      kind: 'refused',
      reason: 'Your system uses that shortcut to quit apps. Pick another.',
    })
    expect(recordAccelerator(press(' ', 'Space', { metaKey: true }), true)).toEqual({
      kind: 'refused',
      reason: 'Your system uses that shortcut to open Spotlight. Pick another.',
    })
  })

  it('still takes a free combination with the same key', () => {
    expect(recordAccelerator(press('c', 'KeyC', { ctrlKey: true, altKey: true }), false)).toEqual({
      kind: 'shortcut',
      accelerator: 'CommandOrControl+Alt+C',
    })
  })
})
