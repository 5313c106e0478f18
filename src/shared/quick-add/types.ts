import type { CatalogIndex } from './catalog'
import type { ActivityTypeEntry } from './activity'
import type { PhoneReader } from './phone'

/** A person or organization as the local cache holds it. */
export type CatalogEntry = { id: number; name: string }

/** One of Pipedrive's currencies. */
export type Currency = { code: string; symbol: string; decimalPoints: number }

/** One of the company's lead labels. */
export type LeadLabel = { id: string; name: string; color: string }

/**
 * What the parser needs to know besides the line. Build the two catalog indexes once
 * (`createCatalogIndex`) and reuse them for every keystroke.
 */
export type QuickAddContext = {
  /** Relative dates (`due fri`) count from the local calendar day of this instant. */
  now: Date
  currencies: readonly Currency[]
  /** Currency code for an amount typed without one (`5k`). */
  defaultCurrency: string
  labels: readonly LeadLabel[]
  persons: CatalogIndex
  organizations: CatalogIndex
  /**
   * The OS locale (`de-DE`): close dates are read in its language as well as English, and
   * amounts in its number notation. English when absent.
   */
  locale?: string | undefined
  /**
   * The country a phone number typed without its code is read in (`GB`), from the OS locale
   * (`phoneRegionOf`). Without it only numbers typed with `+` and a country code are read.
   */
  phoneRegion?: string | undefined
  /**
   * Reads phone numbers: `readPhoneNumber` from `phone-numbers.ts`, which carries every
   * country's numbering plan and so is loaded apart. Without it no phone number is read.
   */
  phoneNumbers?: PhoneReader | undefined
  /** The company's activity types; without them no activity is read. */
  activityTypes?: readonly ActivityTypeEntry[] | undefined
}

/**
 * How a typed `@name` or `+name` relates to the catalog:
 * - `existing`: exactly one catalog entry has this full name;
 * - `ambiguous`: no single exact entry, but entries fit (same name twice, or names the typed
 *   words begin): the user picks one of the chip's candidates, or keeps a new one;
 * - `new`: nothing fits; saving the lead creates this person or organization first.
 */
export type CatalogMatch =
  | { kind: 'existing'; id: number; name: string }
  | { kind: 'ambiguous'; name: string }
  | { kind: 'new'; name: string }

/** Labels follow the same three cases; a unique prefix (`#ho` for Hot) counts as existing. */
export type LabelMatch =
  | { kind: 'existing'; id: string; name: string }
  | { kind: 'ambiguous'; name: string }
  | { kind: 'new'; name: string }

/** A stretch of the input; `end` is exclusive. */
export type TextSpan = { start: number; end: number }

type ChipSpan = TextSpan & {
  /** Always `input.slice(start, end)`. */
  text: string
}

/** A new person still waiting in the outbox to be sent. */
export type QueuedPerson = { outboxId: number; name: string; email?: string; phone?: string }

export type PersonChip = ChipSpan & {
  kind: 'person'
  match: CatalogMatch
  /** Best fits first, at most eight; for `existing` the match comes first. Empty for `new`. */
  candidates: CatalogEntry[]
  /**
   * A person queued by an earlier lead whom this new name likely is, offered next to the
   * candidates. Set by the window's likely matches, never by the parser.
   */
  queued?: QueuedPerson
}

export type OrganizationChip = ChipSpan & {
  kind: 'organization'
  match: CatalogMatch
  candidates: CatalogEntry[]
}

export type LabelChip = ChipSpan & {
  kind: 'label'
  match: LabelMatch
  candidates: LeadLabel[]
}

export type MoneyChip = ChipSpan & { kind: 'money'; amount: number; currency: string }

export type DateChip = ChipSpan & {
  kind: 'date'
  /** Expected close date, `YYYY-MM-DD`, a local calendar day. */
  date: string
}

/** An email address for the line's new person, as typed. */
export type EmailChip = ChipSpan & { kind: 'email'; address: string }

/** A phone number for the line's new person. */
export type PhoneChip = ChipSpan & {
  kind: 'phone'
  /** E.164: `+442079460958`. */
  number: string
  /** As people read it: `+44 20 7946 0958`. */
  international: string
}

/** The lead's next activity: `call fri 10am`. */
export type ActivityChip = ChipSpan & {
  kind: 'activity'
  type: ActivityTypeEntry
  /** Local calendar day, `YYYY-MM-DD`. */
  date: string
  /** Local `HH:MM`, when given. */
  time?: string
}

export type Chip =
  | PersonChip
  | OrganizationChip
  | LabelChip
  | MoneyChip
  | DateChip
  | EmailChip
  | PhoneChip
  | ActivityChip
export type ChipKind = Chip['kind']

/**
 * Text in double quotes, taken literally. `closed` is false while the closing quote is not
 * typed yet; the literal then runs to the end of the line.
 */
export type Literal = TextSpan & { closed: boolean }

export type ParsedQuickAdd = {
  title: string
  /** In input order; spans never overlap. */
  chips: Chip[]
  /** In input order; never overlap a chip. */
  literals: Literal[]
}
