import type { CatalogEntry, Chip, LeadLabel, ParsedQuickAdd } from '../../../../shared/quick-add'
import {
  isUnresolved,
  leftOutBecause,
  pickKey,
  resolveLabel,
  resolveName,
  type Choice,
  type ChoosableChip,
  type Picks,
} from './line-to-draft'

/** One entry of the candidate list under an ambiguous chip. */
export type CandidateOption =
  | { kind: 'existing'; id: number; name: string; detail: string | null }
  | { kind: 'label'; label: LeadLabel }
  /** A new person an earlier lead queued, not yet in Pipedrive. */
  | { kind: 'queued'; outboxId: number; name: string }
  | { kind: 'new'; name: string }

/**
 * The ambiguous chip the caret is in or right after, whose candidates the window offers.
 * A chip left out of the lead (a second person) needs no answer.
 */
export function chipAtCaret(
  parsed: ParsedQuickAdd,
  caret: number,
  picks: Picks,
): ChoosableChip | undefined {
  return parsed.chips.find(
    (chip): chip is ChoosableChip =>
      chip.start < caret &&
      caret <= chip.end &&
      isUnresolved(chip, picks) &&
      leftOutBecause(chip, parsed, picks) === null,
  )
}

/** Same names twice get their Pipedrive id beside them, or the user could not tell them apart. */
function withDetails(entries: readonly CatalogEntry[]): CandidateOption[] {
  const seen = new Map<string, number>()
  for (const entry of entries) seen.set(entry.name, (seen.get(entry.name) ?? 0) + 1)
  return entries.map((entry) => ({
    kind: 'existing',
    id: entry.id,
    name: entry.name,
    detail: (seen.get(entry.name) ?? 0) > 1 ? `Pipedrive id ${entry.id}` : null,
  }))
}

/** The candidates, best first; a person or organization may also be someone new. */
export function candidateOptions(chip: ChoosableChip, picks: Picks): CandidateOption[] {
  if (chip.kind === 'label') {
    const found = resolveLabel(chip, picks)
    return found.kind === 'ambiguous'
      ? found.candidates.map((label) => ({ kind: 'label', label }))
      : []
  }
  const found = resolveName(chip, picks)
  if (found.kind !== 'ambiguous') return []
  const queued: CandidateOption[] = found.queued
    ? [{ kind: 'queued', outboxId: found.queued.outboxId, name: found.queued.name }]
    : []
  return [...withDetails(found.candidates), ...queued, { kind: 'new', name: found.name }]
}

export function optionLabel(chip: Chip, option: CandidateOption): string {
  if (option.kind === 'label') return option.label.name
  if (option.kind === 'existing') return option.name
  if (option.kind === 'queued') return `${option.name} (waiting to be sent)`
  return `New ${chip.kind === 'person' ? 'person' : 'organization'} “${option.name}”`
}

const sigils = { person: '@', organization: '+', label: '#' } as const

export type Picked = {
  text: string
  /** Where the caret goes: after the chip and the space that follows it. */
  caret: number
  /** The choice to remember, for names that the written form alone cannot settle. */
  key: string
  choice: Choice
}

/**
 * The line with the chip written as the exact, quoted name picked: `@Jan` becomes
 * `@"Jan Novak"`. A quote inside a name would end the quoted form, so it becomes a
 * typographic one, the way the parser's own chip removal does.
 */
export function pickCandidate(input: string, chip: ChoosableChip, option: CandidateOption): Picked {
  const name = (option.kind === 'label' ? option.label.name : option.name).replaceAll('"', '”')
  const written = `${sigils[chip.kind]}"${name}"`
  const after = input.slice(chip.end)
  const spaced = /^\s/.test(after) ? after : ` ${after}`
  const choice: Choice =
    option.kind === 'label'
      ? { kind: 'label', id: option.label.id }
      : option.kind === 'existing'
        ? { kind: 'entry', id: option.id }
        : option.kind === 'queued'
          ? { kind: 'queued', outboxId: option.outboxId }
          : { kind: 'new' }
  return {
    text: input.slice(0, chip.start) + written + spaced,
    caret: chip.start + written.length + 1,
    key: pickKey(chip.kind, name),
    choice,
  }
}
