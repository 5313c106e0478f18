import { isBudgetLow } from '../../../../shared/api-usage'
import type { SyncStatus } from '../../../../shared/ipc/contract'

export type SyncTone = 'ok' | 'idle' | 'offline' | 'attention'

/** The one fact that matters most about syncing right now. */
export type SyncState =
  'offline' | 'signed_out' | 'unreachable' | 'paused' | 'syncing' | 'waiting' | 'all_sent'

export interface SyncSummary {
  state: SyncState
  /** "Online", "Offline" or "Pipedrive unreachable". */
  connection: string
  /** Whether Pipedrive is connected, and when it is not answering or paused, since/until when. */
  account: string
  /** What is left to sync, or that nothing is. */
  queue: string
  /** A warning while the company's daily API budget is nearly spent; null otherwise. */
  budget: string | null
  tone: SyncTone
  /** Everything above in one sentence, for the indicator's accessible name. */
  label: string
}

/** Rows that have not reached Pipedrive and are not waiting on the user. */
export function waitingCount(counts: SyncStatus['counts']): number {
  return counts.queued + counts.sending + counts.uncertain
}

/** A moment in the OS locale: the time alone when it is on `now`'s day, else the day too. */
export function sayMoment(at: number, now: number, locale?: string): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString()
  const format = sameDay
    ? new Intl.DateTimeFormat(locale, { timeStyle: 'short' })
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  return format.format(at)
}

/** When something happens next: a moment not after `now` (or none) is "now", never 00:00. */
export function sayWhen(at: number | null, now: number, locale?: string): string {
  return at === null || at <= now ? 'now' : sayMoment(at, now, locale)
}

/** Warns before the budget runs out, while there is still time to hold back. */
export function sayBudget(budget: SyncStatus['budget'], locale?: string): string | null {
  if (!budget || !isBudgetLow(budget)) return null
  const number = new Intl.NumberFormat(locale)
  if (budget.left === 0) return "Pipedrive's daily API budget is used up"
  const left =
    budget.limit === null
      ? `${number.format(budget.left)} tokens left`
      : `${number.format(budget.left)} of ${number.format(budget.limit)} tokens left`
  return `Daily API budget almost used up: ${left}`
}

function stateOf(status: SyncStatus, waiting: number): SyncState {
  if (!status.online) return 'offline'
  if (!status.signedIn) return 'signed_out'
  if (status.unreachableSince !== null) return 'unreachable'
  if (status.pausedUntil !== null) return 'paused'
  if (status.counts.sending > 0) return 'syncing'
  if (waiting > 0) return 'waiting'
  return 'all_sent'
}

export function summarizeSync(status: SyncStatus, now = Date.now(), locale?: string): SyncSummary {
  const waiting = waitingCount(status.counts)
  const attention = status.counts.needs_attention
  const state = stateOf(status, waiting)

  const connection =
    state === 'offline' ? 'Offline' : state === 'unreachable' ? 'Pipedrive unreachable' : 'Online'

  const account = !status.signedIn
    ? 'Pipedrive not connected'
    : state === 'unreachable'
      ? `No answer since ${sayMoment(status.unreachableSince ?? now, now, locale)}; next try ${sayWhen(status.nextAttemptAt, now, locale)}`
      : state === 'paused'
        ? `Pipedrive connected; syncing paused until ${sayWhen(status.pausedUntil, now, locale)}`
        : 'Pipedrive connected'

  const parts: string[] = []
  if (state === 'syncing')
    parts.push(`Sending ${status.counts.sending}, ${waiting} waiting to sync`)
  else if (waiting > 0) parts.push(`${waiting} waiting to sync`)
  if (attention > 0) parts.push(`${attention} ${attention === 1 ? 'needs' : 'need'} attention`)
  const queue =
    parts.length > 0
      ? parts.join(', ')
      : status.signedIn && status.counts.sent > 0
        ? 'All sent'
        : 'Nothing waiting'

  const budget = status.signedIn ? sayBudget(status.budget, locale) : null

  const tone: SyncTone =
    attention > 0 || (budget !== null && state !== 'offline' && state !== 'unreachable')
      ? 'attention'
      : state === 'offline' || state === 'unreachable' || state === 'paused'
        ? 'offline'
        : status.signedIn
          ? 'ok'
          : 'idle'

  return {
    state,
    connection,
    account,
    queue,
    budget,
    tone,
    label: `Sync status: ${connection}, ${account}, ${queue.toLowerCase()}${budget ? `. ${budget}` : ''}`,
  }
}
