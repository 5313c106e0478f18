import { QueryClient } from '@tanstack/react-query'
import { LeadboxError, type ErrorCode } from '../../../shared/result'

/** Failures that a second identical request cannot fix. */
const permanent = new Set<ErrorCode>([
  'invalid_request',
  'forbidden_sender',
  'unknown_channel',
  'not_found',
  'pipedrive_rejected',
])

/** Queries retry once, and only when the failure might be passing. */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1) return false
  return !(error instanceof LeadboxError && permanent.has(error.code))
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Every query is an IPC call to main, which decides what "online" means.
        networkMode: 'always',
        // Main pushes events when something changes; focus and reconnect tell us nothing.
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        staleTime: 30_000,
        retry: shouldRetryQuery,
      },
      mutations: {
        networkMode: 'always',
        // A mutation may have happened even if its answer was lost: never repeat it blindly.
        retry: false,
      },
    },
  })
}
