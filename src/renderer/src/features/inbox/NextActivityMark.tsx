import type { InboxLead } from '../../../../shared/ipc/contract'
import { isOverdue, localDue } from '../../../../shared/leads/activity-due'
import { formatDay } from './lead-format'

interface Props {
  nextActivity: InboxLead['nextActivity']
  /** An activity of the lead waits in the outbox: one is planned. */
  activityWaiting: boolean
  now: number
}

/**
 * What needs doing about a lead's next step: nothing planned (a quiet mark), or the next
 * activity overdue with its due date. In words, so it reads without colour and aloud.
 */
export function NextActivityMark({ nextActivity, activityWaiting, now }: Props) {
  if (activityWaiting) return null
  if (nextActivity === null) {
    return <span className="next-activity-mark">No next activity</span>
  }
  const { due } = nextActivity
  if (due === null || !isOverdue(due, now)) return null
  const { day, time } = localDue(due)
  return (
    <span className="next-activity-mark status-pill" data-tone="danger">
      Overdue since {formatDay(day)}
      {time ? `, ${time}` : ''}
    </span>
  )
}
