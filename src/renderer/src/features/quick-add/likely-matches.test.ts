import { describe, expect, it } from 'vitest'
import {
  createCatalogIndex,
  parseQuickAdd,
  type ParsedQuickAdd,
  type PersonChip,
  type QuickAddContext,
} from '../../../../shared/quick-add'
import { readPhoneNumber } from '../../../../shared/quick-add/phone-numbers'
import { candidateOptions, chipAtCaret, pickCandidate } from './candidate-choice'
import { draftFromLine, pickKey } from './line-to-draft'
import { createLikelyMatches, openLeadNotice, withLikelyMatches } from './likely-matches'

const persons = [
  { id: 1, name: 'Jane Doe', email: 'jane@acme.example' },
  { id: 2, name: 'Sam Lee', email: null },
]
const organizations = [{ id: 10, name: 'ACME GmbH' }]
const context: QuickAddContext = {
  now: new Date(2026, 10, 25, 10),
  currencies: [{ code: 'EUR', symbol: '€', decimalPoints: 2 }],
  defaultCurrency: 'EUR',
  labels: [],
  persons: createCatalogIndex(persons),
  organizations: createCatalogIndex(organizations),
  phoneRegion: 'GB',
  phoneNumbers: readPhoneNumber,
}
const matches = createLikelyMatches({
  persons,
  organizations,
  openLeads: [
    { title: 'Acme fleet renewal', personId: 1, organizationId: 10 },
    { title: 'Older Acme lead', personId: null, organizationId: 10 },
  ],
})
const read = (line: string) => withLikelyMatches(parseQuickAdd(line, context), matches)

describe('a likely match for a new name', () => {
  it('offers the catalog entry first and someone new second', () => {
    const parsed = read('Renewal @"J. Doe"')
    const chip = chipAtCaret(parsed, parsed.chips[0]!.end, new Map())
    expect(chip).toBeDefined()
    expect(candidateOptions(chip!, new Map())).toEqual([
      { kind: 'existing', id: 1, name: 'Jane Doe', detail: null },
      { kind: 'new', name: 'J. Doe' },
    ])
  })

  it('knows a new person by the email typed with them', () => {
    const parsed = read('Renewal @"Janie D" jane@acme.example')
    expect(parsed.chips[0]).toMatchObject({ match: { kind: 'ambiguous' }, candidates: [{ id: 1 }] })
  })

  it('knows an organization without its legal form', () => {
    const parsed = read('Renewal +"Acme Ltd"')
    expect(parsed.chips[0]).toMatchObject({ candidates: [{ id: 10, name: 'ACME GmbH' }] })
  })

  it('keeps someone new when they are new, or the user says so', () => {
    expect(read('Renewal @Nobody').chips[0]).toMatchObject({ match: { kind: 'new' } })
    const parsed = read('Renewal @"J. Doe"')
    const picks = new Map([[pickKey('person', 'J. Doe'), { kind: 'new' as const }]])
    expect(draftFromLine(parsed, picks)).toMatchObject({
      kind: 'ready',
      draft: { person: { kind: 'new', name: 'J. Doe' } },
    })
  })

  it('leaves a second person of the line alone', () => {
    const parsed = read('Renewal @Sam Lee @"J. Doe"')
    expect(parsed.chips[1]).toMatchObject({ match: { kind: 'new' } })
  })
})

describe('a likely match still waiting in the outbox', () => {
  // Jane Doe was named by an earlier capture and is not in Pipedrive yet.
  const catalogWithoutJane = [{ id: 2, name: 'Sam Lee', email: null }]
  const waitingContext = { ...context, persons: createCatalogIndex(catalogWithoutJane) }
  const waiting = createLikelyMatches({
    persons: catalogWithoutJane,
    organizations: [],
    waitingPersons: [{ outboxId: 41, name: 'Jane Doe', email: 'jane@acme.example' }],
    openLeads: [{ title: 'Acme pilot', personId: null, organizationId: null, personRowId: 41 }],
  })
  const readWaiting = (line: string) =>
    withLikelyMatches(parseQuickAdd(line, waitingContext), waiting)

  it('offers her for initials as the catalog offers its Jane Doe, someone new second', () => {
    const options = (parsed: ParsedQuickAdd) =>
      candidateOptions(chipAtCaret(parsed, parsed.chips[0]!.end, new Map())!, new Map())
    expect(options(read('Renewal @J. Doe'))).toEqual([
      { kind: 'existing', id: 1, name: 'Jane Doe', detail: null },
      { kind: 'new', name: 'J. Doe' },
    ])
    expect(options(readWaiting('Renewal @J. Doe'))).toEqual([
      { kind: 'queued', outboxId: 41, name: 'Jane Doe' },
      { kind: 'new', name: 'J. Doe' },
    ])
  })

  it('saves the lead for her queued row once picked, and says she has an open lead', () => {
    const line = 'Renewal @J. Doe'
    const chip = readWaiting(line).chips[0] as PersonChip
    const picked = pickCandidate(line, chip, candidateOptions(chip, new Map())[0]!)
    expect(picked.text).toBe('Renewal @"Jane Doe" ')
    const picks = new Map([[picked.key, picked.choice]])
    const again = readWaiting(picked.text)
    expect(draftFromLine(again, picks)).toMatchObject({
      kind: 'ready',
      draft: {
        person: { kind: 'new', name: 'Jane Doe', email: 'jane@acme.example', queuedAs: 41 },
      },
    })
    expect(openLeadNotice(again, picks, waiting)).toBe(
      'Jane Doe already has an open lead: “Acme pilot”.',
    )
  })

  it('leaves her to main when the line has her email: no choice to make', () => {
    expect(readWaiting('Renewal @Jane Doe jane@acme.example').chips[0]).toMatchObject({
      match: { kind: 'new' },
    })
  })
})

describe('an open lead said before the save', () => {
  it("names the person's open lead, else the organization's newest", () => {
    expect(openLeadNotice(read('Renewal @Jane Doe'), new Map(), matches)).toBe(
      'Jane Doe already has an open lead: “Acme fleet renewal”.',
    )
    expect(openLeadNotice(read('Renewal @Sam Lee +"ACME GmbH"'), new Map(), matches)).toBe(
      'ACME GmbH already has an open lead: “Acme fleet renewal”.',
    )
  })

  it('says nothing for new contacts or ones without an open lead', () => {
    expect(openLeadNotice(read('Renewal @Sam Lee'), new Map(), matches)).toBeNull()
    expect(openLeadNotice(read('Renewal @Someone +Newco'), new Map(), matches)).toBeNull()
  })
})
