import type { Chip } from '../../../../shared/quick-add'

/**
 * The last chip when the line ends with it and one space. A chip still being typed (no
 * space after it yet) is left alone, so Backspace still fixes a typo in `@Jaen`.
 */
export function finishedChipAtEnd(text: string, chips: readonly Chip[]): Chip | undefined {
  const last = chips.at(-1)
  return last && /^\s$/.test(text.slice(last.end)) ? last : undefined
}
