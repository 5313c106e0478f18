import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { keys } from './keys'
import { leadbox } from './leadbox'
import { call } from './unwrap'

/** Whether opening quick add offers a contact copied to the clipboard ('clipboardOffer:get'). */
export function useClipboardOffer() {
  return useQuery({
    queryKey: keys.clipboardOffer.status,
    queryFn: () => call(leadbox().clipboardOffer.get()),
  })
}

/** Turns the clipboard offer on or off ('clipboardOffer:set'); main answers the new state. */
export function useSetClipboardOffer() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (enabled: boolean) => call(leadbox().clipboardOffer.set({ enabled })),
    onSuccess: (status) => queryClient.setQueryData(keys.clipboardOffer.status, status),
  })
}
