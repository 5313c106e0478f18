import type { QuickAddContextData } from '../../../../shared/ipc/contract'
import type { ParsedQuickAdd, QueuedPerson } from '../../../../shared/quick-add'
import {
  createDuplicateIndexInSteps,
  type DuplicateIndexInSteps,
  type WaitingContact,
} from '../../../../shared/quick-add/duplicates'
import { resolveName, type NamedChip, type Picks } from './line-to-draft'

/** The catalog as duplicate checks and open-lead warnings read it; built once per catalog. */
export type LikelyMatches = {
  /** Built in slices between keystrokes (see `useCatalogContext`); asked early, they finish. */
  persons: DuplicateIndexInSteps
  organizations: DuplicateIndexInSteps
  /** New persons still waiting in the outbox, matched by the same rule as the catalog. */
  waitingPersons: readonly WaitingContact[]
  /**
   * The newest open lead's title per `person:<id>`, `organization:<id>` and, for a person
   * still queued, `queued-person:<outbox id>`.
   */
  openLeads: ReadonlyMap<string, string>
}

export function createLikelyMatches(
  data: Pick<QuickAddContextData, 'persons' | 'organizations' | 'openLeads' | 'waitingPersons'>,
): LikelyMatches {
  const openLeads = new Map<string, string>()
  // Newest first: the first title seen for a contact is the one shown.
  for (const lead of data.openLeads ?? []) {
    for (const key of [
      lead.personId !== null ? `person:${lead.personId}` : null,
      lead.organizationId !== null ? `organization:${lead.organizationId}` : null,
      lead.personRowId != null ? `queued-person:${lead.personRowId}` : null,
    ]) {
      if (key !== null && !openLeads.has(key)) openLeads.set(key, lead.title)
    }
  }
  return {
    persons: createDuplicateIndexInSteps('person', data.persons),
    organizations: createDuplicateIndexInSteps('organization', data.organizations),
    waitingPersons: data.waitingPersons ?? [],
    openLeads,
  }
}

/**
 * A new person or organization that is likely one already in the catalog (`@J. Doe` for
 * Jane Doe, `+Acme Ltd` for ACME GmbH, a new person with Jane's email) becomes a choice: the
 * catalog's entry first, so it is the default, and someone new one arrow key away. A person
 * still waiting in the outbox is matched by the same rule; one known by name or initials is
 * offered the same way, while one with the same email or phone needs no choice (main reuses
 * that person by itself). Only the line's first person and organization, the ones the lead
 * is linked to.
 */
export function withLikelyMatches(parsed: ParsedQuickAdd, matches: LikelyMatches): ParsedQuickAdd {
  const email = parsed.chips.find((chip) => chip.kind === 'email')
  const phone = parsed.chips.find((chip) => chip.kind === 'phone')
  const seen = new Set<string>()
  const chips = parsed.chips.map((chip) => {
    if (chip.kind !== 'person' && chip.kind !== 'organization') return chip
    if (seen.has(chip.kind)) return chip
    seen.add(chip.kind)
    if (chip.match.kind !== 'new') return chip
    const found =
      chip.kind === 'person'
        ? matches.persons.likelyMatch(
            {
              name: chip.match.name,
              email: email?.kind === 'email' ? email.address : undefined,
              phone: phone?.kind === 'phone' ? phone.number : undefined,
            },
            matches.waitingPersons,
          )
        : matches.organizations.likelyMatch({ name: chip.match.name })
    if (!found) return chip
    if (found.contact.kind === 'waiting') {
      if (chip.kind !== 'person' || found.reason === 'email' || found.reason === 'phone') {
        return chip
      }
      const { outboxId } = found.contact
      const waiting = matches.waitingPersons.find((person) => person.outboxId === outboxId)
      if (!waiting) return chip
      return {
        ...chip,
        match: { kind: 'ambiguous' as const, name: chip.match.name },
        queued: queuedPerson(waiting),
      }
    }
    const { id, name } = found.contact
    return {
      ...chip,
      match: { kind: 'ambiguous' as const, name: chip.match.name },
      candidates: [{ id, name }],
    }
  })
  return { ...parsed, chips }
}

/**
 * `Maria Schmidt already has an open lead: “Acme fleet renewal”`, for the person or else the
 * organization the lead is linked to, said before the save.
 */
export function openLeadNotice(
  parsed: ParsedQuickAdd,
  picks: Picks,
  matches: LikelyMatches,
): string | null {
  for (const kind of ['person', 'organization'] as const) {
    const chip = parsed.chips.find((other): other is NamedChip => other.kind === kind)
    if (!chip) continue
    const found = resolveName(chip, picks)
    const key =
      found.kind === 'existing'
        ? `${kind}:${found.id}`
        : found.kind === 'queued'
          ? `queued-person:${found.outboxId}`
          : null
    if (key === null) continue
    const title = matches.openLeads.get(key)
    if (title !== undefined) return `${found.name} already has an open lead: “${title}”.`
  }
  return null
}

function queuedPerson({ outboxId, name, email, phone }: WaitingContact): QueuedPerson {
  return { outboxId, name, ...(email ? { email } : {}), ...(phone ? { phone } : {}) }
}
