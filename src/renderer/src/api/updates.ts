import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { keys } from './keys'
import { leadbox } from './leadbox'
import { call } from './unwrap'

/** Leadbox's own update ('updates:getStatus'); `updates:changed` refreshes it. */
export function useUpdateStatus() {
  return useQuery({
    queryKey: keys.updates.status,
    queryFn: () => call(leadbox().updates.getStatus()),
  })
}

/** Quits and installs the downloaded update ('updates:restart'). */
export function useRestartToUpdate() {
  return useMutation({
    mutationFn: () => call(leadbox().updates.restart()),
  })
}

/** Whether Leadbox starts at login ('launchAtLogin:get'). */
export function useLaunchAtLogin() {
  return useQuery({
    queryKey: keys.launchAtLogin.status,
    queryFn: () => call(leadbox().launchAtLogin.get()),
  })
}

/** Turns launching at login on or off ('launchAtLogin:set'); main answers the new state. */
export function useSetLaunchAtLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (enabled: boolean) => call(leadbox().launchAtLogin.set({ enabled })),
    onSuccess: (status) => queryClient.setQueryData(keys.launchAtLogin.status, status),
  })
}
