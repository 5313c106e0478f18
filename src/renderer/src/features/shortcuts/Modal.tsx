import { useLayoutEffect, useRef, type KeyboardEventHandler, type ReactNode } from 'react'

interface Props {
  className: string
  /** Esc, a click outside, or a close button inside: the owner unmounts the dialog. */
  onDismiss: () => void
  children: ReactNode
  'aria-label'?: string
  'aria-labelledby'?: string
  onKeyDown?: KeyboardEventHandler<HTMLDialogElement>
}

/**
 * A native modal <dialog>: the browser keeps focus inside and the page behind inert, and
 * Esc closes it. Focus starts on the element marked `data-autofocus`. When it goes, focus goes
 * back where it was before it opened (unless that element went too, e.g. when a command
 * switched views).
 */
export function Modal({ className, onDismiss, children, onKeyDown, ...labels }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const dismiss = useRef(onDismiss)
  useLayoutEffect(() => {
    dismiss.current = onDismiss
  })

  useLayoutEffect(() => {
    const element = dialog.current
    if (!element) return
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const giveFocusBack = () => {
      if (returnTo?.isConnected) returnTo.focus({ preventScroll: true })
      // The page's body takes no focus(); focus must still leave the closed dialog.
      const left = document.activeElement
      if (left instanceof HTMLElement && element.contains(left)) left.blur()
    }
    if (!element.open) element.showModal()
    // React's autoFocus fires before the dialog shows, when nothing in it can take focus.
    element.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    // Esc hides the dialog at once, but focus stays in it and its close event comes a task
    // later; Chromium runs a key typed meanwhile first, into the hidden field. Watching the
    // open attribute gives focus back in the task that closed it.
    const closing = new MutationObserver(() => {
      if (element.open) return
      closing.disconnect()
      giveFocusBack()
      dismiss.current()
    })
    closing.observe(element, { attributes: true, attributeFilter: ['open'] })
    return () => {
      // Closed by its owner (or by React re-running effects in development): no dismissal.
      closing.disconnect()
      if (element.open) element.close()
      giveFocusBack()
    }
  }, [])

  return (
    <dialog
      ref={dialog}
      className={`modal ${className}`}
      {...labels}
      onKeyDown={onKeyDown}
      onClick={(event) => {
        // A click on the dialog element itself is a click on the backdrop around the content.
        if (event.target === event.currentTarget) onDismiss()
      }}
    >
      {children}
    </dialog>
  )
}
