import {
  keepPreviousData,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import type { InboxLead, InboxQuery } from '../../../shared/ipc/contract'
import type { LeadChange } from '../../../shared/leads/lead-change'
import { keys } from './keys'
import { leadbox } from './leadbox'
import { call } from './unwrap'

/** What the inbox asks for, less the page: filters, sort and direction. */
export type InboxFilters = Omit<InboxQuery, 'limit' | 'offset'>

/** Leads per 'leads:list' call: a few screens' worth, so scrolling rarely waits. */
export const inboxPageSize = 200

const pageQuery = (filters: InboxFilters, offset: number) => ({
  queryKey: [...keys.leads.inbox, filters, offset],
  queryFn: () => call(leadbox().leads.list({ ...filters, limit: inboxPageSize, offset })),
})

/**
 * The cached Pipedrive Leads Inbox, one page per offset in `offsets` (multiples of
 * inboxPageSize): only the pages around what is on screen are asked for. The first page is
 * always read, for `total`, and keeps the previous answer while new filters load, so the
 * list does not flash empty on every keystroke.
 */
export function useInboxLeads(filters: InboxFilters, offsets: readonly number[]) {
  const first = useQuery({ ...pageQuery(filters, 0), placeholderData: keepPreviousData })
  const rest = useQueries({
    queries: offsets.filter((offset) => offset !== 0).map((offset) => pageQuery(filters, offset)),
  })
  const pages = new Map<number, readonly InboxLead[]>()
  if (first.data) pages.set(0, first.data.items)
  offsets
    .filter((offset) => offset !== 0)
    .forEach((offset, index) => {
      const items = rest[index]?.data?.items
      if (items) pages.set(offset, items)
    })
  return {
    total: first.data?.total,
    isPending: first.isPending,
    isError: first.isError,
    error: first.error,
    refetch: first.refetch,
    /** A lead by id among the pages read, for a pane that shows it as the cache changes. */
    findLead(id: string): InboxLead | undefined {
      for (const items of pages.values()) {
        const lead = items.find((candidate) => candidate.id === id)
        if (lead) return lead
      }
      return undefined
    },
    /** The lead at a position of the whole list, or undefined while its page loads. */
    leadAt(index: number): InboxLead | undefined {
      const offset = Math.floor(index / inboxPageSize) * inboxPageSize
      return pages.get(offset)?.[index - offset]
    },
  }
}

/** Owners, labels and custom fields the inbox shows leads with ('catalog:getInboxContext'). */
export function useInboxContext() {
  return useQuery({
    queryKey: keys.catalog.inboxContext,
    queryFn: () => call(leadbox().catalog.getInboxContext()),
  })
}

/** Reads the Leads Inbox from Pipedrive now ('leads:refresh'); failures are in the status. */
export function useRefreshInbox() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => call(leadbox().leads.refresh()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.leads.all }),
  })
}

/**
 * Queues an edit, archive, unarchive or delete of a lead in the outbox ('leads:change'),
 * so it works offline; the sync engine sends it. Resolves to the outbox row.
 */
export function useLeadChange() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { change: LeadChange; leadTitle?: string }) =>
      call(leadbox().leads.change(input)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.outbox.all }),
  })
}
