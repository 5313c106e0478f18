import type { ZodError } from 'zod'
import type { OutboxItem, OutboxKind } from '../../../shared/ipc/contract'
import {
  leadChangeSchema,
  leadFieldsSchema,
  type LeadFields,
  type LeadChange,
} from '../../../shared/leads/lead-change'
import { LeadboxError, fieldErrors } from '../../../shared/result'
import type { Db } from '../db/database'
import type { Outbox } from './outbox'
import { createRowWriter } from './row-writer'

/** What an update row stores: what changed, from what, on which version of the lead. */
export interface LeadUpdatePayload {
  remoteId?: string
  after: LeadFields
  before: LeadFields
  baseUpdateTime?: string
}

/** Both sides of each field changed in Leadbox and in Pipedrive since the edit began. */
export type Conflict = {
  fields: Partial<Record<keyof LeadFields, { mine: unknown; theirs: unknown }>>
  /** Pipedrive's update_time when the conflict was found: the new base once resolved. */
  remoteUpdateTime: string
}

export interface LeadChanges {
  /** Queues an edit, archive, unarchive or delete of a lead, in Pipedrive or still pending. */
  enqueue(input: unknown, leadTitle?: string): OutboxItem
  /** Keeps, for each conflicting field, the user's value or Pipedrive's; queues the rest. */
  resolveConflict(id: number, keep: Record<string, 'mine' | 'theirs'>): OutboxItem
}

const kinds: Record<LeadChange['kind'], OutboxKind> = {
  update: 'lead.update',
  archive: 'lead.archive',
  unarchive: 'lead.unarchive',
  delete: 'lead.delete',
  convert: 'lead.convert',
}
const verbs: Record<LeadChange['kind'], string> = {
  update: 'Edit',
  archive: 'Archive',
  unarchive: 'Unarchive',
  delete: 'Delete',
  convert: 'Convert to deal',
}

/**
 * A lead on its way out of Pipedrive's leads, or already out, takes no further changes (its
 * notes and activities included): a conversion of a deleted lead would otherwise look, after
 * a lost answer, just like the conversion that removed it. Throws, in plain words, for one.
 */
export function leavingLeads(db: Db): (leadKey: string) => void {
  const leaving = db.prepare<[string], { kind: OutboxKind; state: string }>(
    `SELECT kind, state FROM outbox WHERE lead_ref = ? AND kind IN ('lead.convert', 'lead.delete')
       AND state IN ('queued', 'sending', 'uncertain', 'needs_attention', 'sent')
     ORDER BY state = 'sent' DESC LIMIT 1`,
  )
  return (leadKey) => {
    const gone = leaving.get(leadKey)
    if (!gone) return
    const converting = gone.kind === 'lead.convert'
    throw new LeadboxError(
      'invalid_request',
      gone.state === 'sent'
        ? converting
          ? 'This lead was converted to a deal, so it can no longer be changed as a lead.'
          : 'This lead was deleted.'
        : converting
          ? 'This lead is already being converted to a deal.'
          : 'This lead is already being deleted.',
    )
  }
}

function invalid(error: ZodError, message: string): never {
  throw new LeadboxError('invalid_request', message, fieldErrors(error))
}

export function createLeadChanges(
  db: Db,
  outbox: Outbox,
  now: () => number = Date.now,
): LeadChanges {
  const row = db.prepare<
    [number],
    { kind: OutboxKind; state: string; payload: string; conflict: string | null }
  >('SELECT kind, state, payload, conflict FROM outbox WHERE id = ?')
  const rows = createRowWriter(db, now)
  const refuseIfLeaving = leavingLeads(db)
  const requeue = db.prepare(
    `UPDATE outbox SET payload = ?, title = ?, state = 'queued', conflict = NULL, last_error = NULL,
       next_attempt_at = NULL, updated_at = ? WHERE id = ?`,
  )
  const mustGet = (id: number) => {
    const item = outbox.get(id)
    if (!item) throw new LeadboxError('not_found', 'This item is no longer in the outbox.')
    return item
  }

  return {
    enqueue: db.transaction((input: unknown, leadTitle?: string) => {
      const parsed = leadChangeSchema.safeParse(input)
      if (!parsed.success) invalid(parsed.error, 'This change is not valid.')
      const change = parsed.data
      let parent: number | undefined
      if ('outboxId' in change.lead) {
        const create = outbox.get(change.lead.outboxId)
        if (!create || create.kind !== 'lead.create' || create.state === 'cancelled') {
          throw new LeadboxError('not_found', 'This lead is no longer waiting in the outbox.')
        }
        parent = create.id
      }
      const leadRef = rows.leadKey(change.lead)
      refuseIfLeaving(leadRef)
      const remote = 'remoteId' in change.lead ? { remoteId: change.lead.remoteId } : {}
      const payload =
        change.kind === 'update'
          ? {
              ...remote,
              after: change.after,
              before: change.before,
              ...(change.baseUpdateTime ? { baseUpdateTime: change.baseUpdateTime } : {}),
            }
          : remote
      const title = `${verbs[change.kind]}: ${leadTitle ?? 'lead'}`.slice(0, 255)
      const id = rows.add(kinds[change.kind], payload, title, leadRef)
      if (parent !== undefined) rows.link(id, parent, 'lead')
      return mustGet(id)
    }),

    resolveConflict: db.transaction((id: number, keep: Record<string, 'mine' | 'theirs'>) => {
      const current = row.get(id)
      if (!current || current.kind !== 'lead.update' || current.conflict === null) {
        throw new LeadboxError('not_found', 'This change has no conflict to resolve.')
      }
      const conflict = JSON.parse(current.conflict) as Conflict
      const payload = JSON.parse(current.payload) as LeadUpdatePayload
      const after: Record<string, unknown> = { ...payload.after }
      const before: Record<string, unknown> = { ...payload.before }
      for (const [field, sides] of Object.entries(conflict.fields)) {
        const choice = keep[field]
        if (choice !== 'mine' && choice !== 'theirs') {
          throw new LeadboxError(
            'invalid_request',
            'Pick a value for every field changed on both sides.',
            {
              [field]: 'Keep yours or Pipedrive’s',
            },
          )
        }
        // The new base is Pipedrive's value; "theirs" means there is nothing left to send.
        before[field] = sides?.theirs
        if (choice === 'theirs') delete after[field]
      }
      const item = mustGet(id)
      if (Object.keys(after).length === 0) return outbox.discard(id)[0] ?? item
      const next: LeadUpdatePayload = {
        ...payload,
        after: leadFieldsSchema.parse(after),
        before: before as LeadFields,
        baseUpdateTime: conflict.remoteUpdateTime,
      }
      requeue.run(JSON.stringify(next), item.title, now(), id)
      return mustGet(id)
    }),
  }
}
