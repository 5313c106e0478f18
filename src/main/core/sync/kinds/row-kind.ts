import type { OutboxKind } from '../../../../shared/ipc/contract'
import type { outboxKindFacts } from '../../../../shared/outbox/outbox-kinds'
import type { QueuedRow, Settlement } from '../../outbox/outbox-queue'
import type { OutboxGateway } from '../../pipedrive/outbox-gateway'

/** One attempt at a row: its requests all go through `gateway`, cut off at its deadline. */
export interface Attempt {
  gateway: OutboxGateway
  now(): number
}

/** What a lookup learned of a row's lost requests. */
export type Lookup =
  /** Pipedrive ids of records they may have made, best first; none: they never landed. */
  | { found: string[] }
  /** The lookup alone says how the row ends. */
  | { settled: Settlement }

/** How a row of a kind that may be sent twice reaches Pipedrive: after a lost answer, again. */
export interface RepeatableKind {
  send(row: QueuedRow, attempt: Attempt): Promise<Settlement>
}

/** How a row of a kind that may not be sent twice reaches Pipedrive, and is looked up. */
export interface LookedUpKind extends RepeatableKind {
  /**
   * After a lost answer, before sending again: what the lost requests made, read from a
   * listing that is consistent right after a write (never only from search), and only what
   * they could have made: created within `window`, with the same identifying fields.
   */
  lookup(row: QueuedRow, attempt: Attempt, window: LostWindow): Promise<Lookup>
}

/** The way of a kind, by whether it is repeatable (src/shared/outbox/outbox-kinds.ts). */
export type RowKind<K extends OutboxKind> = (typeof outboxKindFacts)[K]['repeatable'] extends true
  ? RepeatableKind
  : LookedUpKind

/** When the lost requests could have made a record, by Pipedrive's clock. */
export interface LostWindow {
  /** The `updated_since` to list with (whole seconds, rounded down: never too late). */
  updatedSince(): string
  /**
   * Whether a record created then could be theirs. Asked after the listing answered, whose
   * Date tells Pipedrive's clock when nothing had before.
   */
  covers(addTime: number): boolean
}
