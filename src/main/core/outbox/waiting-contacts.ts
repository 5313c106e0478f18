import { createDuplicateIndex, type ContactKind } from '../../../shared/quick-add/duplicates'
import type { Db } from '../db/database'

/** Where a new contact's twin already is: a row still waiting, or one Pipedrive has. */
export type Twin = { kind: 'waiting'; rowId: number } | { kind: 'sent'; id: number }

export interface WaitingContacts {
  /**
   * The person or organization queued before with the same email, phone number or name
   * (normalized; see `duplicates.ts`), so a second lead naming it waits for that one and
   * Pipedrive receives it once. Initials alone are only a guess, left to the user.
   */
  twinOf(
    kind: ContactKind,
    contact: { name: string; email?: string; phone?: string },
  ): Twin | undefined
}

type Row = { id: number; state: string; payload: string; remote_id: string | null }

export function createWaitingContacts(db: Db): WaitingContacts {
  const queued = db.prepare<[string], Row>(
    `SELECT id, state, payload, remote_id FROM outbox WHERE kind = ? AND state != 'cancelled'
     ORDER BY id`,
  )
  // Against queued rows only: the catalog is the user's to pick from, on the chip.
  const indexes = {
    person: createDuplicateIndex('person', []),
    organization: createDuplicateIndex('organization', []),
  }
  return {
    twinOf(kind, contact) {
      const rows = queued.all(`${kind}.create`)
      const waiting = rows.map((row) => {
        const fields = JSON.parse(row.payload) as { name: string; email?: string; phone?: string }
        return { outboxId: row.id, ...fields }
      })
      const found = indexes[kind].likelyMatch(contact, waiting)
      if (!found || found.reason === 'initials' || found.contact.kind !== 'waiting')
        return undefined
      const rowId = found.contact.outboxId
      const row = rows.find((candidate) => candidate.id === rowId)!
      const remoteId = Number(row.remote_id)
      return row.state === 'sent' && Number.isInteger(remoteId) && remoteId > 0
        ? { kind: 'sent', id: remoteId }
        : { kind: 'waiting', rowId }
    },
  }
}
