import { isWhitespace } from './normalize'

/**
 * The line cut into pieces the grammar looks at:
 * - `word`: a run of non-whitespace. Only a word at a word start (after whitespace or at the
 *   start of the line) can begin a chip; a word glued to a closing quote is plain text.
 * - `literal`: `"…"` opened at a word start, running to the next `"`, or to the end of the
 *   line while the closing quote is not typed yet. Never parsed.
 * - `quotedName`: a sigil right before a literal, `@"Jane Doe"`, with some non-blank name
 *   inside. An empty one (`@""`) is a plain word.
 */
export type Token =
  | { kind: 'word'; start: number; end: number; atWordStart: boolean }
  | { kind: 'literal'; start: number; end: number; closed: boolean }
  | { kind: 'quotedName'; start: number; end: number; closed: boolean; sigil: Sigil }

export type Sigil = '@' | '+' | '#'

export function isSigil(char: string | undefined): char is Sigil {
  return char === '@' || char === '+' || char === '#'
}

export function tokenize(input: string): Token[] {
  const tokens: Token[] = []
  const length = input.length
  let i = 0
  let atWordStart = true
  while (i < length) {
    const char = input[i]
    if (isWhitespace(char)) {
      i += 1
      atWordStart = true
      continue
    }
    if (atWordStart && char === '"') {
      const close = input.indexOf('"', i + 1)
      const end = close === -1 ? length : close + 1
      tokens.push({ kind: 'literal', start: i, end, closed: close !== -1 })
      i = end
      atWordStart = false
      continue
    }
    if (atWordStart && isSigil(char) && input[i + 1] === '"') {
      const close = input.indexOf('"', i + 2)
      const inner = input.slice(i + 2, close === -1 ? length : close)
      if (inner.trim() !== '') {
        const end = close === -1 ? length : close + 1
        tokens.push({ kind: 'quotedName', start: i, end, closed: close !== -1, sigil: char })
        i = end
        atWordStart = false
        continue
      }
    }
    let end = i + 1
    while (end < length && !isWhitespace(input[end])) end += 1
    tokens.push({ kind: 'word', start: i, end, atWordStart })
    i = end
    atWordStart = false
  }
  return tokens
}

/** Punctuation that may follow a chip without belonging to it: `@Jane,` `5k.` `fri!` */
const trailingPunctuation = new Set(['.', ',', ';', ':', '!', '?', ')', ']'])

/** `text` less its trailing punctuation (a loop from the end: linear on any input). */
export function withoutTrailingPunctuation(text: string): string {
  let end = text.length
  while (end > 0 && trailingPunctuation.has(text[end - 1]!)) end -= 1
  return text.slice(0, end)
}
