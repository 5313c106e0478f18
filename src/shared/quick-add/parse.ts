import { readActivity } from './activity'
import type { CatalogIndex } from './catalog'
import { readCloseDate } from './close-date'
import { dateReaderFor } from './languages'
import { createLabelLookup } from './labels'
import type { NameLookup, NameMatch } from './matching'
import { matchQuotedName, matchSigilWords, rankCandidates } from './matching'
import { readEmail } from './email'
import { createCurrencyTable, readMoney } from './money'
import type { CurrencyTable } from './money'
import { collapseWhitespace, isWhitespace } from './normalize'
import { readPhone } from './phone'
import type { Sigil, Token } from './tokens'
import { isSigil, tokenize } from './tokens'
import type {
  CatalogEntry,
  CatalogMatch,
  Chip,
  LabelChip,
  LabelMatch,
  LeadLabel,
  Literal,
  OrganizationChip,
  ParsedQuickAdd,
  PersonChip,
  QuickAddContext,
  TextSpan,
} from './types'

/**
 * Reads one quick-add line into a title and chips. Pure and cheap enough to run on every
 * keystroke; any string is accepted.
 */
export function parseQuickAdd(input: string, context: QuickAddContext): ParsedQuickAdd {
  const tokens = tokenize(input)
  const chips: Chip[] = []
  const literals: Literal[] = []
  // Built on first use: most keystrokes need neither.
  let currencies: CurrencyTable | undefined
  let labels: NameLookup<LeadLabel> | undefined
  const language = dateReaderFor(context.locale)
  let hasMoney = false
  let hasDate = false
  let hasEmail = false
  let hasPhone = false
  let hasActivity = false

  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!
    if (token.kind === 'literal') {
      literals.push({ start: token.start, end: token.end, closed: token.closed })
      continue
    }
    if (token.kind === 'quotedName') {
      const inner = input.slice(token.start + 2, token.closed ? token.end - 1 : token.end)
      const span = spanOf(input, token)
      if (token.sigil === '#') {
        labels ??= createLabelLookup(context.labels)
        chips.push(labelChip(span, matchQuotedName(inner, token.closed, labels)))
      } else {
        const found = matchQuotedName(inner, token.closed, catalogFor(token.sigil, context))
        chips.push(namedChip(token.sigil, span, found))
      }
      continue
    }
    if (!token.atWordStart) continue

    const first = input[token.start]
    if (isSigil(first) && startsWithLetter(input, token.start + 1)) {
      let lastToken: number
      if (first === '#') {
        labels ??= createLabelLookup(context.labels)
        const found = matchSigilWords(input, tokens, index, labels)
        chips.push(labelChip(spanOf(input, { start: token.start, end: found.end }), found))
        lastToken = found.lastToken
      } else {
        const kind = first === '@' ? 'person' : 'organization'
        const found = matchSigilWords(input, tokens, index, catalogFor(first, context), kind)
        chips.push(namedChip(first, spanOf(input, { start: token.start, end: found.end }), found))
        lastToken = found.lastToken
      }
      index = lastToken
      continue
    }

    // A close-date word comes first: Dutch "deadline vrijdag" is a close date, though
    // Pipedrive also has a Deadline activity type.
    if (!hasDate && language.isCloseDateKeyword(input.slice(token.start, token.end))) {
      const found = readCloseDate(input, tokens, index, context.now, language)
      if (found) {
        chips.push({ kind: 'date', ...spanOf(input, found), date: found.date })
        hasDate = true
        index = lastTokenBefore(tokens, index, found.end)
        continue
      }
    }

    if (!hasActivity && context.activityTypes) {
      const found = readActivity(
        input,
        tokens,
        index,
        context.activityTypes,
        context.now,
        language.readDate,
      )
      if (found) {
        const { start, end, type, date, time } = found
        chips.push({
          kind: 'activity',
          ...spanOf(input, { start, end }),
          type,
          date,
          ...(time ? { time } : {}),
        })
        hasActivity = true
        index = lastTokenBefore(tokens, index, end)
        continue
      }
    }

    if (!hasEmail) {
      const found = readEmail(input, tokens, index)
      if (found) {
        chips.push({ kind: 'email', ...spanOf(input, found), address: found.address })
        hasEmail = true
        continue
      }
    }

    if (!hasMoney) {
      currencies ??= createCurrencyTable(
        context.currencies,
        context.defaultCurrency,
        context.locale,
      )
      const found = readMoney(input, tokens, index, currencies, context.defaultCurrency)
      if (found) {
        chips.push({
          kind: 'money',
          ...spanOf(input, found),
          amount: found.amount,
          currency: found.currency,
        })
        hasMoney = true
        index = lastTokenBefore(tokens, index, found.end)
        continue
      }
    }

    // After money, so `5000 EUR` stays an amount; a phone number is never money.
    if (!hasPhone && context.phoneNumbers) {
      const found = readPhone(input, tokens, index, context.phoneRegion, context.phoneNumbers)
      if (found) {
        chips.push({
          kind: 'phone',
          ...spanOf(input, found),
          number: found.number,
          international: found.international,
        })
        hasPhone = true
        index = lastTokenBefore(tokens, index, found.end)
      }
    }
  }

  return { title: titleOf(input, chips, literals), chips, literals }
}

/**
 * Call once the date parsers have loaded (`loadQuickAddLanguage`): they compile their patterns
 * on first use (about 0.2 s), which would otherwise land on a keystroke.
 */
export function warmUpQuickAdd(locale?: string): void {
  dateReaderFor(locale).warmUp()
}

function catalogFor(sigil: Exclude<Sigil, '#'>, context: QuickAddContext): CatalogIndex {
  return sigil === '@' ? context.persons : context.organizations
}

const letter = /\p{L}/u

/** `@Jane` and `+Acme` are chips; `+49`, `@5pm`, `#123` and a lone `@` are text. */
function startsWithLetter(input: string, at: number): boolean {
  const codePoint = input.codePointAt(at)
  return codePoint !== undefined && letter.test(String.fromCodePoint(codePoint))
}

type Span = TextSpan & { text: string }

function spanOf(input: string, { start, end }: TextSpan): Span {
  return { start, end, text: input.slice(start, end) }
}

function lastTokenBefore(tokens: readonly Token[], from: number, end: number): number {
  let index = from
  while (index + 1 < tokens.length && tokens[index + 1]!.start < end) index += 1
  return index
}

type Found<T> = Pick<NameMatch<T>, 'typed' | 'exact' | 'fits'>

function namedChip(
  sigil: Exclude<Sigil, '#'>,
  span: Span,
  found: Found<CatalogEntry>,
): PersonChip | OrganizationChip {
  let match: CatalogMatch
  let candidates: CatalogEntry[]
  const only = found.exact.length === 1 ? found.exact[0] : undefined
  if (only) {
    match = { kind: 'existing', id: only.id, name: only.name }
    candidates = rankCandidates(found.exact, found.fits)
  } else if (found.exact.length > 0 || found.fits.length > 0) {
    match = { kind: 'ambiguous', name: found.typed }
    candidates = rankCandidates(found.exact, found.fits)
  } else {
    match = { kind: 'new', name: found.typed }
    candidates = []
  }
  return { kind: sigil === '@' ? 'person' : 'organization', ...span, match, candidates }
}

/** Unlike persons, a label's unique prefix is that label: `#ho` is Hot. */
function labelChip(span: Span, found: Found<LeadLabel>): LabelChip {
  const pool = found.exact.length > 0 ? found.exact : found.fits
  const only = pool.length === 1 ? pool[0] : undefined
  const match: LabelMatch = only
    ? { kind: 'existing', id: only.id, name: only.name }
    : pool.length > 1
      ? { kind: 'ambiguous', name: found.typed }
      : { kind: 'new', name: found.typed }
  return { kind: 'label', ...span, match, candidates: rankCandidates(found.exact, found.fits) }
}

/**
 * The title is the input with each chip cut out and the two quote marks of each closed
 * literal dropped, whitespace then collapsed. A chip cut out right before punctuation takes
 * the whitespace before it along, so `Call @Jane, then` reads `Call, then`.
 */
function titleOf(input: string, chips: readonly Chip[], literals: readonly Literal[]): string {
  const cuts: TextSpan[] = []
  for (const chip of chips) {
    let start = chip.start
    if (chip.end < input.length && !isWhitespace(input[chip.end])) {
      while (start > 0 && isWhitespace(input[start - 1])) start -= 1
    }
    cuts.push({ start, end: chip.end })
  }
  for (const literal of literals) {
    if (!literal.closed) continue
    cuts.push({ start: literal.start, end: literal.start + 1 })
    cuts.push({ start: literal.end - 1, end: literal.end })
  }
  cuts.sort((a, b) => a.start - b.start)
  let title = ''
  let cursor = 0
  for (const cut of cuts) {
    title += input.slice(cursor, cut.start)
    cursor = cut.end
  }
  return collapseWhitespace(title + input.slice(cursor))
}
