import { useRef, useState, type FocusEvent, type KeyboardEvent, type Ref } from 'react'
import { ariaShortcut, shortcutLabel } from '../../ui/keyboard'
import { nextNavIndex, views, type ViewId } from './views'

interface Props {
  current: ViewId
  onSelect: (view: ViewId) => void
  /** The list, so the frame can send focus back here on Esc. */
  ref?: Ref<HTMLUListElement>
}

/**
 * The view list. One Tab stop (roving tabindex): arrows, Home and End move between items,
 * Enter or Space opens one. Tabbing in lands on the current view.
 */
export function ViewNav({ current, onSelect, ref }: Props) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  const [focused, setFocused] = useState<number | null>(null)
  const currentIndex = views.findIndex((view) => view.id === current)
  const tabStop = focused ?? currentIndex

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const next = nextNavIndex(event.key, tabStop, views.length)
    if (next === null) return
    event.preventDefault()
    buttons.current[next]?.focus()
  }

  const onBlur = (event: FocusEvent<HTMLUListElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setFocused(null)
  }

  return (
    <nav className="view-nav" aria-label="Views">
      <ul className="view-nav__list" ref={ref} onKeyDown={onKeyDown} onBlur={onBlur}>
        {views.map((view, index) => (
          <li key={view.id}>
            <button
              ref={(element) => {
                buttons.current[index] = element
              }}
              type="button"
              className="view-nav__item"
              tabIndex={index === tabStop ? 0 : -1}
              aria-current={view.id === current ? 'page' : undefined}
              aria-keyshortcuts={ariaShortcut(view.shortcut)}
              onFocus={() => setFocused(index)}
              onClick={() => onSelect(view.id)}
            >
              <span className="view-nav__title">{view.title}</span>
              <kbd className="view-nav__shortcut" aria-hidden="true">
                {shortcutLabel(view.shortcut)}
              </kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
