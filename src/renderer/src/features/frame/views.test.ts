import { describe, expect, it } from 'vitest'
import type { KeyPress } from '../../ui/keyboard'
import { nextNavIndex, viewForShortcut } from './views'

const press = (overrides: Partial<KeyPress>): KeyPress => ({
  key: '',
  code: '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...overrides,
})

describe('viewForShortcut', () => {
  it('maps Ctrl or Cmd + 1, 2, 3 to the views in order', () => {
    expect(viewForShortcut(press({ key: '1', code: 'Digit1', ctrlKey: true }))).toBe('inbox')
    expect(viewForShortcut(press({ key: '2', code: 'Digit2', metaKey: true }))).toBe('outbox')
    expect(viewForShortcut(press({ key: '3', code: 'Numpad3', ctrlKey: true }))).toBe('settings')
  })

  it('reads the physical key on layouts where the digit needs Shift', () => {
    expect(viewForShortcut(press({ key: '&', code: 'Digit1', ctrlKey: true }))).toBe('inbox')
  })

  it('ignores other digits, plain digits and extra modifiers', () => {
    expect(viewForShortcut(press({ key: '4', code: 'Digit4', ctrlKey: true }))).toBeNull()
    expect(viewForShortcut(press({ key: '1', code: 'Digit1' }))).toBeNull()
    expect(
      viewForShortcut(press({ key: '1', code: 'Digit1', ctrlKey: true, shiftKey: true })),
    ).toBeNull()
    expect(viewForShortcut(press({ key: '1', code: 'Digit1', ctrlKey: true, altKey: true }))).toBe(
      null,
    )
    expect(viewForShortcut(press({ key: 'k', code: 'KeyK', ctrlKey: true }))).toBeNull()
  })
})

describe('nextNavIndex', () => {
  it('moves with arrows and wraps around', () => {
    expect(nextNavIndex('ArrowDown', 0, 3)).toBe(1)
    expect(nextNavIndex('ArrowDown', 2, 3)).toBe(0)
    expect(nextNavIndex('ArrowUp', 0, 3)).toBe(2)
  })

  it('jumps with Home and End and ignores other keys', () => {
    expect(nextNavIndex('Home', 2, 3)).toBe(0)
    expect(nextNavIndex('End', 0, 3)).toBe(2)
    expect(nextNavIndex('Enter', 1, 3)).toBeNull()
  })
})
