import type { LeadRef } from '../../../shared/leads/lead-change'
import type { LeadTimeline, WaitingEntry } from '../../../shared/leads/lead-timeline'
import type { CatalogSession } from '../catalog/catalog-refresh'
import type { Db } from '../db/database'
import { leadTimelineDue } from '../freshness/freshness-plan'
import type { Logger } from '../log/logger'
import type { QueuedRow } from '../outbox/outbox-queue'
import { createRowWriter, type ActivityCreatePayload } from '../outbox/row-writer'
import { PipedriveFailure } from '../pipedrive/failure'
import { listedActivitySchema, listedNoteSchema, readable } from '../pipedrive/pipedrive-gateway'
import type { NetworkSignals } from '../sync/network'
import type { LeadTimelineCache } from './lead-timeline-cache'

export interface LeadTimelineOptions {
  db: Db
  cache: LeadTimelineCache
  session(): CatalogSession | null
  network: NetworkSignals
  /** The company's activity types; inactive ones too when asked, to name old activities. */
  activityTypes(includeInactive?: boolean): Array<{ key: string; name: string }>
  log: Logger
  now?: () => number
  pageSize?: number
}

/**
 * A lead's activities and notes for its pane: the copy read from Pipedrive, and what is
 * waiting in the outbox for the lead. Read again when the lead is opened and the copy is
 * older than the freshness plan allows; offline or on failure, the copy stays as it was.
 */
export interface LeadTimelines {
  /** What is cached and waiting; asks Pipedrive nothing. */
  get(lead: LeadRef): LeadTimeline
  /** The lead was opened: reads Pipedrive if due, then answers as `get`. Never throws. */
  opened(lead: LeadRef): Promise<LeadTimeline>
  /** The sync engine sent a row: a note, activity or mark it made shows in the copy at once. */
  sent(account: string, row: QueuedRow, remoteId: string | null): void
}

interface WaitingRow {
  id: number
  kind: 'note.create' | 'activity.create' | 'activity.done'
  state: string
  payload: string
}

export function createLeadTimelines(options: LeadTimelineOptions): LeadTimelines {
  const { db, cache, log } = options
  const now = options.now ?? Date.now
  const pageSize = options.pageSize ?? 500
  const rows = createRowWriter(db, now)
  const createRow = db.prepare<[number], { state: string; remote_id: string | null }>(
    `SELECT state, remote_id FROM outbox WHERE id = ? AND kind = 'lead.create'`,
  )
  const waitingRows = db.prepare<[string], WaitingRow>(
    `SELECT id, kind, state, payload FROM outbox
     WHERE lead_ref = ? AND kind IN ('note.create', 'activity.create', 'activity.done')
       AND state IN ('queued', 'sending', 'uncertain', 'needs_attention')
     ORDER BY id`,
  )
  /** Why the last read of a lead did not go through, until one does. */
  const problems = new Map<string, string>()
  const reading = new Map<string, Promise<void>>()

  /** The lead's Pipedrive id, or null while it waits in the outbox; and its key there. */
  const resolve = (lead: LeadRef): { leadId: string | null; key: string } => {
    const key = rows.leadKey(lead)
    if ('remoteId' in lead) return { leadId: lead.remoteId, key }
    const create = createRow.get(lead.outboxId)
    return { leadId: create?.state === 'sent' ? create.remote_id : null, key }
  }

  const typeNames = () => new Map(options.activityTypes(true).map((type) => [type.key, type.name]))

  function get(lead: LeadRef): LeadTimeline {
    const { leadId, key } = resolve(lead)
    const names = typeNames()
    const nameOf = (type: string) => names.get(type) ?? type
    const marked = new Set<number>()
    const waiting: WaitingEntry[] = []
    for (const row of waitingRows.all(key)) {
      const payload = JSON.parse(row.payload) as Record<string, unknown>
      const needsAttention = row.state === 'needs_attention'
      if (row.kind === 'activity.done') marked.add(payload['activityId'] as number)
      else if (row.kind === 'note.create') {
        waiting.push({
          kind: 'note',
          rowId: row.id,
          needsAttention,
          content: String(payload['content']),
        })
      } else {
        const activity = payload as unknown as ActivityCreatePayload
        waiting.push({
          kind: 'activity',
          rowId: row.id,
          needsAttention,
          typeName: nameOf(activity.type),
          subject: activity.subject,
          dueDate: activity.dueDate,
          dueTime: activity.dueTime ?? null,
        })
      }
    }
    const account = options.session()?.account
    const copy =
      leadId && account ? cache.read(account, leadId) : { activities: [], notes: [], readAt: null }
    return {
      inPipedrive: leadId !== null,
      activities: copy.activities.map((activity) => ({
        id: activity.id,
        type: activity.type,
        typeName: nameOf(activity.type),
        subject: activity.subject,
        dueDate: activity.dueDate,
        dueTime: activity.dueTime,
        done: activity.done || marked.has(activity.id),
        doneWaiting: !activity.done && marked.has(activity.id),
      })),
      notes: copy.notes,
      waiting,
      readAt: copy.readAt,
      problem: leadId ? (problems.get(leadId) ?? null) : null,
      activityTypes: options.activityTypes().map(({ key, name }) => ({ key, name })),
    }
  }

  async function read(leadId: string): Promise<void> {
    const session = options.session()
    if (!session) {
      problems.set(leadId, 'Leadbox is not signed in to Pipedrive.')
      return
    }
    const { account } = session
    if (!leadTimelineDue(cache.read(account, leadId).readAt, now())) return
    if (!options.network.isOnline()) {
      problems.set(leadId, 'You are offline.')
      return
    }
    const client = session.client.for('inbox')
    const startedAt = now()
    try {
      const [activities, notes] = await Promise.all([
        client.listActivities({ lead_id: leadId }, pageSize),
        client.listNotes({ lead_id: leadId }, pageSize),
      ])
      // Signed out or into another account meanwhile: this copy is not the new one's.
      if (options.session()?.account !== account) return
      cache.replace(
        account,
        leadId,
        {
          activities: readable(listedActivitySchema, activities),
          notes: readable(listedNoteSchema, notes),
        },
        startedAt,
      )
      problems.delete(leadId)
    } catch (error) {
      log.warn({ err: error }, 'could not read the activities and notes of a lead')
      problems.set(
        leadId,
        error instanceof PipedriveFailure ? error.message : 'Pipedrive could not be read.',
      )
    }
  }

  return {
    get,
    async opened(lead) {
      const { leadId } = resolve(lead)
      if (leadId) {
        // Opened twice at once (a quick flip back): one read serves both.
        const pending = reading.get(leadId) ?? read(leadId).finally(() => reading.delete(leadId))
        reading.set(leadId, pending)
        await pending
      }
      return get(lead)
    },
    sent(account, row, remoteId) {
      const payload = row.payload as Record<string, unknown>
      const leadId = row.parents.lead ?? (payload['leadId'] as string | undefined)
      if (row.kind === 'activity.done') {
        cache.markDone(account, payload['activityId'] as number)
        return
      }
      if (remoteId === null || leadId === undefined) return
      if (row.kind === 'note.create') {
        cache.addNote(account, leadId, {
          id: Number(remoteId),
          content: String(payload['content']),
          addTime: now(),
        })
      }
      if (row.kind === 'activity.create') {
        const activity = payload as unknown as ActivityCreatePayload
        cache.addActivity(account, leadId, {
          id: Number(remoteId),
          type: activity.type,
          subject: activity.subject,
          dueDate: activity.dueDate,
          dueTime: activity.dueTime ?? null,
          done: false,
          addTime: now(),
        })
      }
    },
  }
}
