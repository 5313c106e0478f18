/** Letters that Unicode decomposition leaves alone but people type without the accent. */
const extraFolds: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  '’': "'",
}
const extraFoldPattern = /[ßæœøłđðþı’]/g
const combiningMarks = /\p{M}+/gu
const whitespaceRun = /\s+/g

/**
 * The form names are compared in: lower case, accents dropped (`José` → `jose`), single
 * spaces. Only for lookups; spans and titles always use the text as typed.
 */
export function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(combiningMarks, '')
    .replace(extraFoldPattern, (letter) => extraFolds[letter] ?? letter)
    .replace(whitespaceRun, ' ')
    .trim()
}

/** The title's whitespace rule: any run of whitespace becomes one space, ends trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(whitespaceRun, ' ').trim()
}

const whitespaceChar = /\s/

export function isWhitespace(char: string | undefined): boolean {
  return char !== undefined && whitespaceChar.test(char)
}
