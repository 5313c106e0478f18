import { defaultCandidateLimit } from './catalog'
import type { Token } from './tokens'
import { isSigil, withoutTrailingPunctuation } from './tokens'

/** What a name is looked up in: the person or organization catalog, or the labels. */
export type NameLookup<T> = {
  readonly maxWords: number
  find(name: string): readonly T[]
  search(text: string, limit?: number): T[]
}

/** The words a sigil chip may take: `@Jane Doe renewal` offers Jane, Doe and renewal. */
type Word = { text: string; end: number }

export type NameMatch<T> = {
  /** Where the chip ends in the input, and the last token it takes. */
  end: number
  lastToken: number
  /** The name as typed, words single-spaced, sigil and quotes left out. */
  typed: string
  /** Entries whose whole name is the typed one. */
  exact: readonly T[]
  /** Entries whose name the typed words begin (exact ones among them). */
  fits: readonly T[]
}

/** How many words a new person's or organization's name may take: `@Jane van Doe`. */
const newNameReach = 4
/** A word that reads as part of a name: capitalised, not an all-capitals code like EUR. */
const nameWord = /^\p{Lu}\p{Ll}/u
/** A given name cut to its initial, `J.` in `@J. Doe`: its dot does not end the name. */
const initial = /^\p{Lu}\.$/u
/**
 * All-capitals legal forms that are part of an organization's name (`+Initech LLC`), unlike
 * currency codes, which never are.
 */
const legalForm =
  /^(?:AG|KG|KGaA|OHG|SA|SAS|SARL|SE|BV|NV|AB|AS|ASA|A\/S|APS|OY|OYJ|LLC|LLP|LP|PLC|INC|LTD|PTY|SPA|SRL|SL|KK|CO)\.?$/u

/** Who a new name is for: a person's takes capitalised words, an organization's its legal form too. */
export type NewNameKind = 'person' | 'organization'

function joinsNewName(word: string, kind: NewNameKind): boolean {
  // `@Mia Wong Mia@globex.example`: an email address is never part of a name.
  if (word.includes('@')) return false
  return (
    nameWord.test(word) ||
    (kind === 'person' && initial.test(word)) ||
    (kind === 'organization' && legalForm.test(word))
  )
}

/**
 * The longest run of words after the sigil that is a whole name in the lookup; failing
 * that, the longest run that begins names (`@Jan` for Jane Doe and Jan Novak); failing that,
 * a new name: the first word, and for a person or organization the capitalised words after it
 * (`@Jane Doe renewal` is the new person Jane Doe). A name that begins others but goes on
 * with more capitalised words is new: with Tom Weber known, `@Tom Hanks` is Tom Hanks, not
 * an unfinished Tom. Words with a sigil or a quote end the run.
 */
export function matchSigilWords<T>(
  input: string,
  tokens: readonly Token[],
  index: number,
  lookup: NameLookup<T>,
  newName?: NewNameKind,
): NameMatch<T> {
  const reach = Math.min(Math.max(lookup.maxWords, 1), 8)
  const words: Word[] = []
  const collect = newName ? Math.max(reach, newNameReach) : reach
  for (let at = index; at < tokens.length && words.length < collect; at += 1) {
    const token = tokens[at]!
    if (token.kind !== 'word' || !token.atWordStart) break
    if (at > index && isSigil(input[token.start])) break
    words.push({
      text: input.slice(at === index ? token.start + 1 : token.start, token.end),
      end: token.end,
    })
  }

  const variants = (count: number): { typed: string; end: number }[] => {
    const before = words.slice(0, count - 1).map((word) => word.text)
    const last = words[count - 1]!
    const stripped = withoutTrailingPunctuation(last.text)
    const forms = [{ typed: [...before, last.text].join(' '), end: last.end }]
    if (stripped !== last.text && stripped !== '') {
      forms.push({
        typed: [...before, stripped].join(' '),
        end: last.end - (last.text.length - stripped.length),
      })
    }
    return forms
  }

  // How many words a new name would take: the first, then capitalised ones up to one
  // ending in punctuation (`Doe,`); an initial's dot goes on (`@Jane M. Doe`).
  let newCount = 1
  const first = words[0]?.text ?? ''
  if (newName && (nameWord.test(first) || initial.test(first))) {
    while (
      newCount < words.length &&
      (initial.test(words[newCount - 1]!.text) ||
        withoutTrailingPunctuation(words[newCount - 1]!.text) === words[newCount - 1]!.text) &&
      joinsNewName(words[newCount]!.text, newName)
    ) {
      newCount += 1
    }
  }

  const known = Math.min(words.length, reach)
  for (let count = known; count >= 1; count -= 1) {
    for (const form of variants(count)) {
      const exact = lookup.find(form.typed)
      if (exact.length > 0) {
        // Names this one begins stay on offer: `@José` may be on its way to José García.
        const fits = lookup.search(form.typed, defaultCandidateLimit)
        return { ...form, lastToken: index + count - 1, exact, fits }
      }
    }
  }
  // A run that only begins names stops short of a longer new name.
  for (let count = known; count >= newCount; count -= 1) {
    for (const form of variants(count)) {
      const fits = lookup.search(form.typed, defaultCandidateLimit)
      if (fits.length > 0) return { ...form, lastToken: index + count - 1, exact: [], fits }
    }
  }
  const forms = variants(newCount)
  const form = forms[forms.length - 1]!
  return { ...form, lastToken: index + newCount - 1, exact: [], fits: [] }
}

/**
 * `@"Jane Doe"`: the quoted name exactly. While the closing quote is not typed yet the name
 * may still be partial, so it is also looked up as the start of names.
 */
export function matchQuotedName<T>(
  typedName: string,
  closed: boolean,
  lookup: NameLookup<T>,
): { typed: string; exact: readonly T[]; fits: readonly T[] } {
  const typed = typedName.replace(/\s+/g, ' ').trim()
  const exact = lookup.find(typed)
  const fits = exact.length === 0 && !closed ? lookup.search(typed, defaultCandidateLimit) : []
  return { typed, exact, fits }
}

/** Exact entries first, then the other fits, each once, at most eight. */
export function rankCandidates<T>(exact: readonly T[], more: readonly T[]): T[] {
  const ranked: T[] = []
  const seen = new Set<T>()
  for (const entry of [...exact, ...more]) {
    if (seen.has(entry)) continue
    seen.add(entry)
    ranked.push(entry)
    if (ranked.length >= defaultCandidateLimit) break
  }
  return ranked
}
