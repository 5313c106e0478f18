/**
 * Exponential backoff with full jitter: a random wait between 0 and base × 2^(attempt-1),
 * capped. Spreads retries of many rows instead of sending them back in a burst.
 */
export function fullJitterDelay(
  attempt: number,
  { baseMs = 1_000, capMs = 5 * 60_000, random = Math.random } = {},
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.floor(random() * ceiling)
}
