import { useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { ContactKind } from '../../../shared/ipc/contract'
import { createCatalogIndex, type QuickAddContext } from '../../../shared/quick-add'
import { keys } from './keys'
import { leadbox } from './leadbox'
import { call } from './unwrap'

/** The parser's context, less `now`, which each parse supplies. */
export type QuickAddCatalog = Omit<QuickAddContext, 'now'>

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
  const context = useMemo<QuickAddCatalog | undefined>(
    () =>
      data && {
        defaultCurrency: data.defaultCurrency,
        currencies: data.currencies,
        labels: data.labels,
        persons: createCatalogIndex(data.persons),
        organizations: createCatalogIndex(data.organizations),
      },
    [data],
  )
  return {
    context,
    /** The cached persons and organizations as listed, to name one by its id. */
    entries: data && { persons: data.persons, organizations: data.organizations },
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
