import { z } from 'zod'
import { leadRefSchema } from './lead-change'
import { nextActivitySchema } from './next-activity'

/** An activity of a lead as Pipedrive last gave it (due time in UTC, as Pipedrive keeps it). */
export const timelineActivitySchema = z.object({
  id: z.number().int(),
  /** The activity type's key, and its name as the catalog knows it (else the key). */
  type: z.string(),
  typeName: z.string(),
  subject: z.string(),
  /** YYYY-MM-DD. */
  dueDate: z.string().nullable(),
  /** HH:MM in UTC, when the activity has a time. */
  dueTime: z.string().nullable(),
  done: z.boolean(),
  /** Marked done here, and the mark is still on its way to Pipedrive. */
  doneWaiting: z.boolean(),
})
export type TimelineActivity = z.infer<typeof timelineActivitySchema>

export const timelineNoteSchema = z.object({
  id: z.number().int(),
  /** Pipedrive's HTML: shown as plain text, never as markup. */
  content: z.string(),
  /** Epoch ms. */
  addTime: z.number(),
})
export type TimelineNote = z.infer<typeof timelineNoteSchema>

/** A note or an activity added here and not yet in Pipedrive. */
export const waitingEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('note'),
    rowId: z.number().int(),
    needsAttention: z.boolean(),
    content: z.string(),
  }),
  z.object({
    kind: z.literal('activity'),
    rowId: z.number().int(),
    needsAttention: z.boolean(),
    typeName: z.string(),
    subject: z.string(),
    dueDate: z.string(),
    /** HH:MM in UTC, as it will be sent. */
    dueTime: z.string().nullable(),
  }),
])
export type WaitingEntry = z.infer<typeof waitingEntrySchema>

/** Everything the lead's pane lists under "Activities and notes". */
export const leadTimelineSchema = z.object({
  /** False for a lead still waiting in the outbox: there is nothing to read yet. */
  inPipedrive: z.boolean(),
  activities: z.array(timelineActivitySchema),
  notes: z.array(timelineNoteSchema),
  waiting: z.array(waitingEntrySchema),
  /** When Pipedrive was last read for this lead (epoch ms); null before the first read. */
  readAt: z.number().nullable(),
  /** Why the last read did not go through, in plain words; null when it did. */
  problem: z.string().nullable(),
  /** The company's active activity types, for adding one. */
  activityTypes: z.array(z.object({ key: z.string(), name: z.string() })),
})
export type LeadTimeline = z.infer<typeof leadTimelineSchema>

export const leadNoteInputSchema = z
  .object({
    lead: leadRefSchema,
    content: z
      .string()
      .trim()
      .min(1, 'Write something first')
      .max(100_000, 'This note is too long for Pipedrive'),
  })
  .strict()

export const leadActivityInputSchema = z
  .object({
    lead: leadRefSchema,
    /** Names the activity when the user gave no subject, as quick add does. */
    leadTitle: z.string().max(255),
    activity: nextActivitySchema,
  })
  .strict()

export const markDoneInputSchema = z
  .object({
    /** The lead's Pipedrive id: the mark keeps its place among the lead's changes. */
    leadId: z.string().min(1).max(64),
    activityId: z.number().int().positive(),
    subject: z.string().max(255),
  })
  .strict()
