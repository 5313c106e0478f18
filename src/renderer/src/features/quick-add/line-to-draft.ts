import type { LeadDefaults } from '../../../../shared/leads/lead-defaults'
import { noLeadDefaults } from '../../../../shared/leads/no-lead-defaults'
import type { LeadDraft } from '../../../../shared/leads/lead-draft'
import {
  normalizeName,
  type CatalogEntry,
  type Chip,
  type LabelChip,
  type LeadLabel,
  type OrganizationChip,
  type ParsedQuickAdd,
  type PersonChip,
  type QueuedPerson,
} from '../../../../shared/quick-add'

/**
 * From a parsed line to the lead it describes: what each chip stands for once the user's
 * picks are applied, which chips the lead uses, and the draft itself.
 */

export type NamedChip = PersonChip | OrganizationChip
export type ChoosableChip = NamedChip | LabelChip

/** What the user picked for a name that fits several entries. */
export type Choice =
  | { kind: 'entry'; id: number }
  | { kind: 'label'; id: string }
  | { kind: 'queued'; outboxId: number }
  | { kind: 'new' }

/**
 * Choices by chip kind and name. Writing `@"Full Name"` settles most of them by itself; this
 * covers two entries with the same name.
 */
export type Picks = ReadonlyMap<string, Choice>

export function pickKey(kind: ChoosableChip['kind'], name: string): string {
  return `${kind}:${normalizeName(name)}`
}

export type NameResolution =
  | { kind: 'existing'; id: number; name: string }
  | { kind: 'new'; name: string }
  /** A new person an earlier lead queued: this lead waits for them. */
  | ({ kind: 'queued' } & QueuedPerson)
  | { kind: 'ambiguous'; name: string; candidates: CatalogEntry[]; queued?: QueuedPerson }

export type LabelResolution =
  | { kind: 'existing'; label: LeadLabel }
  | { kind: 'unknown'; name: string }
  | { kind: 'ambiguous'; name: string; candidates: LeadLabel[] }

export function resolveName(chip: NamedChip, picks: Picks): NameResolution {
  const { match, candidates } = chip
  if (match.kind !== 'ambiguous') return match
  const choice = picks.get(pickKey(chip.kind, match.name))
  if (choice?.kind === 'new') return { kind: 'new', name: match.name }
  const queued = chip.kind === 'person' ? chip.queued : undefined
  if (queued && choice?.kind === 'queued' && choice.outboxId === queued.outboxId) {
    return { kind: 'queued', ...queued }
  }
  const picked = choice?.kind === 'entry' && candidates.find((entry) => entry.id === choice.id)
  if (picked) return { kind: 'existing', id: picked.id, name: picked.name }
  return { kind: 'ambiguous', name: match.name, candidates, ...(queued ? { queued } : {}) }
}

export function resolveLabel(chip: LabelChip, picks: Picks): LabelResolution {
  const { match, candidates } = chip
  if (match.kind === 'new') return { kind: 'unknown', name: match.name }
  if (match.kind === 'existing') {
    const label = candidates.find((entry) => entry.id === match.id)
    return { kind: 'existing', label: label ?? { id: match.id, name: match.name, color: '' } }
  }
  const choice = picks.get(pickKey('label', match.name))
  const picked = choice?.kind === 'label' && candidates.find((entry) => entry.id === choice.id)
  return picked
    ? { kind: 'existing', label: picked }
    : { kind: 'ambiguous', name: match.name, candidates }
}

/** Whether the chip still waits for the user to say which entry it means. */
export function isUnresolved(chip: Chip, picks: Picks): chip is ChoosableChip {
  if (chip.kind === 'person' || chip.kind === 'organization') {
    return resolveName(chip, picks).kind === 'ambiguous'
  }
  if (chip.kind === 'label') return resolveLabel(chip, picks).kind === 'ambiguous'
  return false
}

/**
 * Why a chip does not reach the lead, or null when it does. A lead has one person and one
 * organization (the first typed wins); only labels Pipedrive already has can be set.
 */
export function leftOutBecause(chip: Chip, parsed: ParsedQuickAdd, picks: Picks): string | null {
  if (chip.kind === 'person' || chip.kind === 'organization') {
    const first = parsed.chips.find((other) => other.kind === chip.kind)
    if (first !== chip) {
      return chip.kind === 'person'
        ? 'not linked: a lead has one person'
        : 'not linked: a lead has one organization'
    }
    return null
  }
  if (chip.kind === 'label' && resolveLabel(chip, picks).kind === 'unknown') {
    return 'not sent: Pipedrive has no such label'
  }
  if (chip.kind === 'email' || chip.kind === 'phone') {
    // The details go to the person the lead is linked to: the line's first.
    const person = parsed.chips.find((other) => other.kind === 'person')
    if (!person) return 'not saved: name a new person with @ to save it with'
    const found = resolveName(person, picks)
    if (found.kind === 'existing') {
      return 'not saved: quick add does not change people already in Pipedrive'
    }
    if (found.kind === 'queued') {
      const same =
        chip.kind === 'email' ? found.email === chip.address : found.phone === chip.number
      if (!same) return 'not saved: quick add does not change a person already waiting to be sent'
    }
  }
  return null
}

export type DraftFromLine =
  | { kind: 'ready'; draft: LeadDraft }
  /** A name or label fits several entries: the user picks before the lead is saved. */
  | { kind: 'unresolved'; chip: ChoosableChip }

/**
 * The lead a line describes. Completeness (a title, a person or an organization) is main's
 * to judge, with the same schema, so its messages are the ones the user sees.
 */
export function draftFromLine(
  parsed: ParsedQuickAdd,
  picks: Picks,
  defaults: LeadDefaults = noLeadDefaults,
): DraftFromLine {
  const unresolved = parsed.chips.find(
    (chip): chip is ChoosableChip =>
      isUnresolved(chip, picks) && leftOutBecause(chip, parsed, picks) === null,
  )
  if (unresolved) return { kind: 'unresolved', chip: unresolved }

  const draft: LeadDraft = { title: parsed.title }
  const labelIds: string[] = []
  // For the line's new person, who may be typed after them.
  const details: { email?: string; phone?: string } = {}
  for (const chip of parsed.chips) {
    if (leftOutBecause(chip, parsed, picks) !== null) continue
    switch (chip.kind) {
      case 'person':
      case 'organization': {
        const found = resolveName(chip, picks)
        const ref =
          found.kind === 'existing'
            ? { kind: 'existing' as const, id: found.id }
            : { kind: 'new' as const, name: found.name }
        if (chip.kind === 'organization') draft.organization = ref
        else if (found.kind !== 'queued') draft.person = ref
        else {
          const { outboxId, kind: _kind, ...person } = found
          draft.person = { kind: 'new', ...person, queuedAs: outboxId }
        }
        break
      }
      case 'email':
        details.email = chip.address
        break
      case 'phone':
        details.phone = chip.number
        break
      case 'label': {
        const found = resolveLabel(chip, picks)
        if (found.kind === 'existing' && !labelIds.includes(found.label.id)) {
          labelIds.push(found.label.id)
        }
        break
      }
      case 'money':
        draft.value = { amount: chip.amount, currency: chip.currency }
        break
      case 'date':
        draft.expectedCloseDate = chip.date
        break
      case 'activity':
        draft.activity = {
          type: chip.type.key,
          dueDate: chip.date,
          ...(chip.time ? { dueTime: chip.time } : {}),
        }
        break
    }
  }
  if (draft.person?.kind === 'new') draft.person = { ...draft.person, ...details }
  // The user's defaults fill what the line does not say.
  if (labelIds.length === 0 && defaults.labelId !== null) labelIds.push(defaults.labelId)
  if (labelIds.length > 0) draft.labelIds = labelIds
  if (defaults.ownerId !== null) draft.ownerId = defaults.ownerId
  if (defaults.visibleTo !== null) draft.visibleTo = defaults.visibleTo
  return { kind: 'ready', draft }
}
