import type { OutboxItem, OutboxKind, OutboxState } from '../../../../shared/ipc/contract'
import { outboxKindFacts } from '../../../../shared/outbox/outbox-kinds'
import type { StatusTone } from '../../ui/status-tone'

/** Each kind of row in plain words. */
export const kindWords = Object.fromEntries(
  Object.entries(outboxKindFacts).map(([kind, facts]) => [kind, facts.words]),
) as Record<OutboxKind, string>

/** The badge each state shows; `uncertain` says what Leadbox is doing about it. */
export const stateWords: Record<OutboxState, string> = {
  queued: 'Queued',
  sending: 'Sending',
  uncertain: 'Checking Pipedrive',
  sent: 'Sent',
  needs_attention: 'Needs attention',
  cancelled: 'Cancelled',
}

/** The colour each state's badge takes (shared with the inbox's sync markers). */
export const stateTones: Record<OutboxState, StatusTone> = {
  queued: 'accent',
  sending: 'warning',
  uncertain: 'warning',
  sent: 'ok',
  needs_attention: 'danger',
  cancelled: 'muted',
}

// The same sets main enforces: nothing is on the wire for these rows right now.
const retryable = new Set<OutboxState>(['queued', 'needs_attention'])
const discardable = new Set<OutboxState>(['queued', 'needs_attention', 'uncertain'])
const finished = new Set<OutboxState>(['sent', 'cancelled'])

export const canRetry = (row: OutboxItem): boolean => retryable.has(row.state)
export const canDiscard = (row: OutboxItem): boolean => discardable.has(row.state)

/** Rows still waiting on this one: discarding it discards them too. */
export function waitingOn(row: OutboxItem, rows: readonly OutboxItem[]): OutboxItem[] {
  return rows.filter((other) => other.dependsOn.includes(row.id) && !finished.has(other.state))
}

const sameLead = (a: OutboxItem['lead'], b: OutboxItem['lead']) =>
  a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b)

/**
 * Rows this one still waits for: the new person its lead needs first, and earlier changes
 * to the same lead, which main sends first (in the order they were made).
 */
export function waitsFor(row: OutboxItem, rows: readonly OutboxItem[]): OutboxItem[] {
  return rows.filter(
    (other) =>
      !finished.has(other.state) &&
      (row.dependsOn.includes(other.id) || (other.id < row.id && sameLead(other.lead, row.lead))),
  )
}

/** `Jane Doe`, or `Jane Doe and 2 more`. */
export function namesOf(rows: readonly OutboxItem[]): string {
  const [first, ...rest] = rows
  if (!first) return ''
  return rest.length === 0 ? `“${first.title}”` : `“${first.title}” and ${rest.length} more`
}

/** What a discard would take along, for the confirmation. */
export function discardWarning(row: OutboxItem, rows: readonly OutboxItem[]): string | null {
  const dependents = waitingOn(row, rows)
  if (dependents.length === 0) return null
  const what = dependents.length === 1 ? kindWords[dependents[0]!.kind].toLowerCase() : 'items'
  return `The ${what} ${namesOf(dependents)} ${dependents.length === 1 ? 'needs' : 'need'} it and will be discarded too.`
}

/**
 * A moment in the OS locale: the time alone when it is on `now`'s day, else the day too.
 * `now` is passed in, so the same list reads the same on every render.
 */
export function formatMoment(at: number, now: number, locale?: string): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString()
  const format = sameDay
    ? new Intl.DateTimeFormat(locale, { timeStyle: 'short' })
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  return format.format(at)
}

/** When the engine tries the row next; a time already past means as soon as it can. */
export function formatNextTry(at: number | null, now: number, locale?: string): string | null {
  if (at === null) return null
  return at <= now ? 'as soon as it can' : formatMoment(at, now, locale)
}
