import { describe, expect, it } from 'vitest'
import { defaultQuickAddShortcut, shortcutSchema, systemShortcutUse } from './shortcut'

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

  it("refuses the system's own shortcuts, in plain words", () => {
    const refused: Array<[string, string]> = [
      ['Ctrl+C', 'copy'],
      ['CommandOrControl+C', 'copy'],
      ['CmdOrCtrl+V', 'paste'],
      ['Control+X', 'cut'],
      ['Ctrl+Z', 'undo'],
      ['Ctrl+A', 'select all'],
      ['Alt+F4', 'close windows'],
      ['Alt+Tab', 'switch windows'],
      ['Shift+Alt+Tab', 'switch windows'],
      ['Command+Q', 'quit apps'],
      ['CommandOrControl+Q', 'quit apps'],
      ['Cmd+Tab', 'switch apps'],
      ['Ctrl+Alt+Delete', 'open the security screen'],
      ['Alt+Ctrl+Delete', 'open the security screen'],
      ['Cmd+Space', 'open Spotlight'],
      ['Super+Space', 'open Spotlight'],
      ['Ctrl+Shift+Esc', 'open Task Manager'],
      ['Super+L', 'lock the screen'],
      ['Cmd+Shift+4', 'take screenshots'],
    ]
    for (const [accelerator, use] of refused) {
      const message = `Your system uses that shortcut to ${use}. Pick another.`
      expect(systemShortcutUse(accelerator), accelerator).toBe(message)
      const parsed = shortcutSchema.safeParse(accelerator)
      expect(parsed.success, accelerator).toBe(false)
      expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([message])
    }
  })

  it('leaves ordinary combinations free', () => {
    for (const accelerator of [
      defaultQuickAddShortcut,
      'Ctrl+Alt+C',
      'CommandOrControl+Shift+C',
      'Alt+Space',
      'Super+K',
      'Ctrl+Alt+Space',
    ]) {
      expect(systemShortcutUse(accelerator), accelerator).toBeNull()
    }
  })
})
