import type { Token } from './tokens'
import { withoutTrailingPunctuation } from './tokens'
import type { Currency } from './types'

/**
 * Money as people type it in one line. Accepted forms (k and m multiply by a thousand and a
 * million, either case):
 * - `5k`, `1.2m`: a bare number needs k or m, and then takes the default currency;
 * - `5000 EUR`, `USD 1200`, `5k €`, `€ 5,000`: number and currency as two words;
 * - `€5,000`, `$3.5k`, `5k€`, `EUR5k`, `5kEUR`: glued together;
 * - `5 000 EUR`, `5 000€`: thousands grouped by spaces, only right before a currency.
 * - in the OS locale's notation too: `1.234,50 €` in German, `1 234,50 €` in French (any
 *   space, the narrow no-break one included), `1’234.50 CHF` in Swiss German.
 * Currency codes count only in capitals, as Pipedrive writes them: `5 all` is not Albanian
 * lek and `500kgs` is not Kyrgyz som. A year like `2024` stays text.
 */

export type CurrencyTable = {
  /** The currency a code (capitals) or a symbol names. */
  named(text: string): Currency | undefined
  decimalsOf(code: string): number
  notation: NumberNotation
}

/**
 * How the locale writes 1,234.5: its decimal mark, and its group mark when that is neither
 * a space nor `.`/`,` (which every locale's amounts are read with anyway), such as `’`.
 */
export type NumberNotation = { decimal: string; group: string | undefined }

const notations = new Map<string, NumberNotation>()

/** Learnt from `Intl.NumberFormat`, once per locale; English's when the locale is unknown. */
export function numberNotationOf(locale: string | undefined): NumberNotation {
  const key = locale ?? ''
  let notation = notations.get(key)
  if (!notation) {
    let parts: Intl.NumberFormatPart[]
    try {
      parts = new Intl.NumberFormat(locale || 'en', { useGrouping: 'always' }).formatToParts(1234.5)
    } catch {
      parts = new Intl.NumberFormat('en').formatToParts(1234.5)
    }
    const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.'
    const group = parts.find((part) => part.type === 'group')?.value
    notation = {
      decimal: decimal === ',' ? ',' : '.',
      group:
        group !== undefined && !/^[\s.,]$/u.test(group) && !/\d/.test(group) ? group : undefined,
    }
    notations.set(key, notation)
  }
  return notation
}

/** Where one symbol serves several currencies, the one people most likely mean. */
const usualForSymbol: Record<string, string> = { $: 'USD', '£': 'GBP', '¥': 'JPY' }

export function createCurrencyTable(
  currencies: readonly Currency[],
  defaultCurrency: string,
  locale?: string,
): CurrencyTable {
  const byCode = new Map<string, Currency>()
  const bySymbol = new Map<string, Currency>()
  for (const currency of currencies) {
    const code = currency.code.toUpperCase()
    if (code !== '' && !byCode.has(code)) byCode.set(code, currency)
  }
  const defaultCode = defaultCurrency.toUpperCase()
  for (const currency of currencies) {
    const symbol = currency.symbol.trim()
    if (symbol === '' || /\d|\s/.test(symbol)) continue
    const held = bySymbol.get(symbol)
    if (!held || rank(currency, symbol, defaultCode) < rank(held, symbol, defaultCode)) {
      bySymbol.set(symbol, currency)
    }
  }
  return {
    notation: numberNotationOf(locale),
    named: (text) => byCode.get(text) ?? bySymbol.get(text),
    decimalsOf(code) {
      const points = byCode.get(code.toUpperCase())?.decimalPoints
      return typeof points === 'number' && Number.isInteger(points)
        ? Math.min(Math.max(points, 0), 6)
        : 2
    },
  }
}

/**
 * `$` means the user's own currency when that is a dollar (a Canadian user's `$` is CAD),
 * else USD, else the first currency listed with it.
 */
function rank(currency: Currency, symbol: string, defaultCode: string): number {
  const code = currency.code.toUpperCase()
  if (code === defaultCode) return 0
  if (usualForSymbol[symbol] === code) return 1
  return 2
}

type Amount = { whole: string; fraction: string; exponent: number }

/** One word read as money or part of it. */
type Piece =
  | { kind: 'number'; amount: Amount; suffixed: boolean; groupHead: boolean }
  | { kind: 'currency'; currency: Currency }
  | { kind: 'money'; amount: Amount; currency: Currency; trailingGroup: boolean }

export type MoneyFound = { start: number; end: number; amount: number; currency: string }

/** Money starting at `tokens[index]`, if there is any; the first token is a word start. */
export function readMoney(
  input: string,
  tokens: readonly Token[],
  index: number,
  table: CurrencyTable,
  defaultCurrency: string,
): MoneyFound | undefined {
  const first = tokens[index]
  if (!first || first.kind !== 'word' || !first.atWordStart) return undefined
  const firstText = input.slice(first.start, first.end)
  const head = readPiece(firstText, table)
  const next = tokens[index + 1]
  const nextWord = next?.kind === 'word' ? lastWord(input, next.start, next.end) : undefined

  if (head?.kind === 'number' && nextWord) {
    const tail = readPiece(nextWord.text, table)
    if (tail?.kind === 'currency') return found(first.start, nextWord.end, head.amount, tail)
    if (head.groupHead) {
      const grouped = readGrouped(input, tokens, index, table)
      if (grouped) return grouped
    }
  }
  if (head?.kind === 'currency' && nextWord) {
    const tail = readPiece(nextWord.text, table)
    if (tail?.kind === 'number') return found(first.start, nextWord.end, tail.amount, head)
  }

  const alone = lastWord(input, first.start, first.end)
  const piece = readPiece(alone.text, table)
  if (piece?.kind === 'money') return found(first.start, alone.end, piece.amount, piece)
  if (piece?.kind === 'number' && piece.suffixed) {
    const currency = table.named(defaultCurrency.toUpperCase()) ?? {
      code: defaultCurrency,
      symbol: '',
      decimalPoints: 2,
    }
    return found(first.start, alone.end, piece.amount, { currency })
  }
  return undefined

  function found(
    start: number,
    end: number,
    amount: Amount,
    { currency }: { currency: Currency },
  ): MoneyFound | undefined {
    const value = toNumber(amount, table.decimalsOf(currency.code))
    if (value === undefined) return undefined
    return { start, end, amount: value, currency: currency.code.toUpperCase() }
  }
}

/**
 * `5 000 EUR`: a head of one to three digits, groups of three, then the currency. The last
 * group may carry the locale's decimals: `1 234,50 €` in French.
 */
function readGrouped(
  input: string,
  tokens: readonly Token[],
  index: number,
  table: CurrencyTable,
): MoneyFound | undefined {
  const head = tokens[index]!
  let whole = input.slice(head.start, head.end)
  // Five groups reach the quadrillions; more is not money anyone types.
  for (let at = index + 1; at < tokens.length && at <= index + 6; at += 1) {
    const token = tokens[at]!
    if (token.kind !== 'word') return undefined
    const raw = input.slice(token.start, token.end)
    const groups = at - index - 1
    if (/^\d{3}$/.test(raw)) {
      whole += raw
      continue
    }
    const decimals = lastGroupWithDecimals(raw, table.notation)
    if (decimals !== undefined) {
      const next = tokens[at + 1]
      if (next?.kind !== 'word') return undefined
      const word = lastWord(input, next.start, next.end)
      const piece = readPiece(word.text, table)
      if (piece?.kind !== 'currency') return undefined
      const amount: Amount = { whole: whole + raw.slice(0, 3), fraction: decimals, exponent: 0 }
      return finish(amount, piece.currency, word.end)
    }
    const word = lastWord(input, token.start, token.end)
    const piece = readPiece(word.text, table)
    const amount: Amount = { whole, fraction: '', exponent: 0 }
    if (piece?.kind === 'currency' && groups > 0) {
      return finish(amount, piece.currency, word.end)
    }
    if (piece?.kind === 'money' && piece.trailingGroup) {
      amount.whole += piece.amount.whole
      amount.fraction = piece.amount.fraction
      return finish(amount, piece.currency, word.end)
    }
    return undefined
  }
  return undefined

  function finish(amount: Amount, currency: Currency, end: number): MoneyFound | undefined {
    const value = toNumber(amount, table.decimalsOf(currency.code))
    if (value === undefined) return undefined
    return { start: head.start, end, amount: value, currency: currency.code.toUpperCase() }
  }
}

/** `234,50` in a decimal-comma locale: a group of three, then one or two decimals. */
function lastGroupWithDecimals(text: string, notation: NumberNotation): string | undefined {
  if (text.length < 5 || text.length > 6 || text[3] !== notation.decimal) return undefined
  const fraction = text.slice(4)
  return /^\d{3}$/.test(text.slice(0, 3)) && /^\d{1,2}$/.test(fraction) ? fraction : undefined
}

/** The word less trailing punctuation, for the last word of an expression. */
function lastWord(input: string, start: number, end: number): { text: string; end: number } {
  const text = withoutTrailingPunctuation(input.slice(start, end))
  return { text, end: start + text.length }
}

const digit = /\d/

/** One word as a number (`3.5k`), a currency (`EUR`, `€`) or both glued (`€5k`). */
function readPiece(text: string, table: CurrencyTable): Piece | undefined {
  if (text === '' || text.length > 40) return undefined
  let numberStart = 0
  while (numberStart < text.length && !digit.test(text[numberStart]!)) numberStart += 1
  if (numberStart === text.length) {
    const currency = table.named(text)
    return currency ? { kind: 'currency', currency } : undefined
  }
  const group = table.notation.group
  let numberEnd = numberStart
  while (
    numberEnd < text.length &&
    (/[\d.,]/.test(text[numberEnd]!) || text[numberEnd] === group)
  ) {
    numberEnd += 1
  }
  const leading = text.slice(0, numberStart)
  const core = text.slice(numberStart, numberEnd)
  const rest = text.slice(numberEnd)

  // `5M` is five million and `5MAD` five dirhams: a k or m is a multiplier only when the
  // rest is nothing or a currency.
  let suffix = ''
  let trailing = rest
  if (/^[kKmM]/.test(rest) && (rest.length === 1 || table.named(rest.slice(1)))) {
    suffix = rest[0]!.toLowerCase()
    trailing = rest.slice(1)
  }
  const amount = readAmount(core, suffix, table.notation)
  if (!amount) return undefined
  if (leading !== '' && trailing !== '') return undefined
  const marker = leading || trailing
  if (marker === '') {
    return {
      kind: 'number',
      amount,
      suffixed: suffix !== '',
      groupHead: suffix === '' && /^\d{1,3}$/.test(core),
    }
  }
  const currency = table.named(marker)
  if (!currency) return undefined
  return {
    kind: 'money',
    amount,
    currency,
    trailingGroup:
      leading === '' &&
      suffix === '' &&
      (/^\d{3}$/.test(core) || lastGroupWithDecimals(core, table.notation) !== undefined),
  }
}

/**
 * Separators as people write them: `5,000` and `5.000.000` group thousands, `1.234,56` and
 * `3,5k` use a decimal comma, `3.5k` a decimal point. A lone `1.500` is fifteen hundred (no
 * one writes money to three decimals), but `1.500k` is one and a half thousand, and so is
 * `1,500k` where the locale's decimal mark is a comma. The locale's own group mark (`’`)
 * groups thousands too.
 */
function readAmount(core: string, suffix: string, notation: NumberNotation): Amount | undefined {
  if (core.length > 24) return undefined
  const exponent = suffix === 'k' ? 3 : suffix === 'm' ? 6 : 0
  const make = (whole: string, fraction = ''): Amount => ({ whole, fraction, exponent })
  let match: RegExpExecArray | null
  if (/^\d+$/.test(core)) return make(core)
  if (notation.group !== undefined && core.includes(notation.group)) {
    const groups = core.split(notation.group)
    const last = groups.pop()!
    const [lastGroup, fraction, ...more] = last.split(notation.decimal)
    const head = groups.shift()!
    const wellGrouped =
      /^\d{1,3}$/.test(head) &&
      groups.every((group) => /^\d{3}$/.test(group)) &&
      /^\d{3}$/.test(lastGroup ?? '') &&
      more.length === 0 &&
      (fraction === undefined || /^\d+$/.test(fraction))
    return wellGrouped ? make(head + groups.join('') + lastGroup, fraction) : undefined
  }
  if (suffix !== '' && notation.decimal === ',' && (match = /^(\d+),(\d{3})$/.exec(core))) {
    return make(match[1]!, match[2])
  }
  if ((match = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(core))) {
    return make(match[1]!.replaceAll(',', ''), match[2])
  }
  if ((match = /^(\d{1,3}(?:\.\d{3})+),(\d{1,2})$/.exec(core))) {
    return make(match[1]!.replaceAll('.', ''), match[2])
  }
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(core)) return make(core.replaceAll('.', ''))
  if (suffix === '' && /^\d{1,3}\.\d{3}$/.test(core)) return make(core.replace('.', ''))
  if ((match = /^(\d+)[.,](\d+)$/.exec(core))) {
    if (core.includes(',') && match[2]!.length > 2) return undefined
    return make(match[1]!, match[2])
  }
  return undefined
}

/** Exact decimal arithmetic, so `1.1k` is 1100 and not 1100.0000000000002. */
function toNumber(amount: Amount, decimals: number): number | undefined {
  const digits = BigInt(amount.whole + amount.fraction)
  const shift = amount.exponent - amount.fraction.length + decimals
  let scaled: bigint
  if (shift >= 0) {
    scaled = digits * 10n ** BigInt(shift)
  } else {
    // Rounds half up to the currency's decimals.
    const divisor = 10n ** BigInt(-shift)
    scaled = (digits + divisor / 2n) / divisor
  }
  if (scaled > BigInt(Number.MAX_SAFE_INTEGER)) return undefined
  return Number(scaled) / 10 ** decimals
}
