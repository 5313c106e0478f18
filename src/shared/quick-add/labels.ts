import type { NameLookup } from './matching'
import { normalizeName } from './normalize'
import type { LeadLabel } from './types'

/**
 * The company's labels as a name lookup. A company has a handful of labels, so a scan per
 * lookup is cheaper than building an index on every keystroke.
 */
export function createLabelLookup(labels: readonly LeadLabel[]): NameLookup<LeadLabel> {
  const named = labels
    .map((label) => ({ label, key: normalizeName(label.name) }))
    .filter((entry) => entry.key !== '')
  const maxWords = named.reduce((most, entry) => Math.max(most, entry.key.split(' ').length), 0)
  return {
    maxWords,
    find(name) {
      const key = normalizeName(name)
      return named.filter((entry) => entry.key === key).map((entry) => entry.label)
    },
    search(text, limit = 8) {
      const prefix = normalizeName(text)
      if (prefix === '') return []
      return named
        .filter((entry) => entry.key.startsWith(prefix))
        .slice(0, limit)
        .map((entry) => entry.label)
    },
  }
}
