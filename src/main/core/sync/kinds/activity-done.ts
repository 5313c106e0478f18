import type { RepeatableKind } from './row-kind'

/** An activity in Pipedrive marked done; sending it again changes nothing. */
export const activityDone: RepeatableKind = {
  async send(row, { gateway }) {
    const { activityId } = row.payload as { activityId: number }
    await gateway.markActivityDone(activityId)
    return { to: 'sent', remoteId: String(activityId) }
  },
}
