import { useMutation, useQuery } from '@tanstack/react-query'
import { keys } from './keys'
import { leadbox } from './leadbox'
import { call } from './unwrap'

export function useAppInfo() {
  return useQuery({
    queryKey: keys.app.info,
    queryFn: () => call(leadbox().app.getInfo()),
    // Name, version, platform and database health are settled when main starts.
    staleTime: Infinity,
  })
}

export function useSyncStatus() {
  return useQuery({
    queryKey: keys.sync.status,
    queryFn: () => call(leadbox().sync.getStatus()),
  })
}

export function useOpenLogsFolder() {
  return useMutation({
    mutationFn: () => call(leadbox().app.openLogsFolder()),
  })
}

/**
 * Opens a web address in the system browser ('app:openLink'). Resolves to false when main
 * refused the address (only http and https open).
 */
export function useOpenExternal() {
  return useMutation({
    mutationFn: (url: string) => call(leadbox().app.openLink({ url })),
  })
}

/** Leadbox's use of Pipedrive's API today and the budget left ('usage:today'). */
export function useApiUsage() {
  return useQuery({
    queryKey: keys.usage.today,
    queryFn: () => call(leadbox().usage.today()),
    // Background refreshes spend tokens without an event of their own; a cheap IPC read.
    refetchInterval: 30_000,
  })
}
