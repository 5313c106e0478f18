import type { OutboxItem } from '../../../shared/ipc/contract'
import type { LeadRef } from '../../../shared/leads/lead-change'
import {
  leadActivityInputSchema,
  leadNoteInputSchema,
  markDoneInputSchema,
} from '../../../shared/leads/lead-timeline'
import { LeadboxError, fieldErrors } from '../../../shared/result'
import type { Db } from '../db/database'
import { leavingLeads } from './lead-changes'
import type { Outbox } from './outbox'
import { createRowWriter } from './row-writer'

/**
 * Notes and activities added to a lead from its pane, and activities marked done: queued
 * like every other change, in the lead's order, through the same row writer as a capture's.
 */
export interface ActivityChanges {
  markDone(input: unknown): OutboxItem
  addNote(input: unknown): OutboxItem
  addActivity(input: unknown): OutboxItem
}

export function createActivityChanges(
  db: Db,
  outbox: Outbox,
  now: () => number = Date.now,
): ActivityChanges {
  const rows = createRowWriter(db, now)
  const refuseIfLeaving = leavingLeads(db)
  // The lead as the inbox has it: its person takes part in a new activity.
  const cachedLead = db.prepare<[string], { title: string; person_id: number | null }>(
    'SELECT title, person_id FROM inbox_lead WHERE id = ?',
  )
  const createRow = db.prepare<[number], { state: string; payload: string }>(
    `SELECT state, payload FROM outbox WHERE id = ? AND kind = 'lead.create'`,
  )
  const queuedPerson = db.prepare<[number], { parent_id: number }>(
    `SELECT d.parent_id FROM outbox_dependency d JOIN outbox p ON p.id = d.parent_id
     WHERE d.row_id = ? AND d.role = 'person' AND p.state <> 'cancelled'`,
  )
  const mustGet = (id: number) => {
    const item = outbox.get(id)
    if (!item) throw new LeadboxError('not_found', 'This item is no longer in the outbox.')
    return item
  }
  /** The lead still takes changes: not discarded while waiting, not deleted or converted. */
  const checkLead = (lead: LeadRef) => {
    if ('outboxId' in lead) {
      const row = createRow.get(lead.outboxId)
      if (!row || row.state === 'cancelled') {
        throw new LeadboxError('not_found', 'This lead is no longer waiting in the outbox.')
      }
    }
    refuseIfLeaving(rows.leadKey(lead))
  }
  /** The lead's person: in Pipedrive by id, or queued before a lead still waiting. */
  const personOf = (lead: LeadRef): { id?: number; rowId?: number } => {
    if ('remoteId' in lead) return { id: cachedLead.get(lead.remoteId)?.person_id ?? undefined }
    const payload = JSON.parse(createRow.get(lead.outboxId)?.payload ?? '{}') as {
      personId?: number
    }
    return { id: payload.personId, rowId: queuedPerson.get(lead.outboxId)?.parent_id }
  }

  return {
    markDone: db.transaction((input: unknown) => {
      const parsed = markDoneInputSchema.safeParse(input)
      if (!parsed.success) {
        throw new LeadboxError(
          'invalid_request',
          'That activity cannot be marked done.',
          fieldErrors(parsed.error),
        )
      }
      const { leadId, activityId, subject } = parsed.data
      checkLead({ remoteId: leadId })
      const id = rows.add(
        'activity.done',
        { activityId },
        `Done: ${subject}`.slice(0, 255),
        rows.leadKey({ remoteId: leadId }),
      )
      return mustGet(id)
    }),

    addNote: db.transaction((input: unknown) => {
      const parsed = leadNoteInputSchema.safeParse(input)
      if (!parsed.success) {
        throw new LeadboxError(
          'invalid_request',
          'The note was not added.',
          fieldErrors(parsed.error),
        )
      }
      checkLead(parsed.data.lead)
      return mustGet(rows.addNote(parsed.data.lead, parsed.data.content, true))
    }),

    addActivity: db.transaction((input: unknown) => {
      const parsed = leadActivityInputSchema.safeParse(input)
      if (!parsed.success) {
        throw new LeadboxError(
          'invalid_request',
          'The activity was not added.',
          fieldErrors(parsed.error),
        )
      }
      const { lead, leadTitle, activity } = parsed.data
      outbox.checkActivityType(activity.type, 'activity.type')
      checkLead(lead)
      const title = ('remoteId' in lead && cachedLead.get(lead.remoteId)?.title) || leadTitle
      const person = personOf(lead)
      return mustGet(outbox.queueActivity(lead, title, activity, person.id, person.rowId, true))
    }),
  }
}
