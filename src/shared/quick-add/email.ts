import type { Token } from './tokens'
import { withoutTrailingPunctuation } from './tokens'

/**
 * The pattern zod's `z.email()` checks (its `regexes.email`), copied so the parser stays
 * free of zod: an address the line reads is one the lead's draft accepts. A test checks the
 * two agree.
 */
export const emailPattern =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/

/** Longer than any address a mail server accepts (RFC 5321 allows 254). */
const longestAddress = 254

export type EmailFound = { start: number; end: number; address: string }

/** `jane@acme.com` at `tokens[index]`, less trailing punctuation (`jane@acme.com.`). */
export function readEmail(
  input: string,
  tokens: readonly Token[],
  index: number,
): EmailFound | undefined {
  const token = tokens[index]
  if (!token || token.kind !== 'word' || !token.atWordStart) return undefined
  const text = input.slice(token.start, token.end)
  if (!text.includes('@')) return undefined
  const address = withoutTrailingPunctuation(text)
  if (address.length > longestAddress || !emailPattern.test(address)) return undefined
  return { start: token.start, end: token.start + address.length, address }
}
