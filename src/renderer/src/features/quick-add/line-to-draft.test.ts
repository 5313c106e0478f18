import { loadDateParsersFirst } from '../../../../shared/quick-add/testing'
import { describe, expect, it } from 'vitest'
import {
  createCatalogIndex,
  parseQuickAdd,
  type QuickAddContext,
} from '../../../../shared/quick-add'
import { readPhoneNumber } from '../../../../shared/quick-add/phone-numbers'
import { draftFromLine, leftOutBecause, pickKey, type Choice } from './line-to-draft'

loadDateParsersFirst()

const hot = { id: '8b5c1f1e-6a52-4d1b-9a55-0d5b8f0a8c01', name: 'Hot', color: 'red' }
const hold = { id: '8b5c1f1e-6a52-4d1b-9a55-0d5b8f0a8c02', name: 'On hold', color: 'gray' }
const hostile = { id: '8b5c1f1e-6a52-4d1b-9a55-0d5b8f0a8c03', name: 'Hostile', color: 'yellow' }

const context: QuickAddContext = {
  // A Wednesday: `due fri` is 2026-11-27.
  now: new Date(2026, 10, 25, 10),
  currencies: [{ code: 'EUR', symbol: '€', decimalPoints: 2 }],
  defaultCurrency: 'EUR',
  labels: [hot, hold, hostile],
  persons: createCatalogIndex([
    { id: 1, name: 'Jane Doe' },
    { id: 2, name: 'Jan Novak' },
    { id: 3, name: 'Sam Lee' },
    { id: 4, name: 'Sam Lee' },
  ]),
  organizations: createCatalogIndex([{ id: 10, name: 'Acme' }]),
  phoneRegion: 'GB',
  phoneNumbers: readPhoneNumber,
  activityTypes: [
    { key: 'call', name: 'Call' },
    { key: 'meeting', name: 'Meeting' },
  ],
}

const read = (line: string, picks: ReadonlyMap<string, Choice> = new Map()) =>
  draftFromLine(parseQuickAdd(line, context), picks)

describe('draftFromLine', () => {
  it('turns every chip into the draft', () => {
    expect(read('Renewal 5k EUR @Jane Doe +Acme #hot due fri')).toEqual({
      kind: 'ready',
      draft: {
        title: 'Renewal',
        person: { kind: 'existing', id: 1 },
        organization: { kind: 'existing', id: 10 },
        value: { amount: 5000, currency: 'EUR' },
        labelIds: [hot.id],
        expectedCloseDate: '2026-11-27',
      },
    })
  })

  it('makes the next activity part of the draft, with its local day and time', () => {
    expect(read('Renewal @Jane Doe call fri 10am')).toEqual({
      kind: 'ready',
      draft: {
        title: 'Renewal',
        person: { kind: 'existing', id: 1 },
        activity: { type: 'call', dueDate: '2026-11-27', dueTime: '10:00' },
      },
    })
    expect(read('Renewal +Acme meeting tomorrow')).toMatchObject({
      draft: { activity: { type: 'meeting', dueDate: '2026-11-26' } },
    })
  })

  it("fills what the line does not say with the user's defaults", () => {
    const defaults = { ownerId: 7, currency: 'EUR', labelId: hold.id, visibleTo: '3' as const }
    expect(draftFromLine(parseQuickAdd('Call +Acme', context), new Map(), defaults)).toEqual({
      kind: 'ready',
      draft: {
        title: 'Call',
        organization: { kind: 'existing', id: 10 },
        labelIds: [hold.id],
        ownerId: 7,
        visibleTo: '3',
      },
    })
    // A label typed on the line replaces the default one.
    expect(
      draftFromLine(parseQuickAdd('Call +Acme #hot', context), new Map(), defaults),
    ).toMatchObject({ draft: { labelIds: [hot.id] } })
  })

  it('makes new people and organizations from names nobody has', () => {
    expect(read('Call @"Mia Wong" +Globex')).toEqual({
      kind: 'ready',
      draft: {
        title: 'Call',
        person: { kind: 'new', name: 'Mia Wong' },
        organization: { kind: 'new', name: 'Globex' },
      },
    })
  })

  it("gives the new person the line's email and phone, wherever they are typed", () => {
    expect(read('Pilot @"Mia Wong" mia@globex.example +44 20 7946 0958 +Globex')).toEqual({
      kind: 'ready',
      draft: {
        title: 'Pilot',
        person: {
          kind: 'new',
          name: 'Mia Wong',
          email: 'mia@globex.example',
          phone: '+442079460958',
        },
        organization: { kind: 'new', name: 'Globex' },
      },
    })
    expect(read('Pilot 020 7946 0958 +Acme mia@globex.example @"Mia Wong"')).toMatchObject({
      draft: {
        person: { name: 'Mia Wong', email: 'mia@globex.example', phone: '+442079460958' },
      },
    })
  })

  it('does not change a person already in Pipedrive, and says so', () => {
    const parsed = parseQuickAdd('Call @Jane Doe jane@new.example 020 7946 0958', context)
    expect(draftFromLine(parsed, new Map())).toEqual({
      kind: 'ready',
      draft: { title: 'Call', person: { kind: 'existing', id: 1 } },
    })
    for (const chip of parsed.chips.slice(1)) {
      expect(leftOutBecause(chip, parsed, new Map())).toBe(
        'not saved: quick add does not change people already in Pipedrive',
      )
    }
  })

  it('makes no person from a detail alone, and says so', () => {
    const parsed = parseQuickAdd('Call +Acme mia@globex.example', context)
    expect(draftFromLine(parsed, new Map())).toEqual({
      kind: 'ready',
      draft: { title: 'Call', organization: { kind: 'existing', id: 10 } },
    })
    expect(leftOutBecause(parsed.chips[1]!, parsed, new Map())).toBe(
      'not saved: name a new person with @ to save it with',
    )
  })

  it('keeps the details for the person the user picks as new', () => {
    const line = 'Call @"Sam Lee" sam@lee.example'
    expect(read(line)).toMatchObject({ kind: 'unresolved', chip: { kind: 'person' } })
    const asNew = new Map([[pickKey('person', 'Sam Lee'), { kind: 'new' } as Choice]])
    expect(read(line, asNew)).toMatchObject({
      draft: { person: { kind: 'new', name: 'Sam Lee', email: 'sam@lee.example' } },
    })
    const existing = new Map([[pickKey('person', 'Sam Lee'), { kind: 'entry', id: 4 } as Choice]])
    expect(read(line, existing)).toEqual({
      kind: 'ready',
      draft: { title: 'Call', person: { kind: 'existing', id: 4 } },
    })
  })

  it('leaves unknown labels out, and says so', () => {
    const parsed = parseQuickAdd('Call +Acme #urgent', context)
    expect(draftFromLine(parsed, new Map())).toEqual({
      kind: 'ready',
      draft: { title: 'Call', organization: { kind: 'existing', id: 10 } },
    })
    expect(leftOutBecause(parsed.chips[1]!, parsed, new Map())).toMatch(/no such label/)
  })

  it('links only the first person', () => {
    const parsed = parseQuickAdd('Call @Jane Doe @"Mia Wong"', context)
    const draft = draftFromLine(parsed, new Map())
    expect(draft).toMatchObject({ draft: { person: { kind: 'existing', id: 1 } } })
    expect(leftOutBecause(parsed.chips[1]!, parsed, new Map())).toMatch(/one person/)
  })

  it('waits for a pick when a name fits several people', () => {
    const result = read('Call @Jan')
    expect(result).toMatchObject({ kind: 'unresolved', chip: { kind: 'person', text: '@Jan' } })
  })

  it('takes the pick for two people with the same name', () => {
    expect(read('Call @"Sam Lee"')).toMatchObject({ kind: 'unresolved' })
    const picks = new Map([[pickKey('person', 'sam lee'), { kind: 'entry', id: 4 } as Choice]])
    expect(read('Call @"Sam Lee"', picks)).toMatchObject({
      kind: 'ready',
      draft: { person: { kind: 'existing', id: 4 } },
    })
    const asNew = new Map([[pickKey('person', 'Sam Lee'), { kind: 'new' } as Choice]])
    expect(read('Call @"Sam Lee"', asNew)).toMatchObject({
      draft: { person: { kind: 'new', name: 'Sam Lee' } },
    })
  })

  it('waits for a pick when a label prefix fits several labels', () => {
    expect(read('Call +Acme #ho')).toMatchObject({ kind: 'unresolved', chip: { kind: 'label' } })
    const picks = new Map([[pickKey('label', 'ho'), { kind: 'label', id: hostile.id } as Choice]])
    expect(read('Call +Acme #ho', picks)).toMatchObject({ draft: { labelIds: [hostile.id] } })
  })

  it('leaves completeness to main', () => {
    expect(read('Just a title')).toEqual({ kind: 'ready', draft: { title: 'Just a title' } })
  })
})
