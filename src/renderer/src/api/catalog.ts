import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  ContactKind,
  InboxContextData,
  QuickAddContextData,
} from '../../../shared/ipc/contract'
import type { LeadDefaults } from '../../../shared/leads/lead-defaults'
import type { LeadLabelData, NewLeadLabel } from '../../../shared/leads/lead-label'
import { keys } from './keys'
import { useCatalogContext } from './quick-add-catalog'
import { leadbox } from './leadbox'
import { call } from './unwrap'

/**
 * What the quick-add parser needs from the catalog ('catalog:getQuickAddContext'), for the
 * main window's forms.
 */
export function useQuickAddContext() {
  const query = useQuery({
    queryKey: keys.catalog.quickAddContext,
    queryFn: () => call(leadbox().catalog.getQuickAddContext()),
  })
  return {
    ...useCatalogContext(query.data),
    isPending: query.isPending,
    isError: query.isError,
    error: query.error,
    refetch: query.refetch,
  }
}

/**
 * Pipedrive's own search for persons or organizations ('catalog:searchContacts'). Each
 * search costs tokens and counts against Pipedrive's search cap, so a kind and term is asked
 * once: its answer stays fresh for minutes and a failure is not retried (the next keystroke
 * asks anew). Callers enable it only online, signed in, and once typing pauses.
 */
export function useContactSearch(kind: ContactKind, term: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.contacts.search(kind, term),
    queryFn: () => call(leadbox().catalog.searchContacts({ kind, term })),
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  })
}

/** The catalog's labels with one more (or a newer copy of one), in the catalog's order. */
function withLabel(labels: readonly LeadLabelData[], label: LeadLabelData): LeadLabelData[] {
  const others = labels.filter((other) => other.id !== label.id)
  return [...others, label].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/**
 * Creates a lead label in Pipedrive ('catalog:createLabel'), or finds the one of that name.
 * `onCreated` hears of it before the cached contexts list it, so a form that selects it
 * never shows it unselected; main's 'catalog:changed' then refetches the contexts.
 */
export function useCreateLabel(options: { onCreated?: (label: LeadLabelData) => void } = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (label: NewLeadLabel) => call(leadbox().catalog.createLabel(label)),
    onSuccess: (label) => {
      options.onCreated?.(label)
      const add = <T extends { labels: LeadLabelData[] }>(data: T | undefined) =>
        data && { ...data, labels: withLabel(data.labels, label) }
      queryClient.setQueryData<QuickAddContextData>(keys.catalog.quickAddContext, add)
      queryClient.setQueryData<InboxContextData>(keys.catalog.inboxContext, add)
      // Not awaited: the form may go on while the contexts refetch.
      void queryClient.invalidateQueries({ queryKey: keys.catalog.all })
    },
  })
}

/** Keeps what new leads get unless told otherwise ('catalog:setLeadDefaults'). */
export function useSetLeadDefaults() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (defaults: LeadDefaults) => call(leadbox().catalog.setLeadDefaults(defaults)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.catalog.all }),
  })
}
