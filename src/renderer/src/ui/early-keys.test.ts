import { describe, expect, it } from 'vitest'
import { holdEarlyKeys } from './early-keys'

type Held = Partial<Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>>

/** A key event as the window hands it on, without a DOM: Node's Event with a key's fields. */
function keyEvent(type: 'keydown' | 'keypress', key: string, held: Held = {}) {
  return Object.assign(new Event(type, { cancelable: true }), {
    key,
    code: '',
    location: 0,
    repeat: false,
    isComposing: false,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...held,
  })
}

/**
 * Presses a key the way a browser does: keydown, then keypress when it types a character,
 * which a Ctrl or Cmd chord does not, but AltGr (Ctrl+Alt on Windows) does.
 */
function press(target: EventTarget, key: string, held: Held = {}) {
  const down = keyEvent('keydown', key, held)
  target.dispatchEvent(down)
  const chord = held.metaKey || (held.ctrlKey && !held.altKey)
  const types = [...key].length === 1 && !chord
  if (types) target.dispatchEvent(keyEvent('keypress', key, held))
  return down
}

describe('keys pressed before the app listens', () => {
  it('are pressed again in order, without the bare modifiers', () => {
    const window = new EventTarget()
    const early = holdEarlyKeys(window)
    press(window, 'Control')
    press(window, 'k', { ctrlKey: true })
    press(window, '?', { shiftKey: true })
    const replayed: KeyboardEventInit[] = []
    early.replay((init) => replayed.push(init))
    expect(replayed.map(({ key, ctrlKey, shiftKey }) => ({ key, ctrlKey, shiftKey }))).toEqual([
      { key: 'k', ctrlKey: true, shiftKey: false },
      { key: '?', ctrlKey: false, shiftKey: true },
    ])
  })

  it('skip a key something handled already', () => {
    const window = new EventTarget()
    const early = holdEarlyKeys(window)
    press(window, 'n').preventDefault()
    press(window, 'j')
    const replayed: KeyboardEventInit[] = []
    early.replay((init) => replayed.push(init))
    expect(replayed.map((init) => init.key)).toEqual(['j'])
  })

  it('stop being held once handed on', () => {
    const window = new EventTarget()
    const early = holdEarlyKeys(window)
    press(window, 'a')
    const replayed: KeyboardEventInit[] = []
    early.replay((init) => replayed.push(init))
    press(window, 'b')
    early.replay((init) => replayed.push(init))
    expect(replayed.map((init) => init.key)).toEqual(['a'])
    expect(early.takeText()).toBe('')
  })

  it('read as text: characters typed, Backspace taking one back, names and chords left out', () => {
    const window = new EventTarget()
    const early = holdEarlyKeys(window)
    for (const key of ['A', 'c', 'm', 'x', 'Backspace', 'e', ' ', '@', 'Enter', 'Tab']) {
      press(window, key)
    }
    // A keypress of a chord, as some layouts send: not text.
    window.dispatchEvent(keyEvent('keypress', 'k', { ctrlKey: true }))
    press(window, 'ł', { ctrlKey: true, altKey: true })
    expect(early.takeText()).toBe('Acme @ł')
    press(window, 'z')
    expect(early.takeText()).toBe('')
  })
})
