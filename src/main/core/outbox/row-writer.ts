import { randomUUID } from 'node:crypto'
import type { OutboxKind } from '../../../shared/ipc/contract'
import type { LeadRef } from '../../../shared/leads/lead-change'
import type { Db } from '../db/database'

/** What an activity row stores; the lead (and a queued person) come from its parents. */
export interface ActivityCreatePayload {
  type: string
  subject: string
  dueDate: string
  dueTime?: string
  /** The lead's person when Pipedrive already has it. */
  personId?: number
}

export type Role = 'person' | 'organization' | 'lead'

/** Adds outbox rows, and knows which lead a row belongs to for the lead's order. */
export interface RowWriter {
  add(kind: OutboxKind, payload: unknown, title: string, leadKey?: string): number
  /** The row waits until `parentId` is sent, and takes its Pipedrive id as `role`. */
  link(rowId: number, parentId: number, role: Role): void
  /** A note waits for its lead and keeps its place among the lead's other changes. */
  addNote(leadRowId: number, content: string): number
  /**
   * An activity waits for its lead, and for its person when that is queued too
   * (`personRowId`), and keeps its place among the lead's other changes.
   */
  addActivity(leadRowId: number, payload: ActivityCreatePayload, personRowId?: number): number
  /**
   * One key per lead, however a change names it: a lead Leadbox created is known by its
   * create row ('outbox:<row>') even after it has a Pipedrive id, so a change made later
   * never overtakes one made while the lead was still pending.
   */
  leadKey(lead: LeadRef): string
}

export function createRowWriter(db: Db, now: () => number): RowWriter {
  const insert = db.prepare<[string, OutboxKind, string, string, string | null, number, number]>(
    `INSERT INTO outbox (client_id, kind, payload, title, lead_ref, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const link = db.prepare<[number, number, Role]>(
    'INSERT INTO outbox_dependency (row_id, parent_id, role) VALUES (?, ?, ?)',
  )
  const createOf = db.prepare<[string], { id: number }>(
    `SELECT id FROM outbox WHERE kind = 'lead.create' AND remote_id = ? ORDER BY id LIMIT 1`,
  )
  const writer: RowWriter = {
    add(kind, payload, title, leadKey) {
      const at = now()
      const { lastInsertRowid } = insert.run(
        randomUUID(),
        kind,
        JSON.stringify(payload),
        title,
        leadKey ?? null,
        at,
        at,
      )
      return Number(lastInsertRowid)
    },
    link(rowId, parentId, role) {
      link.run(rowId, parentId, role)
    },
    addNote(leadRowId, content) {
      const id = writer.add('note.create', { content }, content.slice(0, 80), `outbox:${leadRowId}`)
      writer.link(id, leadRowId, 'lead')
      return id
    },
    addActivity(leadRowId, payload, personRowId) {
      const id = writer.add('activity.create', payload, payload.subject, `outbox:${leadRowId}`)
      writer.link(id, leadRowId, 'lead')
      if (personRowId !== undefined) writer.link(id, personRowId, 'person')
      return id
    },
    leadKey(lead) {
      if ('outboxId' in lead) return `outbox:${lead.outboxId}`
      const create = createOf.get(lead.remoteId)
      return create ? `outbox:${create.id}` : `remote:${lead.remoteId}`
    },
  }
  return writer
}
