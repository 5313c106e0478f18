import { PipedriveFailure } from '../../pipedrive/failure'
import type { ActivityCreatePayload } from '../../outbox/row-writer'
import type { QueuedRow } from '../../outbox/outbox-queue'
import type { LookedUpKind } from './row-kind'

/** The lead: sent by Leadbox (its create row's id), or only ever in Pipedrive. */
function leadOf(row: QueuedRow): string {
  const lead = row.parents.lead ?? (row.payload as ActivityCreatePayload).leadId
  if (!lead)
    throw new PipedriveFailure('not_found', 'The lead of this activity is not in Pipedrive.')
  return lead
}

/** The lead's person, queued with it or already in Pipedrive, takes part. */
function personOf(row: QueuedRow, payload: ActivityCreatePayload): number | undefined {
  const queued = row.parents.person
  return queued !== undefined ? Number(queued) : payload.personId
}

/**
 * An activity is ours when its lead, subject, type and due day fit and it was made after the
 * lost request began; another row may hold a twin, so the oldest fitting one comes first.
 */
export const activityCreate: LookedUpKind = {
  async lookup(row, { gateway }, window) {
    const payload = row.payload as ActivityCreatePayload
    const activities = await gateway.listActivities({
      lead_id: leadOf(row),
      updated_since: window.updatedSince(),
    })
    return {
      found: activities
        .filter(
          (activity) =>
            window.covers(activity.addTime) &&
            activity.subject.trim() === payload.subject.trim() &&
            activity.type === payload.type &&
            activity.dueDate === payload.dueDate,
        )
        .sort((a, b) => a.id - b.id)
        .map((activity) => String(activity.id)),
    }
  },
  async send(row, { gateway }) {
    const payload = row.payload as ActivityCreatePayload
    const personId = personOf(row, payload)
    const activity = await gateway.addActivity({
      subject: payload.subject,
      type: payload.type,
      lead_id: leadOf(row),
      due_date: payload.dueDate,
      ...(payload.dueTime === undefined ? {} : { due_time: payload.dueTime }),
      ...(personId === undefined ? {} : { participants: [{ person_id: personId, primary: true }] }),
    })
    return { to: 'sent', remoteId: String(activity.id) }
  },
}
