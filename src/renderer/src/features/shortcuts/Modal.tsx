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
 * Esc closes it. Focus starts on the element marked `data-autofocus`. When it goes, focus goes back where it was before it opened (unless that
 * element went too, e.g. when a command switched views).
 */
export function Modal({ className, onDismiss, children, onKeyDown, ...labels }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)

  useLayoutEffect(() => {
    const element = dialog.current
    if (!element) return
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!element.open) element.showModal()
    // React's autoFocus fires before the dialog shows, when nothing in it can take focus.
    element.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    return () => {
      if (element.open) element.close()
      if (returnTo?.isConnected) returnTo.focus({ preventScroll: true })
    }
  }, [])

  return (
    <dialog
      ref={dialog}
      className={`modal ${className}`}
      {...labels}
      onKeyDown={onKeyDown}
      // Esc closes the dialog natively; a close from the cleanup above (still open again
      // when React re-runs effects in development) is not a dismissal.
      onClose={(event) => {
        if (!event.currentTarget.open) onDismiss()
      }}
      onClick={(event) => {
        // A click on the dialog element itself is a click on the backdrop around the content.
        if (event.target === event.currentTarget) onDismiss()
      }}
    >
      {children}
    </dialog>
  )
}
