/** Ids of elements other features are asked to focus after a view switch. */
export const focusTargets = {
  /** Settings → Quick-add shortcut → Change. */
  changeQuickAddShortcut: 'change-quick-add-shortcut',
} as const

/**
 * Focuses an element of a view that is about to show: it appears a frame or a few after the
 * switch (and after the frame has focused the view's heading). Gives up after ~1 s, when the
 * view never showed it (still loading, or the user went elsewhere).
 */
export function focusWhenShown(find: () => HTMLElement | null, frames = 60): void {
  const attempt = (left: number) => {
    const element = find()
    if (element) {
      element.focus()
      element.scrollIntoView({ block: 'nearest' })
      return
    }
    if (left > 0) requestAnimationFrame(() => attempt(left - 1))
  }
  requestAnimationFrame(() => attempt(frames))
}
