import type { Chip } from '../../../../shared/quick-add'
import type { ChipMeaning } from './chip-meaning'
import { ChipIcon } from './ChipIcon'

export type ShownChip = { chip: Chip; meaning: ChipMeaning }

interface Props {
  title: string
  chips: readonly ShownChip[]
  /** The chip the candidate list belongs to, marked so the eye finds it. */
  choosing: Chip | undefined
  onRemove: (chip: Chip) => void
}

/** What the line reads as so far: the lead's title, then one chip per recognised part. */
export function ChipList({ title, chips, choosing, onRemove }: Props) {
  return (
    <div className="quick-add__reading">
      <p className="quick-add__title">
        <span className="quick-add__title-label">Title</span>{' '}
        {title ? (
          <span className="quick-add__title-text" data-testid="quick-add-title">
            {title}
          </span>
        ) : (
          <span className="quick-add__title-empty">none yet</span>
        )}
      </p>
      {chips.length > 0 ? (
        <ul className="chips" aria-label="Read from the line">
          {chips.map(({ chip, meaning }) => (
            <li
              key={`${chip.start}:${chip.text}`}
              className="chip"
              data-kind={chip.kind}
              data-tone={meaning.tone}
              data-choosing={chip === choosing ? 'true' : undefined}
              // What was typed is on the line already; here it only answers "where from?".
              title={`Typed as ${chip.text}`}
            >
              <ChipIcon kind={chip.kind} />
              <span className="visually-hidden">{meaning.kindLabel}: </span>
              {meaning.color !== null ? (
                <span className="label-dot" data-color={meaning.color} aria-hidden="true" />
              ) : null}
              <span className="chip__meaning">{meaning.meaning}</span>
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove ${chip.text}`}
                title="Turn back into title words"
                onClick={() => onRemove(chip)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
