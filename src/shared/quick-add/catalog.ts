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

/**
 * Files an entry under its whole name and under its name from each later word on (`doe` for
 * Jane Doe); answers how many words the name has.
 */
function addKeys(key: string, entry: CatalogEntry, starts: Key[], laterWords: Key[]): number {
  starts.push({ key, entry })
  let words = 1
  for (let i = key.indexOf(' '); i !== -1; i = key.indexOf(' ', i + 1)) {
    laterWords.push({ key: key.slice(i + 1), entry })
    words += 1
  }
  return words
}

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
    maxWords = Math.max(maxWords, addKeys(key, entry, starts, laterWords))
  }
  for (const same of exact.values()) same.sort((a, b) => a.id - b.id)
  starts.sort(byKey)
  laterWords.sort(byKey)
  return indexOver(exact, starts, laterWords, maxWords)
}

/**
 * The same index, built a slice at a time, so a window can open and read keystrokes while a
 * large catalog (100,000 persons) is still being indexed: `buildSome` goes on until told to
 * stop. Asked anything before it is done, it finishes first, so its answers are always those
 * of the whole catalog; a line with no `@` or `+` never asks.
 */
export type CatalogIndexInSteps = CatalogIndex & {
  readonly built: boolean
  /** Builds on until `shouldYield` answers true (asked between slices); true once built. */
  buildSome(shouldYield: () => boolean): boolean
}

/** How long one slice of indexing may hold a window: a keystroke waits at most this long. */
export const catalogIndexSliceMs = 8

export function createCatalogIndexInSteps(entries: readonly CatalogEntry[]): CatalogIndexInSteps {
  const steps = indexSteps(entries)
  let index: CatalogIndex | undefined
  const buildSome = (shouldYield: () => boolean): boolean => {
    while (index === undefined) {
      const step = steps.next()
      if (step.done) index = step.value
      else if (shouldYield()) break
    }
    return index !== undefined
  }
  const whole = (): CatalogIndex => {
    buildSome(() => false)
    return index!
  }
  return {
    get built() {
      return index !== undefined
    },
    get size() {
      return whole().size
    },
    get maxWords() {
      return whole().maxWords
    },
    find: (name) => whole().find(name),
    search: (text, limit) => whole().search(text, limit),
    buildSome,
  }
}

/** Entries normalized, or keys merged, between two chances to yield: well under 1 ms. */
const sliceSize = 1024

/**
 * `createCatalogIndex` in resumable steps: each slice of entries is normalized and sorted on
 * its own, then the sorted slices are merged pairwise. Merging takes the earlier slice first
 * on a tie, as the stable sort does, so both build the very same lists.
 */
function* indexSteps(entries: readonly CatalogEntry[]): Generator<void, CatalogIndex, void> {
  const exact = new Map<string, CatalogEntry[]>()
  const startRuns: Key[][] = []
  const laterRuns: Key[][] = []
  let maxWords = 0

  for (let from = 0; from < entries.length; from += sliceSize) {
    const starts: Key[] = []
    const laterWords: Key[] = []
    for (let at = from; at < Math.min(from + sliceSize, entries.length); at += 1) {
      const entry = entries[at]!
      const key = normalizeName(entry.name)
      if (key === '') continue
      const same = exact.get(key)
      if (same) insertById(same, entry)
      else exact.set(key, [entry])
      maxWords = Math.max(maxWords, addKeys(key, entry, starts, laterWords))
    }
    startRuns.push(starts.sort(byKey))
    laterRuns.push(laterWords.sort(byKey))
    yield
  }
  const starts = yield* mergeRuns(startRuns)
  const laterWords = yield* mergeRuns(laterRuns)
  return indexOver(exact, starts, laterWords, maxWords)
}

/** After the entries of the same id already there, as a stable sort by id puts it. */
function insertById(same: CatalogEntry[], entry: CatalogEntry): void {
  let at = same.length
  while (at > 0 && same[at - 1]!.id > entry.id) at -= 1
  same.splice(at, 0, entry)
}

function* mergeRuns(runs: Key[][]): Generator<void, Key[], void> {
  let level = runs
  while (level.length > 1) {
    const next: Key[][] = []
    for (let i = 0; i < level.length; i += 2) {
      const right = level[i + 1]
      next.push(right ? yield* merge(level[i]!, right) : level[i]!)
    }
    level = next
  }
  return level[0] ?? []
}

function* merge(left: Key[], right: Key[]): Generator<void, Key[], void> {
  const merged: Key[] = []
  let i = 0
  let j = 0
  while (i < left.length && j < right.length) {
    merged.push(byKey(right[j]!, left[i]!) < 0 ? right[j++]! : left[i++]!)
    if (merged.length % sliceSize === 0) yield
  }
  for (; i < left.length; i += 1) merged.push(left[i]!)
  for (; j < right.length; j += 1) merged.push(right[j]!)
  return merged
}

function indexOver(
  exact: ReadonlyMap<string, readonly CatalogEntry[]>,
  starts: readonly Key[],
  laterWords: readonly Key[],
  maxWords: number,
): CatalogIndex {
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
