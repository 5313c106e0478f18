import { useEffect, useMemo } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  ContactKind,
  InboxContextData,
  QuickAddContextData,
} from '../../../shared/ipc/contract'
import type { LeadDefaults } from '../../../shared/leads/lead-defaults'
import type { LeadLabelData, NewLeadLabel } from '../../../shared/leads/lead-label'
import {
  catalogIndexSliceMs,
  createCatalogIndexInSteps,
  type CatalogIndexInSteps,
  type QuickAddContext,
} from '../../../shared/quick-add'
import { keys } from './keys'
import { leadbox } from './leadbox'
import { call } from './unwrap'

/** The parser's context, less `now`, which each parse supplies, and the user's lead defaults. */
export type QuickAddCatalog = Omit<QuickAddContext, 'now'> & { defaults: LeadDefaults }

/**
 * Indexes the catalog in slices between keystrokes and paints, so the window reads the first
 * keystroke at once even with 100,000 persons. An index asked before it is done finishes
 * first (a line with `@` or `+` in it), so no answer ever comes from part of the catalog.
 */
export function indexInBackground(
  indexes: readonly Pick<CatalogIndexInSteps, 'buildSome'>[],
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const slice = () => {
    const deadline = performance.now() + catalogIndexSliceMs
    const built = indexes.every((index) => index.buildSome(() => performance.now() >= deadline))
    if (!built) timer = setTimeout(slice, 0)
  }
  timer = setTimeout(slice, 0)
  return () => clearTimeout(timer)
}

/**
 * What the quick-add parser needs from the catalog ('catalog:getQuickAddContext'). The
 * person and organization indexes are built once per answer, not on every keystroke.
 */
export function useQuickAddContext() {
  const query = useQuery({
    queryKey: keys.catalog.quickAddContext,
    queryFn: () => call(leadbox().catalog.getQuickAddContext()),
  })
  const { data } = query
  const indexes = useMemo(
    () =>
      data && {
        persons: createCatalogIndexInSteps(data.persons),
        organizations: createCatalogIndexInSteps(data.organizations),
      },
    [data],
  )
  useEffect(() => indexes && indexInBackground([indexes.persons, indexes.organizations]), [indexes])
  const context = useMemo<QuickAddCatalog | undefined>(
    () =>
      data &&
      indexes && {
        defaultCurrency: data.defaultCurrency,
        defaults: data.defaults,
        currencies: data.currencies,
        labels: data.labels,
        activityTypes: data.activityTypes,
        ...indexes,
      },
    [data, indexes],
  )
  return {
    context,
    /** The cached persons and organizations as listed, to name one by its id. */
    entries: data && {
      persons: data.persons,
      organizations: data.organizations,
      openLeads: data.openLeads,
      waitingPersons: data.waitingPersons,
    },
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
