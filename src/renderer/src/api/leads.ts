import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { OutboxItem } from '../../../shared/ipc/contract'
import type { LeadDraft } from '../../../shared/leads/lead-draft'
import { keys } from './keys'
import { leadbox } from './leadbox'
import {
  placeholderLead,
  settlePlaceholder,
  withPlaceholder,
  withoutPlaceholder,
} from './outbox-cache'
import { call } from './unwrap'

const createLeadKey = ['leads', 'create'] as const

/**
 * Saves a lead into the outbox ('leads:create'); resolves to the lead's row. The row shows in
 * a cached outbox list at once, is rolled back if main refuses the draft, and is swapped for
 * main's row when it answers, so it never shows twice.
 */
export function useCreateLead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: createLeadKey,
    mutationFn: (draft: LeadDraft) => call(leadbox().leads.create(draft)),
    onMutate: async (draft) => {
      // A list fetched before the row is committed must not land over the placeholder.
      await queryClient.cancelQueries({ queryKey: keys.outbox.list })
      const placeholder = placeholderLead(draft, Date.now())
      queryClient.setQueryData<OutboxItem[]>(keys.outbox.list, (rows) =>
        withPlaceholder(rows, placeholder),
      )
      return { placeholderId: placeholder.id }
    },
    onError: (_error, _draft, optimistic) => {
      if (!optimistic) return
      queryClient.setQueryData<OutboxItem[]>(keys.outbox.list, (rows) =>
        withoutPlaceholder(rows, optimistic.placeholderId),
      )
    },
    onSuccess: (saved, _draft, optimistic) => {
      queryClient.setQueryData<OutboxItem[]>(keys.outbox.list, (rows) =>
        settlePlaceholder(rows, optimistic.placeholderId, saved),
      )
    },
    onSettled: () => {
      // The lead may bring a new person or organization row too; the list has them. While
      // another save is still on its way, its placeholder must survive: the last one refetches.
      if (queryClient.isMutating({ mutationKey: createLeadKey }) > 1) return
      // Quick add's next line is read against what this one queued: its open lead, its new
      // person.
      void queryClient.invalidateQueries({ queryKey: keys.catalog.quickAddContext })
      return queryClient.invalidateQueries({ queryKey: keys.outbox.all })
    },
  })
}
