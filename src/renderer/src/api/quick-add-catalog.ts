import { useEffect, useMemo } from 'react'
import type { QuickAddContextData } from '../../../shared/ipc/contract'
import type { LeadDefaults } from '../../../shared/leads/lead-defaults'
import type { QuickAddContext } from '../../../shared/quick-add'
// Not the index: it holds the parser, which the quick-add window loads apart.
import {
  catalogIndexSliceMs,
  createCatalogIndexInSteps,
  type CatalogIndexInSteps,
} from '../../../shared/quick-add/catalog'

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
 * What the quick-add parser needs, from main's answer to 'catalog:getQuickAddContext'. The
 * person and organization indexes are built once per answer, not on every keystroke.
 */
export function useCatalogContext(data: QuickAddContextData | undefined) {
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
  }
}
