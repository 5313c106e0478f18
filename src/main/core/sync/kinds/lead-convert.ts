import type { QueuedRow, Settlement } from '../outbox/outbox-queue'
import { PipedriveFailure } from '../pipedrive/failure'
import type { OutboxGateway } from '../pipedrive/outbox-gateway'
import { fetchLead, goneMessage } from './send-lead-change'

/** What a conversion row stores; `conversionId` once Pipedrive has started the job. */
export interface ConversionPayload {
  remoteId?: string
  conversionId?: string
  polls?: number
}

/** Pipedrive converts in the background; asking often at first, then less, costs little. */
export const pollDelayMs = (polls: number) => Math.min(1_000 * 2 ** polls, 15_000)

/**
 * How long an unanswered start may still be running in Pipedrive. Starting again sooner
 * could make two deals of one lead; after it, the lead still being there means it never ran.
 */
export const startGraceMs = 2 * 60_000

async function start(
  leadId: string,
  row: QueuedRow,
  gateway: OutboxGateway,
  now: () => number,
): Promise<Settlement> {
  const payload = row.payload as ConversionPayload
  if (row.previousState === 'uncertain') {
    const lead = await fetchLead(leadId, gateway)
    // Converted by the unanswered start (or removed in Pipedrive): nothing left to do, and
    // no way to learn the deal's id without the conversion's.
    if (lead === 'gone') return { to: 'sent', remoteId: null }
    const since = now() - (row.lastAttemptAt ?? 0)
    if (since < startGraceMs) {
      return {
        to: 'uncertain',
        nextAttemptAt: now() + startGraceMs - since,
        error: 'Checking whether Pipedrive started converting this lead before trying again.',
      }
    }
  }
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
export async function sendConversion(
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
    default: {
      const polls = (payload.polls ?? 0) + 1
      return {
        to: 'in_progress',
        nextAttemptAt: now() + pollDelayMs(polls),
        payload: { ...payload, polls },
      }
    }
  }
}
