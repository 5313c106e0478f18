/**
 * How the palette matches what is typed. Every typed word must begin a word of the name or
 * of its other words, or stand inside the name as typed: "arch" finds "Archive lead" and
 * "Go to archived leads", never "Change quick-add shortcut", whose letters merely come in
 * that order (cmdk's own filter counts those).
 */

/** Lower case without accents, so "cafe" finds "Café". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase()

const wordsOf = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)

/** How well `query` fits: 0 when it does not; higher when it begins the name's words. */
export function matchScore(
  query: string,
  name: string,
  otherWords: readonly string[] = [],
): number {
  const typed = wordsOf(query)
  if (typed.length === 0) return 1
  const folded = fold(name)
  const nameWords = wordsOf(name)
  const others = otherWords.flatMap(wordsOf)
  let score = folded.startsWith(fold(query).trim()) ? 1 : 0
  for (const word of typed) {
    if (nameWords.some((candidate) => candidate.startsWith(word))) score += 3
    else if (others.some((candidate) => candidate.startsWith(word))) score += 2
    else if (folded.includes(word)) score += 1
    else return 0
  }
  return score
}

/** The items that fit `query`, best first; items that fit equally keep their order. */
export function rankByMatch<Item>(
  items: readonly Item[],
  query: string,
  describe: (item: Item) => { name: string; otherWords?: readonly string[] },
): Item[] {
  return items
    .map((item, index) => {
      const { name, otherWords } = describe(item)
      return { item, index, score: matchScore(query, name, otherWords) }
    })
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.item)
}
