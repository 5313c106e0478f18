interface Props {
  /** The short line's id: the field is described by it alone. */
  id: string
}

/** One short line under the field; the rest of the keys and marks behind "More". */
export function QuickAddHelp({ id }: Props) {
  return (
    <div className="quick-add__help">
      <p id={id} className="quick-add__hint">
        <kbd>Enter</kbd> saves · <code>@person</code> <code>+organization</code> <code>#label</code>
      </p>
      <details className="quick-add__more">
        <summary>More</summary>
        <ul className="quick-add__more-list">
          <li>
            <kbd>Ctrl+Enter</kbd> opens the full form
          </li>
          <li>
            <kbd>Esc</kbd> clears the line, or hides the window when it is empty
          </li>
          <li>
            <kbd>Backspace</kbd> after a chip and a space turns it back into words
          </li>
          <li>
            <code>@"Jane Doe"</code> names someone new in full
          </li>
          <li>
            Money: <code>5k</code>, <code>€5,000</code>; a close date: <code>due fri</code>
          </li>
          <li>
            The next activity: <code>call fri 10am</code>, <code>meeting tomorrow 14:00</code>
          </li>
          <li>
            An email and a phone number go to the new person: <code>@"Mia Wong"</code>{' '}
            <code>mia@globex.example</code> <code>+44 20 7946 0958</code>
          </li>
          <li>
            <kbd>Alt+V</kbd> puts the contact offered from the clipboard in the line
          </li>
        </ul>
      </details>
    </div>
  )
}
