/** The parts of an element that say whether it reads typed keys itself. */
export interface KeyTarget {
  tagName: string
  isContentEditable?: boolean
  getAttribute(name: string): string | null
  closest?(selectors: string): unknown
}

// Inputs that take no text: a letter typed on them is free for a shortcut.
const keylessInputs = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
])

/** Widgets that read letters and arrows themselves (type-ahead, their own navigation). */
const keyReadingRoles = '[role="listbox"], [role="menu"], [role="grid"], [role="combobox"]'

/** True when a key pressed here is text or belongs to the widget, not to a shortcut. */
export function readsTypedKeys(target: KeyTarget | null): boolean {
  if (!target) return false
  const tag = target.tagName.toLowerCase()
  if (tag === 'textarea' || tag === 'select') return true
  if (tag === 'input')
    return !keylessInputs.has((target.getAttribute('type') ?? 'text').toLowerCase())
  if (target.isContentEditable) return true
  const role = target.getAttribute('role')
  if (role === 'textbox' || role === 'searchbox' || role === 'spinbutton') return true
  return Boolean(target.closest?.(keyReadingRoles))
}
