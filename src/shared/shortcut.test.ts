import { describe, expect, it } from 'vitest'
import { defaultQuickAddShortcut, shortcutSchema } from './shortcut'

describe('the shortcut schema', () => {
  it('takes Electron accelerators with modifiers', () => {
    for (const accelerator of [
      defaultQuickAddShortcut,
      'Alt+Space',
      'Ctrl+Alt+F12',
      'Super+Shift+/',
      'CmdOrCtrl+Plus',
    ]) {
      expect(shortcutSchema.safeParse(accelerator).success, accelerator).toBe(true)
    }
  })

  it('refuses keys alone, doubled modifiers, unknown names and junk', () => {
    for (const accelerator of [
      'L',
      'Shift',
      'Shift+Shift+L',
      'Hyper+L',
      'Ctrl+',
      'Ctrl+LL',
      '',
      'Ctrl+F25',
      'Ctrl + L',
    ]) {
      expect(shortcutSchema.safeParse(accelerator).success, accelerator).toBe(false)
    }
  })
})
