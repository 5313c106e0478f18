import { describe, expect, it } from 'vitest'
import {
  createCatalogIndex,
  parseQuickAdd,
  type QuickAddContext,
} from '../../../../shared/quick-add'
import { candidateOptions, chipAtCaret, optionLabel, pickCandidate } from './candidate-choice'
import { draftFromLine, type ChoosableChip, type Choice } from './line-to-draft'

const context: QuickAddContext = {
  now: new Date(2026, 10, 25, 10),
  currencies: [],
  defaultCurrency: 'EUR',
  labels: [
    { id: '8b5c1f1e-6a52-4d1b-9a55-0d5b8f0a8c01', name: 'Hot', color: 'red' },
    { id: '8b5c1f1e-6a52-4d1b-9a55-0d5b8f0a8c02', name: 'Hold', color: 'gray' },
  ],
  persons: createCatalogIndex([
    { id: 1, name: 'Jane Doe' },
    { id: 2, name: 'Jan Novak' },
    { id: 3, name: 'Sam Lee' },
    { id: 4, name: 'Sam Lee' },
  ]),
  organizations: createCatalogIndex([]),
}

const none = new Map<string, Choice>()

function chipIn(line: string, caret = line.length): ChoosableChip {
  const chip = chipAtCaret(parseQuickAdd(line, context), caret, none)
  if (!chip) throw new Error(`no ambiguous chip at ${caret} in ${line}`)
  return chip
}

describe('chipAtCaret', () => {
  it('finds the ambiguous chip the caret is in or right after', () => {
    expect(chipIn('Call @Jan').text).toBe('@Jan')
    expect(chipIn('Call @Jan today', 8).text).toBe('@Jan')
    expect(chipAtCaret(parseQuickAdd('Call @Jan today', context), 15, none)).toBeUndefined()
    expect(chipAtCaret(parseQuickAdd('Call @Jan', context), 5, none)).toBeUndefined()
  })

  it('ignores names that resolve to one person', () => {
    expect(chipAtCaret(parseQuickAdd('Call @Jane Doe', context), 14, none)).toBeUndefined()
  })
})

describe('candidateOptions', () => {
  it('offers the fits, then someone new', () => {
    const chip = chipIn('Call @Jan')
    const options = candidateOptions(chip, none)
    expect(options.map((option) => optionLabel(chip, option))).toEqual([
      'Jan Novak',
      'Jane Doe',
      'New person “Jan”',
    ])
  })

  it('tells two people with the same name apart by id', () => {
    const options = candidateOptions(chipIn('Call @"Sam Lee"'), none)
    expect(options.slice(0, 2)).toEqual([
      { kind: 'existing', id: 3, name: 'Sam Lee', detail: 'Pipedrive id 3' },
      { kind: 'existing', id: 4, name: 'Sam Lee', detail: 'Pipedrive id 4' },
    ])
  })

  it('offers only existing labels', () => {
    const chip = chipIn('Call #ho')
    expect(candidateOptions(chip, none).map((option) => optionLabel(chip, option))).toEqual([
      'Hot',
      'Hold',
    ])
  })
})

describe('pickCandidate', () => {
  it('writes the exact quoted name, which then resolves on its own', () => {
    const chip = chipIn('Call @Jan')
    const picked = pickCandidate('Call @Jan', chip, candidateOptions(chip, none)[0]!)
    expect(picked.text).toBe('Call @"Jan Novak" ')
    expect(picked.caret).toBe(picked.text.length)
    expect(draftFromLine(parseQuickAdd(picked.text, context), none)).toMatchObject({
      draft: { title: 'Call', person: { kind: 'existing', id: 2 } },
    })
  })

  it('keeps what follows the chip', () => {
    const chip = chipIn('Call @Jan today', 9)
    const picked = pickCandidate('Call @Jan today', chip, { kind: 'new', name: 'Jan' })
    expect(picked.text).toBe('Call @"Jan" today')
    expect(picked.caret).toBe('Call @"Jan" '.length)
    expect(draftFromLine(parseQuickAdd(picked.text, context), none)).toMatchObject({
      draft: { title: 'Call today', person: { kind: 'new', name: 'Jan' } },
    })
  })

  it('remembers a pick the written name cannot settle', () => {
    const chip = chipIn('Call @"Sam Lee"')
    const picked = pickCandidate('Call @"Sam Lee"', chip, candidateOptions(chip, none)[1]!)
    const picks = new Map([[picked.key, picked.choice]])
    expect(draftFromLine(parseQuickAdd(picked.text, context), picks)).toMatchObject({
      draft: { person: { kind: 'existing', id: 4 } },
    })
  })
})
