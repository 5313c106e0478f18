import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { keys } from './keys'
import { leadbox } from './leadbox'
import { call } from './unwrap'

/** The global quick-add shortcut and whether Leadbox holds it ('shortcut:get'). */
export function useQuickAddShortcut() {
  return useQuery({
    queryKey: keys.shortcut.quickAdd,
    queryFn: () => call(leadbox().shortcut.get()),
  })
}

/**
 * Asks main for another quick-add shortcut ('shortcut:set'). Resolves to main's answer: when
 * another application holds the new one, the old one stays and `problem` says why.
 */
export function useChangeQuickAddShortcut() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (accelerator: string) => call(leadbox().shortcut.set({ accelerator })),
    onSuccess: (status) => {
      // A refusal's problem belongs to the attempt, not to the shortcut that stays.
      if (status.problem === null) queryClient.setQueryData(keys.shortcut.quickAdd, status)
      else return queryClient.invalidateQueries({ queryKey: keys.shortcut.all })
    },
  })
}

/** Shows the quick-add window, as the global shortcut does ('quickAdd:show'). */
export function useShowQuickAdd() {
  return useMutation({
    mutationFn: () => call(leadbox().quickAdd.show()),
  })
}

/** Wakes the sync engine now ('sync:now'); `sync:status` events tell what it did. */
export function useSyncNow() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => call(leadbox().sync.now()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.sync.status }),
  })
}
