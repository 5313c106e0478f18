import { describe, expect, it } from 'vitest'
import type { KeyPress } from '../../ui/keyboard'
import { recordAccelerator } from './accelerator'

const press = (key: string, code: string, held: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...held,
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
