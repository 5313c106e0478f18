import { useId } from 'react'
import type { TimelineActivity, WaitingEntry } from '../../../../shared/leads/lead-timeline'
import { useLeadTimeline, useMarkDone } from '../../api'
import { describeError } from '../../ui/describe-error'
import { AddActivityForm } from './AddActivityForm'
import { AddNoteForm } from './AddNoteForm'
import { noteText } from './note-text'
import { formatDue, isOverdue, orderedActivities, orderedNotes } from './timeline-entries'

const readTime = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' })
const readDayAndTime = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
})
const noteTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** "as of 10:42", or with the day when it was not today. */
function asOf(readAt: number): string {
  const sameDay = new Date(readAt).toDateString() === new Date().toDateString()
  return `as of ${(sameDay ? readTime : readDayAndTime).format(readAt)}`
}

/**
 * The lead's activities and notes: open activities first, then done ones, then notes newest
 * first, with what waits in the outbox for the lead. Read from Pipedrive when the lead opens;
 * offline, the copy from the last read, with when that was.
 */
export function LeadTimeline({ leadId, leadTitle }: { leadId: string; leadTitle: string }) {
  const headingId = useId()
  const timeline = useLeadTimeline(leadId)
  const markDone = useMarkDone(leadId)
  const data = timeline.data
  const now = new Date()
  const { open, done } = orderedActivities(data?.activities ?? [])
  const notes = orderedNotes(data?.notes ?? [])
  const waiting = data?.waiting ?? []
  const empty = open.length + done.length + notes.length + waiting.length === 0

  return (
    <section className="lead-timeline" aria-labelledby={headingId}>
      <h3 id={headingId} className="lead-timeline__title">
        Activities and notes
      </h3>
      {timeline.isError ? (
        <p role="alert" className="lead-timeline__problem">
          Could not show them: {describeError(timeline.error).message}
        </p>
      ) : null}
      {data ? (
        <p className="lead-timeline__freshness" data-testid="timeline-freshness">
          {data.problem
            ? `${data.problem} ${
                data.readAt === null
                  ? 'Nothing has been read for this lead yet.'
                  : `Showing what Leadbox read ${asOf(data.readAt)}.`
              }`
            : data.readAt === null
              ? 'Reading from Pipedrive…'
              : `From Pipedrive, ${asOf(data.readAt)}.`}
        </p>
      ) : (
        <p className="muted" aria-busy="true">
          Loading…
        </p>
      )}
      {waiting.length > 0 ? (
        <ul className="lead-timeline__list" aria-label="Waiting to send">
          {waiting.map((entry) => (
            <WaitingItem key={entry.rowId} entry={entry} />
          ))}
        </ul>
      ) : null}
      {open.length > 0 ? (
        <ul className="lead-timeline__list" aria-label="Open activities">
          {open.map((activity) => (
            <ActivityItem
              key={activity.id}
              activity={activity}
              overdue={isOverdue(activity, now)}
              onDone={() => markDone.mutate({ id: activity.id, subject: activity.subject })}
            />
          ))}
        </ul>
      ) : null}
      {markDone.isError ? (
        <p role="alert" className="lead-timeline__problem">
          Not marked done: {describeError(markDone.error).message}
        </p>
      ) : null}
      {done.length > 0 ? (
        <ul className="lead-timeline__list" aria-label="Done activities">
          {done.map((activity) => (
            <ActivityItem key={activity.id} activity={activity} overdue={false} />
          ))}
        </ul>
      ) : null}
      {notes.length > 0 ? (
        <ul className="lead-timeline__list" aria-label="Notes">
          {notes.map((note) => (
            <li key={note.id} className="lead-timeline__item">
              <div className="lead-timeline__main">
                <span className="lead-timeline__type">Note</span>
                <p className="lead-timeline__note">{noteText(note.content)}</p>
              </div>
              <span className="lead-timeline__meta">{noteTime.format(note.addTime)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {data && empty ? <p className="lead-timeline__hint">No activities or notes yet.</p> : null}
      <AddNoteForm leadId={leadId} />
      <AddActivityForm leadId={leadId} leadTitle={leadTitle} types={data?.activityTypes ?? []} />
    </section>
  )
}

function ActivityItem({
  activity,
  overdue,
  onDone,
}: {
  activity: TimelineActivity
  overdue: boolean
  onDone?: () => void
}) {
  return (
    <li className="lead-timeline__item" data-overdue={overdue ? '' : undefined}>
      <span className="lead-timeline__main">
        <span className="lead-timeline__type">{activity.typeName}</span>{' '}
        <span className="lead-timeline__subject">{activity.subject}</span>
      </span>
      <span className="lead-timeline__meta">
        {formatDue(activity.dueDate, activity.dueTime)}
        {overdue ? (
          <span className="status-pill" data-tone="danger">
            Overdue
          </span>
        ) : null}
        {activity.doneWaiting ? (
          <span className="status-pill" data-tone="warning">
            Done — waiting to send
          </span>
        ) : activity.done ? (
          <span className="status-pill" data-tone="ok">
            Done
          </span>
        ) : null}
      </span>
      {onDone ? (
        <button
          type="button"
          className="button"
          aria-label={`Mark done: ${activity.subject}`}
          onClick={onDone}
        >
          Mark done
        </button>
      ) : null}
    </li>
  )
}

function WaitingItem({ entry }: { entry: WaitingEntry }) {
  return (
    <li className="lead-timeline__item">
      <span className="lead-timeline__main">
        {entry.kind === 'note' ? (
          <>
            <span className="lead-timeline__type">Note</span>{' '}
            <span className="lead-timeline__note">{entry.content}</span>
          </>
        ) : (
          <>
            <span className="lead-timeline__type">{entry.typeName}</span>{' '}
            <span className="lead-timeline__subject">{entry.subject}</span>
          </>
        )}
      </span>
      <span className="lead-timeline__meta">
        {entry.kind === 'activity' ? formatDue(entry.dueDate, entry.dueTime) : null}
        {entry.needsAttention ? (
          <span className="status-pill" data-tone="danger">
            Needs attention in the Outbox
          </span>
        ) : (
          <span className="status-pill" data-tone="warning">
            Waiting to send
          </span>
        )}
      </span>
    </li>
  )
}
