import { normalizeName } from './normalize'
import type { CatalogEntry } from './types'

/**
 * Persons or organizations, indexed once so that each keystroke looks names up by binary
 * search instead of scanning the whole cache.
 */
export type CatalogIndex = {
  readonly size: number
  /** Words in the longest name, which bounds how far `@Jane Doe …` reaches. */
  readonly maxWords: number
  /** Entries whose whole name equals `name` (case and accents ignored), by id. */
  find(name: string): readonly CatalogEntry[]
  /**
   * Entries with a name that starts with `text`, or a later word of it that does (`doe`
   * finds Jane Doe); the last typed word may be partial. Whole-name starts come first, then
   * alphabetical; at most `limit`.
   */
  search(text: string, limit?: number): CatalogEntry[]
}

export const defaultCandidateLimit = 8

type Key = { key: string; entry: CatalogEntry }

const byKey = (a: Key, b: Key): number =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : a.entry.id - b.entry.id

export function createCatalogIndex(entries: readonly CatalogEntry[]): CatalogIndex {
  const exact = new Map<string, CatalogEntry[]>()
  // Two sorted lists: whole names, and names from their second word on.
  const starts: Key[] = []
  const laterWords: Key[] = []
  let maxWords = 0

  for (const entry of entries) {
    const key = normalizeName(entry.name)
    if (key === '') continue
    const same = exact.get(key)
    if (same) same.push(entry)
    else exact.set(key, [entry])
    starts.push({ key, entry })
    let words = 1
    for (let i = key.indexOf(' '); i !== -1; i = key.indexOf(' ', i + 1)) {
      laterWords.push({ key: key.slice(i + 1), entry })
      words += 1
    }
    maxWords = Math.max(maxWords, words)
  }
  for (const same of exact.values()) same.sort((a, b) => a.id - b.id)
  starts.sort(byKey)
  laterWords.sort(byKey)

  return {
    size: starts.length,
    maxWords,
    find: (name) => exact.get(normalizeName(name)) ?? [],
    search(text, limit = defaultCandidateLimit) {
      const prefix = normalizeName(text)
      const found: CatalogEntry[] = []
      if (prefix === '' || limit <= 0) return found
      const seen = new Set<CatalogEntry>()
      for (const list of [starts, laterWords]) {
        for (let i = lowerBound(list, prefix); i < list.length; i += 1) {
          const item = list[i]!
          if (!item.key.startsWith(prefix)) break
          if (seen.has(item.entry)) continue
          seen.add(item.entry)
          found.push(item.entry)
          if (found.length >= limit) return found
        }
      }
      return found
    },
  }
}

function lowerBound(list: readonly Key[], key: string): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (list[middle]!.key < key) low = middle + 1
    else high = middle
  }
  return low
}
