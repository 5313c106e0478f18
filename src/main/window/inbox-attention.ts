import { powerMonitor, type BrowserWindow } from 'electron'
import { attentionOf, type Attention } from '../core/freshness/freshness-plan'

/** How often the machine's idle time is read while the window is on screen. */
const idleCheckMs = 60_000

/**
 * Tells `onChange` how much the user looks at the main window (the inbox): on screen or
 * not, focused or not, and whether anyone has touched the machine lately. The OS gives
 * no event for "nobody is here", so while the window shows, its idle time is read each
 * minute.
 */
export function watchInboxAttention(
  window: BrowserWindow,
  onChange: (attention: Attention) => void,
): void {
  let last: Attention | null = null
  let poll: ReturnType<typeof setInterval> | null = null
  const update = () => {
    if (window.isDestroyed()) return
    const visible = window.isVisible() && !window.isMinimized()
    const attention = attentionOf({
      visible,
      focused: window.isFocused(),
      idleMs: powerMonitor.getSystemIdleTime() * 1_000,
    })
    if (visible && !poll) poll = setInterval(update, idleCheckMs)
    if (!visible && poll) {
      clearInterval(poll)
      poll = null
    }
    if (attention !== last) onChange(attention)
    last = attention
  }
  window.on('show', update)
  window.on('hide', update)
  window.on('minimize', update)
  window.on('restore', update)
  window.on('focus', update)
  window.on('blur', update)
  window.on('closed', () => {
    if (poll) clearInterval(poll)
    poll = null
    onChange('hidden')
  })
  update()
}
