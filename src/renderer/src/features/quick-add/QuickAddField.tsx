import { useId, useState } from 'react'

export const quickAddExample = 'Acme renewal 5k EUR @Jane Doe #hot due fri'

/**
 * One line that will become a lead. Reading the line and saving it arrive with the outbox;
 * until then Enter does nothing and the note says so.
 */
export function QuickAddField() {
  const [text, setText] = useState('')
  const hintId = useId()
  const noteId = useId()

  return (
    <form className="quick-add__form" onSubmit={(event) => event.preventDefault()}>
      <input
        className="quick-add__input"
        type="text"
        aria-label="Describe the lead"
        aria-describedby={`${hintId} ${noteId}`}
        placeholder="Describe the lead…"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <p id={hintId} className="quick-add__hint">
        For example: <span className="quick-add__example">{quickAddExample}</span>
      </p>
      <p id={noteId} className="quick-add__note">
        Saving arrives with the outbox in a coming version. Nothing typed here is kept yet.
      </p>
    </form>
  )
}
