import type { Chip, Currency, ParsedQuickAdd } from '../../../../shared/quick-add'
import { leftOutBecause, resolveLabel, resolveName, type Picks } from './line-to-draft'

/** What a chip shows: its kind, what it was read as, and whether it needs the user. */
export type ChipMeaning = {
  kindLabel: string
  meaning: string
  /** `attention`: the user has to pick; `muted`: the lead will not get it. */
  tone: 'normal' | 'attention' | 'muted'
  /** A label's color, for its dot. */
  color: string | null
}

export type ChipFormats = {
  locale?: string | undefined
  /** The calendar day the line is read on, `YYYY-MM-DD`, so this year's dates skip the year. */
  today: string
  currencies: readonly Currency[]
}

const kindLabels: Record<Chip['kind'], string> = {
  person: 'Person',
  organization: 'Organization',
  label: 'Label',
  money: 'Value',
  date: 'Close date',
  email: 'Email',
  phone: 'Phone',
  activity: 'Next activity',
}

/**
 * `5,000 EUR` in English, `5.000 EUR` in German: the amount in the OS locale, then the code.
 * A whole amount shows no decimals; any other shows all the currency has (`5,000.50 EUR`,
 * never `5,000.5 EUR`), as money is written.
 */
export function formatMoney(
  amount: number,
  currency: string,
  currencies: readonly Currency[],
  locale?: string,
): string {
  const known = currencies.find((entry) => entry.code === currency)?.decimalPoints ?? 2
  const decimals = Math.min(Math.max(known, 0), 20)
  const whole = Number.isInteger(Math.round(amount * 10 ** decimals) / 10 ** decimals)
  const number = new Intl.NumberFormat(locale, {
    minimumFractionDigits: whole ? 0 : decimals,
    maximumFractionDigits: decimals,
  }).format(amount)
  return `${number} ${currency}`
}

/** `Fri 27 Nov` (or `Fri, Nov 27`, as the locale writes it), with the year when it is not this one. */
export function formatDay(isoDate: string, today: string, locale?: string): string {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number)
  // Noon, so no time-zone shift can move the day.
  const date = new Date(year, month - 1, day, 12)
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(isoDate.slice(0, 4) === today.slice(0, 4) ? {} : { year: 'numeric' }),
  }).format(date)
}

function matches(count: number): string {
  return count === 1 ? '1 match' : `${count} matches`
}

export function chipMeaning(
  chip: Chip,
  parsed: ParsedQuickAdd,
  picks: Picks,
  formats: ChipFormats,
): ChipMeaning {
  const kindLabel = kindLabels[chip.kind]
  const leftOut = leftOutBecause(chip, parsed, picks)
  const base = { kindLabel, color: null }

  switch (chip.kind) {
    case 'money':
      return {
        ...base,
        tone: 'normal',
        meaning: formatMoney(chip.amount, chip.currency, formats.currencies, formats.locale),
      }
    case 'date':
      return {
        ...base,
        tone: 'normal',
        meaning: formatDay(chip.date, formats.today, formats.locale),
      }
    case 'activity': {
      const day = formatDay(chip.date, formats.today, formats.locale)
      return {
        ...base,
        tone: 'normal',
        meaning: `${chip.type.name}, ${day}${chip.time ? ` ${chip.time}` : ''}`,
      }
    }
    case 'person':
    case 'organization': {
      const found = resolveName(chip, picks)
      const who = chip.kind === 'person' ? 'person' : 'organization'
      const meaning =
        found.kind === 'existing'
          ? `${found.name} (in Pipedrive)`
          : found.kind === 'new'
            ? `${found.name} (new ${who})`
            : found.kind === 'queued'
              ? `${found.name} (waiting to be sent)`
              : `${found.name}: ${matches(found.candidates.length + (found.queued ? 1 : 0))}, choose one`
      if (leftOut) return { ...base, tone: 'muted', meaning: `${meaning}, ${leftOut}` }
      return { ...base, tone: found.kind === 'ambiguous' ? 'attention' : 'normal', meaning }
    }
    case 'email':
    case 'phone': {
      const meaning = chip.kind === 'email' ? chip.address : chip.international
      if (leftOut) return { ...base, tone: 'muted', meaning: `${meaning}, ${leftOut}` }
      return { ...base, tone: 'normal', meaning }
    }
    case 'label': {
      const found = resolveLabel(chip, picks)
      if (found.kind === 'existing') {
        return { ...base, tone: 'normal', meaning: found.label.name, color: found.label.color }
      }
      if (found.kind === 'unknown') {
        return { ...base, tone: 'muted', meaning: `${found.name}: unknown label, not sent` }
      }
      return {
        ...base,
        tone: 'attention',
        meaning: `${found.name}: ${matches(found.candidates.length)}, choose one`,
      }
    }
  }
}
