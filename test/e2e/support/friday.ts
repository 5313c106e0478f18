import { createCatalogIndex, parseQuickAdd } from '../../../src/shared/quick-add'

/**
 * The day quick add reads `due fri` as today (YYYY-MM-DD). Its date parsers must have loaded
 * first (`loadDateParsersFirst`).
 */
export function fridayOfTheLine(): string {
  const parsed = parseQuickAdd('due fri', {
    now: new Date(),
    currencies: [],
    defaultCurrency: 'EUR',
    labels: [],
    persons: createCatalogIndex([]),
    organizations: createCatalogIndex([]),
  })
  const chip = parsed.chips[0]
  if (chip?.kind !== 'date') throw new Error('`due fri` is no longer read as a date')
  return chip.date
}
