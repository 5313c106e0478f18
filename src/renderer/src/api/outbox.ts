import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { OutboxItem } from '../../../shared/ipc/contract'
import type { LeadDraft } from '../../../shared/leads/lead-draft'
import { keys } from './keys'
import { leadbox } from './leadbox'
import { withUpdatedRows } from './outbox-cache'
import { call } from './unwrap'

/** Every outbox row, newest first ('outbox:list'). `outbox:changed` refetches it. */
export function useOutbox() {
  return useQuery({
    queryKey: keys.outbox.list,
    queryFn: () => call(leadbox().outbox.list()),
  })
}

/**
 * What a retry or a discard does to the cache: the rows main answered with show at once,
 * then the list is fetched again (a discard also cancels rows that waited on this one).
 */
function useOutboxRowChange<T>(
  change: (id: number) => Promise<T>,
  rowsOf: (answer: T) => OutboxItem[],
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSuccess: (answer) => {
      queryClient.setQueryData<OutboxItem[]>(keys.outbox.list, (rows) =>
        withUpdatedRows(rows, rowsOf(answer)),
      )
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.outbox.all }),
  })
}

/** Sends a queued or refused row again now ('outbox:retry'); resolves to the row. */
export function useRetryOutboxItem() {
  return useOutboxRowChange(
    (id) => call(leadbox().outbox.retry({ id })),
    (row) => [row],
  )
}

/** Cancels a row and every row waiting on it ('outbox:discard'); resolves to those rows. */
export function useDiscardOutboxItem() {
  return useOutboxRowChange(
    (id) => call(leadbox().outbox.discard({ id })),
    (rows) => rows,
  )
}

/** Keeps the user's or Pipedrive's value per conflicting field ('outbox:resolveConflict'). */
export function useResolveConflict() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (choice: { id: number; keep: Record<string, 'mine' | 'theirs'> }) =>
      call(leadbox().outbox.resolveConflict(choice)),
    onSuccess: (row) => {
      queryClient.setQueryData<OutboxItem[]>(keys.outbox.list, (rows) =>
        withUpdatedRows(rows, [row]),
      )
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.outbox.all }),
  })
}

/** Replaces what a lead not yet in Pipedrive will be created with ('outbox:editLead'). */
export function useEditPendingLead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (edit: { id: number; draft: LeadDraft }) => call(leadbox().outbox.editLead(edit)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.outbox.all }),
  })
}

/** The draft a waiting lead will be created from ('outbox:getDraft'), to open it in the form. */
export const pendingLeadDraft = (id: number) => call(leadbox().outbox.getDraft({ id }))
