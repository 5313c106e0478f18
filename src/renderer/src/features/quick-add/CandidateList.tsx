import type { ChoosableChip } from './line-to-draft'
import { optionLabel, type CandidateOption } from './candidate-choice'

interface Props {
  id: string
  chip: ChoosableChip
  options: readonly CandidateOption[]
  highlighted: number
  optionId: (index: number) => string
  onPick: (option: CandidateOption) => void
}

const asked = { person: 'Which person', organization: 'Which organization', label: 'Which label' }

export function candidatePrompt(chip: ChoosableChip): string {
  return `${asked[chip.kind]} is “${chip.match.name}”?`
}

/**
 * The candidates of the ambiguous chip at the caret. Focus stays in the line
 * (aria-activedescendant), so typing goes on while the list is open.
 */
export function CandidateList({ id, chip, options, highlighted, optionId, onPick }: Props) {
  const promptId = `${id}-prompt`
  return (
    <div className="candidates">
      <p id={promptId} className="candidates__prompt">
        {candidatePrompt(chip)}{' '}
        <span className="candidates__keys">↑ ↓ move · Enter or Tab picks · Esc closes</span>
      </p>
      <ul id={id} role="listbox" aria-labelledby={promptId} className="candidates__list">
        {options.map((option, index) => (
          <li
            key={
              option.kind === 'label'
                ? option.label.id
                : option.kind === 'existing'
                  ? option.id
                  : option.kind === 'queued'
                    ? `queued-${option.outboxId}`
                    : 'new'
            }
            id={optionId(index)}
            role="option"
            aria-selected={index === highlighted}
            className="candidates__option"
            data-new={option.kind === 'new' ? 'true' : undefined}
            // Keeps focus in the line: the click picks, the caret stays where it was.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(option)}
          >
            {option.kind === 'label' ? (
              <span className="label-dot" data-color={option.label.color} aria-hidden="true" />
            ) : null}
            <span>{optionLabel(chip, option)}</span>
            {option.kind === 'existing' && option.detail ? (
              <span className="candidates__detail">{option.detail}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  )
}
