import type { OutboxKind } from '../ipc/contract'

/** What every part of Leadbox knows of a kind of outbox row. */
export interface OutboxKindFacts {
  /** The kind in plain words, as the Outbox lists it. */
  words: string
  /**
   * Whether Pipedrive may receive it twice without harm. A kind that may not is looked up
   * after a lost answer before it is sent again (src/main/core/sync/kinds).
   */
  repeatable: boolean
}

export const outboxKindFacts = {
  'lead.create': { words: 'New lead', repeatable: false },
  'person.create': { words: 'New person', repeatable: false },
  'organization.create': { words: 'New organization', repeatable: false },
  'lead.update': { words: 'Lead change', repeatable: true },
  'lead.archive': { words: 'Archive lead', repeatable: true },
  'lead.unarchive': { words: 'Restore lead', repeatable: true },
  'lead.delete': { words: 'Delete lead', repeatable: true },
  'lead.convert': { words: 'Convert to deal', repeatable: false },
  'note.create': { words: 'Note', repeatable: false },
  'activity.create': { words: 'Activity', repeatable: false },
  // Marking done twice leaves it done.
  'activity.done': { words: 'Activity done', repeatable: true },
} as const satisfies Record<OutboxKind, OutboxKindFacts>
