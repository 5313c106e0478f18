import { updatedSince } from '../catalog/pipedrive-time'
import { createdSince } from '../outbox/lost-requests'
import type { OutboxQueue, QueuedRow, Settlement } from '../outbox/outbox-queue'
import { outboxKindFacts, rowKinds } from './kinds'
import type { Attempt, LookedUpKind } from './kinds/row-kind'

/**
 * One attempt at a claimed row, through its kind. A row whose earlier answer was lost (the
 * queue offers it only once that request can no longer land) is looked up first, unless its
 * kind may simply be sent again; what the lookup finds is the row's, unless another row holds it.
 */
export async function attemptRow(
  row: QueuedRow,
  queue: OutboxQueue,
  attempt: Attempt,
): Promise<Settlement> {
  const kind = rowKinds[row.kind]
  if (row.lost && !outboxKindFacts[row.kind].repeatable) {
    const { lost } = row
    const since = () => createdSince(lost, attempt.gateway.serverClockOffsetMs())
    const lookup = await (kind as LookedUpKind).lookup(row, attempt, {
      updatedSince: () => updatedSince(new Date(since()).toISOString()),
      covers: (addTime) => addTime >= since(),
    })
    if ('settled' in lookup) return lookup.settled
    const mine = queue.adopt(row.id, lookup.found)
    if (mine !== undefined) return { to: 'sent', remoteId: mine }
  }
  return kind.send(row, attempt)
}
