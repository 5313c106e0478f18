import { createDuplicateIndex } from '../../../shared/quick-add/duplicates'
import type { Db } from '../db/database'

/** The row of a new contact's twin, still waiting to be sent. */
export type Twin = { kind: 'waiting'; rowId: number }

export interface WaitingContacts {
  /**
   * The person queued before, still waiting, with the same email or phone number (see
   * `duplicates.ts`), so a second lead naming them waits for that row and Pipedrive receives
   * one. A name alone, or initials, is a guess: two captures of "Anna Weber" may be two
   * people, and a silent merge would link a lead to the wrong one. Guesses are the user's
   * to confirm, on the chip.
   */
  twinOf(contact: { name: string; email?: string; phone?: string }): Twin | undefined
}

type Row = { id: number; payload: string }

export function createWaitingContacts(db: Db): WaitingContacts {
  const queued = db.prepare<[], Row>(
    `SELECT id, payload FROM outbox
     WHERE kind = 'person.create' AND state NOT IN ('sent', 'cancelled') ORDER BY id`,
  )
  // Against waiting rows only: the catalog is the user's to pick from, on the chip.
  const index = createDuplicateIndex('person', [])
  return {
    twinOf(contact) {
      const rows = queued.all()
      const waiting = rows.map((row) => {
        const fields = JSON.parse(row.payload) as { name: string; email?: string; phone?: string }
        return { outboxId: row.id, ...fields }
      })
      const found = index.likelyMatch(contact, waiting)
      if (!found || found.contact.kind !== 'waiting') return undefined
      if (found.reason !== 'email' && found.reason !== 'phone') return undefined
      return { kind: 'waiting', rowId: found.contact.outboxId }
    },
  }
}
