/**
 * Keys pressed before the app listens for them.
 *
 * A window takes keys as soon as its page has run its script, but React draws the app a
 * moment later, and on a busy machine that moment can be long: Ctrl+K pressed the instant
 * the window opens, or the first letters typed into quick add, would go nowhere. A window's
 * entry script calls `holdEarlyKeys` first thing; the app hands the held keys on in the same
 * commit that attaches its own listeners (a layout effect), so no key falls in between.
 */
export interface EarlyKeys {
  /**
   * Presses the held keys again, in order, where focus is now, as if they came this moment;
   * holding stops. For a window whose keys are shortcuts (the main window).
   */
  replay(press?: (init: KeyboardEventInit) => void): void
  /**
   * The text typed so far (Backspace takes back a character); holding stops, and later
   * calls give ''. For a window whose keys are text (quick add).
   */
  takeText(): string
}

/** Keys that only change what the next key means. */
const modifierKeys = new Set(['Alt', 'AltGraph', 'CapsLock', 'Control', 'Meta', 'Shift'])

/** The parts of a key event that are held and pressed again. */
type HeldKey = Pick<
  KeyboardEvent,
  | 'key'
  | 'code'
  | 'location'
  | 'repeat'
  | 'ctrlKey'
  | 'metaKey'
  | 'altKey'
  | 'shiftKey'
  | 'isComposing'
  | 'defaultPrevented'
>

/** A key event, pressed again at the element that has focus now, like a key from the keyboard. */
function pressWhereFocused(init: KeyboardEventInit): void {
  const target = document.activeElement ?? document.body
  target.dispatchEvent(
    new KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true, composed: true }),
  )
}

/** Starts holding the key presses `target` (the window) receives. */
export function holdEarlyKeys(target: EventTarget): EarlyKeys {
  const pressed: HeldKey[] = []
  let text: string[] = []
  let holding = true

  // Text comes from keypress, which fires only for keys that type a character; Backspace
  // types none and has only its keydown.
  const onKeyDown = (event: Event) => {
    const key = event as KeyboardEvent
    if (key.isComposing || modifierKeys.has(key.key)) return
    pressed.push(key)
    if (key.key === 'Backspace' && !key.ctrlKey && !key.metaKey && !key.altKey) {
      text = text.slice(0, -1)
    }
  }
  const onKeyPress = (event: Event) => {
    const key = event as KeyboardEvent
    // Ctrl with Alt is AltGr on Windows, which types "@" on many layouts.
    if (key.metaKey || (key.ctrlKey && !key.altKey) || key.isComposing) return
    // "Enter" and the like are names, not text: one character (one code point) is text.
    if ([...key.key].length === 1) text.push(key.key)
  }
  target.addEventListener('keydown', onKeyDown)
  target.addEventListener('keypress', onKeyPress)

  const stop = () => {
    holding = false
    target.removeEventListener('keydown', onKeyDown)
    target.removeEventListener('keypress', onKeyPress)
  }

  return {
    replay(press = pressWhereFocused) {
      if (!holding) return
      stop()
      for (const key of pressed) {
        // Something handled it already: it needs no second go.
        if (key.defaultPrevented) continue
        press({
          key: key.key,
          code: key.code,
          location: key.location,
          repeat: key.repeat,
          ctrlKey: key.ctrlKey,
          metaKey: key.metaKey,
          altKey: key.altKey,
          shiftKey: key.shiftKey,
        })
      }
    },
    takeText() {
      if (!holding) return ''
      stop()
      return text.join('')
    },
  }
}
