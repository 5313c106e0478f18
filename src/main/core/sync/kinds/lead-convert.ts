import type { QueuedRow, Settlement } from '../../outbox/outbox-queue'
import { PipedriveFailure } from '../../pipedrive/failure'
import type { OutboxGateway } from '../../pipedrive/outbox-gateway'
import { fetchLead, goneMessage, leadIdOf, neverReached } from './lead-change'
import type { LookedUpKind } from './row-kind'

/** What a conversion row stores; `conversionId` once Pipedrive has started the job. */
export interface ConversionPayload {
  remoteId?: string
  conversionId?: string
  polls?: number
}

/** Pipedrive converts in the background; asking often at first, then less, costs little. */
export const pollDelayMs = (polls: number) => Math.min(1_000 * 2 ** polls, 15_000)

async function start(
  leadId: string,
  row: QueuedRow,
  gateway: OutboxGateway,
  now: () => number,
): Promise<Settlement> {
  const payload = row.payload as ConversionPayload
  try {
    const { conversionId } = await gateway.convertLead(leadId)
    return {
      to: 'in_progress',
      nextAttemptAt: now() + pollDelayMs(0),
      payload: { ...payload, conversionId, polls: 0 },
    }
  } catch (error) {
    if (error instanceof PipedriveFailure && error.kind === 'not_found') {
      return { to: 'needs_attention', error: goneMessage, status: 404 }
    }
    throw error
  }
}

/**
 * Converts a lead to a deal, one step per attempt: start Pipedrive's job, then ask how it
 * went until it completes. The job's id is kept in the row, so a restart asks about the
 * same job rather than starting a second one.
 */
async function sendConversion(
  leadId: string,
  row: QueuedRow,
  gateway: OutboxGateway,
  now: () => number,
): Promise<Settlement> {
  const payload = row.payload as ConversionPayload
  if (!payload.conversionId) return start(leadId, row, gateway, now)
  const { conversionId, ...rest } = payload
  let job
  try {
    job = await gateway.conversionStatus(leadId, conversionId)
  } catch (error) {
    if (!(error instanceof PipedriveFailure && error.kind === 'not_found')) throw error
    // Pipedrive keeps a job's status only a few days: the lead tells what became of it.
    const lead = await fetchLead(leadId, gateway)
    if (lead === 'gone') return { to: 'sent', remoteId: null }
    return { to: 'in_progress', nextAttemptAt: now(), payload: rest }
  }
  switch (job.status) {
    case 'completed':
      return { to: 'sent', remoteId: job.dealId === undefined ? null : String(job.dealId) }
    case 'failed':
    case 'rejected':
      return {
        to: 'needs_attention',
        error: `Pipedrive could not convert this lead to a deal (the conversion ${job.status}). Retry, or open the lead in Pipedrive to see why.`,
        // A retry starts a new conversion.
        payload: rest,
      }
    case 'not_started':
    case 'running': {
      const polls = (payload.polls ?? 0) + 1
      return {
        to: 'in_progress',
        nextAttemptAt: now() + pollDelayMs(polls),
        payload: { ...payload, polls },
      }
    }
  }
}

/**
 * A second start could make a second deal. After a lost start, once it can no longer land
 * (by then Pipedrive's job has long finished), the lead tells: gone means converted, still
 * there means the start never ran.
 */
export const leadConvert: LookedUpKind = {
  async lookup(row, { gateway }) {
    const leadId = leadIdOf(row)
    if (!leadId) return { found: [] }
    // Converted (or removed in Pipedrive): nothing left to do, and no way to learn the deal's
    // id without the conversion's.
    return (await fetchLead(leadId, gateway)) === 'gone'
      ? { settled: { to: 'sent', remoteId: null } }
      : { found: [] }
  },
  send(row, { gateway, now }) {
    const leadId = leadIdOf(row)
    return leadId ? sendConversion(leadId, row, gateway, now) : Promise.resolve(neverReached)
  },
}
