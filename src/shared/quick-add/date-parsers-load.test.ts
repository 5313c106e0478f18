import { describe, expect, it } from 'vitest'
import { dateReaderFor, loadQuickAddLanguage } from './languages'
import { parseQuickAdd } from './parse'
import { sampleContext } from './sample-catalog'

// Its own file: the parsers load once per module, and here they start out not loaded.
describe('date parsers loading apart', () => {
  const now = new Date(2026, 10, 25, 12)

  it('read no date until they have loaded, then the same reader reads dates', async () => {
    const context = { ...sampleContext(), locale: 'de-DE' }
    const reader = dateReaderFor('de-DE')
    expect(reader.readDate('fri', now)).toBeUndefined()
    const before = parseQuickAdd('Acme due fri', context)
    expect(before.chips.filter((chip) => chip.kind === 'date')).toEqual([])
    expect(before.title).toBe('Acme due fri')

    await loadQuickAddLanguage('de-DE')

    expect(reader.readDate('fri', now)?.start.get('day')).toBe(27)
    expect(reader.readDate('Freitag', now)?.start.get('day')).toBe(27)
    const after = parseQuickAdd('Acme due fri', context)
    expect(after.chips.find((chip) => chip.kind === 'date')).toMatchObject({ date: '2026-11-27' })
    expect(after.title).toBe('Acme')
  })
})
