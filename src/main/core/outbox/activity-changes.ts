import { z } from 'zod'
import type { OutboxItem } from '../../../shared/ipc/contract'
import { LeadboxError, fieldErrors } from '../../../shared/result'
import type { Db } from '../db/database'
import type { Outbox } from './outbox'
import { createRowWriter } from './row-writer'

const markDoneSchema = z
  .object({
    /** The lead's Pipedrive id: the mark keeps its place among the lead's changes. */
    leadId: z.string().min(1),
    activityId: z.number().int().positive(),
    subject: z.string().max(255),
  })
  .strict()

/** Changes to activities already in Pipedrive, queued like every other change. */
export interface ActivityChanges {
  markDone(input: unknown): OutboxItem
}

export function createActivityChanges(
  db: Db,
  outbox: Outbox,
  now: () => number = Date.now,
): ActivityChanges {
  const rows = createRowWriter(db, now)
  return {
    markDone: db.transaction((input: unknown) => {
      const parsed = markDoneSchema.safeParse(input)
      if (!parsed.success) {
        throw new LeadboxError(
          'invalid_request',
          'That activity cannot be marked done.',
          fieldErrors(parsed.error),
        )
      }
      const { leadId, activityId, subject } = parsed.data
      const id = rows.add(
        'activity.done',
        { activityId },
        `Done: ${subject}`.slice(0, 255),
        rows.leadKey({ remoteId: leadId }),
      )
      const item = outbox.get(id)
      if (!item) throw new LeadboxError('not_found', 'This item is no longer in the outbox.')
      return item
    }),
  }
}
