import { QueryClient } from '@tanstack/react-query'
import { shouldRetryQuery } from './retry'

export { shouldRetryQuery }

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
