import { describe, expect, it } from 'vitest'
import { shortcutCertainty } from './shortcut-certainty'

const status = {
  accelerator: 'CommandOrControl+Shift+L',
  registered: true,
  problem: null,
  decidedBy: 'system' as const,
}

describe('what Settings says about the quick-add shortcut', () => {
  it('says the system took it, and that another app could still hold it', () => {
    expect(shortcutCertainty(status, true)).toBe(
      'Your system accepted ⌘⇧L. If pressing it does nothing, another app may be using the same keys: choose another.',
    )
  })

  it('on Wayland says only that Leadbox asked, and that the desktop decides', () => {
    expect(shortcutCertainty({ ...status, decidedBy: 'desktop' }, false)).toBe(
      "Leadbox asked your desktop for Ctrl+Shift+L. On Wayland your desktop decides, and may ask you first: if Ctrl+Shift+L doesn't open quick add, choose another here or set it in your desktop's keyboard settings.",
    )
  })

  it('says nothing of the kind when the shortcut was refused (the problem says why)', () => {
    expect(shortcutCertainty({ ...status, registered: false, problem: 'taken' }, false)).toBeNull()
  })
})
