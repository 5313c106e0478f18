import { LeadboxError, type ErrorCode } from '../../../shared/result'

/** Failures that a second identical request cannot fix. */
const permanent = new Set<ErrorCode>([
  'invalid_request',
  'forbidden_sender',
  'unknown_channel',
  'not_found',
  'pipedrive_rejected',
])

/** Reads from main retry once, and only when the failure might be passing. */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1) return false
  return !(error instanceof LeadboxError && permanent.has(error.code))
}
