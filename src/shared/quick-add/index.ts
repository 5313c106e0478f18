/**
 * The quick-add line: one line such as `Acme renewal 5k EUR @Jane Doe #hot due fri` read into
 * a lead's title and chips, on every keystroke.
 *
 * - `@name` a person, `+name` an organization: the longest run of words that is a whole name
 *   in the catalog, else the longest that begins names (the chip offers candidates), else the
 *   first word as someone new. `@"Jane Doe"` names exactly.
 * - `#label`: a lead label by name, any case; a unique prefix will do (`#ho` is Hot).
 * - money: see `money.ts`, also in the OS locale's notation (`1 234,50 €`). Only the first
 *   amount counts.
 * - `due`, `by`, `close`, `closes`, `closing` followed by a date: the expected close date.
 *   Only the first date counts; `due diligence` stays text. In a German, French, Spanish,
 *   Dutch or Portuguese locale its own words and dates too (`bis Freitag`, `avant vendredi`):
 *   see `languages.ts`.
 * - an email address, and a phone number (`+44 20 7946 0958`, or `020 7946 0958` read in the
 *   OS locale's country), for the line's new person: see `email.ts`, `phone.ts`. Only the
 *   first of each counts.
 * - an activity type's name or key followed by a day and maybe a time (`call fri 10am`,
 *   `meeting tomorrow 14:00`, `email next week`): the lead's next activity, see `activity.ts`.
 *   Only the first counts; `Call center deal` stays text.
 * - `"…"` at the start of a word: literal text, never parsed; the two quote marks are dropped
 *   from the title. An unclosed quote runs to the end of the line and keeps its mark.
 * - everything else is the title, whitespace collapsed.
 */
export { catalogIndexSliceMs, createCatalogIndex, createCatalogIndexInSteps } from './catalog'
export type { CatalogIndex, CatalogIndexInSteps } from './catalog'
export { draftIssueMessage } from './draft-messages'
export { dateReaderFor, loadQuickAddLanguage, quickAddLanguageOf } from './languages'
export type { DateReader, LanguageReader, QuickAddLanguage } from './languages'
export { normalizeName } from './normalize'
export { parseQuickAdd, warmUpQuickAdd } from './parse'
export { phoneRegionOf } from './phone'
export type { PhoneReader } from './phone'
export { removeChip } from './remove-chip'
export type { ActivityTypeEntry } from './activity'
export type {
  ActivityChip,
  CatalogEntry,
  CatalogMatch,
  Chip,
  ChipKind,
  Currency,
  DateChip,
  EmailChip,
  LabelChip,
  LabelMatch,
  LeadLabel,
  Literal,
  MoneyChip,
  OrganizationChip,
  ParsedQuickAdd,
  PersonChip,
  PhoneChip,
  QueuedPerson,
  QuickAddContext,
  TextSpan,
} from './types'
