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
  /** A lead only Pipedrive has (Leadbox did not create it): its id, as no row holds it. */
  leadId?: string
  /** As for a note. */
  addedOnPane?: true
}

/** What a note row stores; `leadId` as for an activity. */
export interface NoteCreatePayload {
  content: string
  leadId?: string
  /**
   * Added on the lead's pane: no part of the draft the lead was captured with, so an edit of
   * the waiting lead leaves it be.
   */
  addedOnPane?: true
}

export type Role = 'person' | 'organization' | 'lead'

/** Adds outbox rows, and knows which lead a row belongs to for the lead's order. */
export interface RowWriter {
  add(kind: OutboxKind, payload: unknown, title: string, leadKey?: string): number
  /** The row waits until `parentId` is sent, and takes its Pipedrive id as `role`. */
  link(rowId: number, parentId: number, role: Role): void
  /**
   * A note waits for its lead (when Leadbox created it: its create row) and keeps its place
   * among the lead's other changes.
   */
  addNote(lead: LeadRef, content: string, onPane?: boolean): number
  /**
   * An activity waits for its lead as a note does, and for its person when that is queued
   * too (`personRowId`).
   */
  addActivity(lead: LeadRef, payload: ActivityCreatePayload, personRowId?: number): number
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
  /**
   * A row about a lead. A lead Leadbox created is waited for through its create row, which
   * gives the row the lead's Pipedrive id once sent; any other lead's id goes in the payload.
   */
  const onLead = (kind: OutboxKind, lead: LeadRef, payload: object, title: string) => {
    const key = writer.leadKey(lead)
    const createRow = key.startsWith('outbox:') ? Number(key.slice('outbox:'.length)) : null
    const own = createRow === null && 'remoteId' in lead ? { leadId: lead.remoteId } : {}
    const id = writer.add(kind, { ...payload, ...own }, title, key)
    if (createRow !== null) writer.link(id, createRow, 'lead')
    return id
  }
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
    addNote(lead, content, onPane = false) {
      const payload = onPane ? { content, addedOnPane: true } : { content }
      return onLead('note.create', lead, payload, content.slice(0, 80))
    },
    addActivity(lead, payload, personRowId) {
      const id = onLead('activity.create', lead, payload, payload.subject)
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
