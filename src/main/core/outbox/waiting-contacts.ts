import { createDuplicateIndex } from '../../../shared/quick-add/duplicates'
import type { Db } from '../db/database'

/** The row of a new contact's twin, still waiting to be sent. */
export type Twin = { kind: 'waiting'; rowId: number }

/** A new person queued in the outbox and not yet sent, as quick add offers them. */
export type WaitingPerson = { outboxId: number; name: string; email?: string; phone?: string }

/** A lead queued in the outbox and not yet sent, by who it is about. */
export type WaitingLead = {
  title: string
  personId: number | null
  organizationId: number | null
  /** Its new person's outbox row, when the person is queued too. */
  personRowId: number | null
}

export interface WaitingContacts {
  /**
   * The person queued before, still waiting, with the same email or phone number (see
   * `duplicates.ts`), so a second lead naming them waits for that row and Pipedrive receives
   * one. A name alone, or initials, is a guess: two captures of "Anna Weber" may be two
   * people, and a silent merge would link a lead to the wrong one. Guesses are the user's
   * to confirm, on the chip.
   */
  twinOf(contact: { name: string; email?: string; phone?: string }): Twin | undefined
  /** New persons still waiting, newest first: quick add offers them as likely matches. */
  persons(): WaitingPerson[]
  /** Leads still waiting, newest first: quick add says a contact already has one. */
  leads(): WaitingLead[]
  /**
   * Whether row `id` is a new person a lead may wait for: one the user chose on the chip.
   * A sent one still counts (the lead takes its Pipedrive id); a cancelled one does not.
   */
  isPerson(id: number): boolean
}

type Row = { id: number; payload: string }

export function createWaitingContacts(db: Db): WaitingContacts {
  const queued = db.prepare<[], Row>(
    `SELECT id, payload FROM outbox
     WHERE kind = 'person.create' AND state NOT IN ('sent', 'cancelled') ORDER BY id`,
  )
  const queuedLeads = db.prepare<[], Row & { title: string; person_row: number | null }>(
    `SELECT o.id, o.payload, o.title,
       (SELECT d.parent_id FROM outbox_dependency d
        WHERE d.row_id = o.id AND d.role = 'person') AS person_row
     FROM outbox o
     WHERE o.kind = 'lead.create' AND o.state NOT IN ('sent', 'cancelled') ORDER BY o.id DESC`,
  )
  const personRow = db.prepare<[number], { id: number }>(
    `SELECT id FROM outbox WHERE id = ? AND kind = 'person.create' AND state <> 'cancelled'`,
  )
  const waitingPersons = (): WaitingPerson[] =>
    queued.all().map((row) => {
      const { name, email, phone } = JSON.parse(row.payload) as Omit<WaitingPerson, 'outboxId'>
      return {
        outboxId: row.id,
        name,
        ...(email === undefined ? {} : { email }),
        ...(phone === undefined ? {} : { phone }),
      }
    })
  // Against waiting rows only: the catalog is the user's to pick from, on the chip.
  const index = createDuplicateIndex('person', [])
  return {
    twinOf(contact) {
      const found = index.likelyMatch(contact, waitingPersons())
      if (!found || found.contact.kind !== 'waiting') return undefined
      if (found.reason !== 'email' && found.reason !== 'phone') return undefined
      return { kind: 'waiting', rowId: found.contact.outboxId }
    },
    persons: () => waitingPersons().reverse(),
    leads: () =>
      queuedLeads.all().map((row) => {
        const lead = JSON.parse(row.payload) as { personId?: number; organizationId?: number }
        return {
          title: row.title,
          personId: lead.personId ?? null,
          organizationId: lead.organizationId ?? null,
          personRowId: row.person_row,
        }
      }),
    isPerson: (id) => personRow.get(id) !== undefined,
  }
}
