import { useLayoutEffect, useRef } from 'react'
import { readsTypedKeys } from './key-targets'
import { mainWindowShortcuts, type ShortcutHandler } from './shortcut-registry'
import type { RegistryShortcutId } from './shortcut-list'

/**
 * Binds a shortcut of the registry while the component is mounted (and `enabled`). The
 * handler may change on every render; the binding does not.
 *
 * Bindings and the key listener are layout effects, which run in the same task that puts the
 * component on screen: whatever the user sees answers its keys. Passive effects (useEffect)
 * run a task or more later, after the browser has painted, and a key pressed in between
 * (Ctrl+K the moment the window shows) would find nothing bound.
 */
export function useShortcut(id: RegistryShortcutId, handler: ShortcutHandler, enabled = true) {
  const latest = useRef(handler)
  useLayoutEffect(() => {
    latest.current = handler
  })
  useLayoutEffect(() => {
    if (!enabled) return
    return mainWindowShortcuts.bind(id, () => latest.current())
  }, [id, enabled])
}

/** True while a modal dialog (the palette, the shortcut overlay) has the keyboard. */
export function modalIsOpen(): boolean {
  return document.querySelector('dialog:modal, [aria-modal="true"]') !== null
}

/**
 * Listens for the registry's shortcuts in the main window; mounted once, by the frame. A
 * layout effect, like the bindings: see useShortcut.
 */
export function useShortcutKeys() {
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Handled already (a recorder, a dialog), or a character being composed (IME).
      if (event.defaultPrevented || event.isComposing) return
      const target = event.target instanceof Element ? event.target : null
      const handled = mainWindowShortcuts.dispatch(event, {
        typing: readsTypedKeys(target),
        modalOpen: modalIsOpen(),
      })
      if (handled) event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
