import { describe, expect, it } from 'vitest'
import { ariaShortcut, isMacPlatform, shortcutLabel } from './keyboard'

describe('shortcuts', () => {
  it('shows Mod as Ctrl off macOS and as ⌘ on it', () => {
    expect(shortcutLabel('Mod+Shift+L', false)).toBe('Ctrl+Shift+L')
    expect(shortcutLabel('Mod+Shift+L', true)).toBe('⌘⇧L')
    expect(shortcutLabel('Mod+1', true)).toBe('⌘1')
  })

  it('writes aria-keyshortcuts with the platform modifier', () => {
    expect(ariaShortcut('Mod+2', false)).toBe('Control+2')
    expect(ariaShortcut('Mod+2', true)).toBe('Meta+2')
  })

  it('recognises macOS from the user agent', () => {
    expect(isMacPlatform('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)')).toBe(true)
    expect(isMacPlatform('Mozilla/5.0 (X11; Linux x86_64)')).toBe(false)
  })
})
