import type { ContactKind } from '../../../shared/ipc/contract'

/**
 * Every React Query key the renderer uses. Each domain's keys start with its `all` key, so
 * invalidating `all` reaches everything below it.
 */
export const keys = {
  app: {
    all: ['app'] as const,
    info: ['app', 'info'] as const,
  },
  sync: {
    all: ['sync'] as const,
    status: ['sync', 'status'] as const,
  },
  outbox: {
    all: ['outbox'] as const,
    list: ['outbox', 'list'] as const,
  },
  leads: {
    all: ['leads'] as const,
    /** Pages of the cached Pipedrive Leads Inbox, keyed further by filters and offset. */
    inbox: ['leads', 'inbox'] as const,
    /**
     * A lead's activities and notes, and what waits for it: under `leads`, so outbox, lead
     * and catalog changes (type names) refetch it.
     */
    timeline: (lead: string) => ['leads', 'timeline', lead] as const,
  },
  auth: {
    all: ['auth'] as const,
  },
  catalog: {
    all: ['catalog'] as const,
    quickAddContext: ['catalog', 'quickAddContext'] as const,
    inboxContext: ['catalog', 'inboxContext'] as const,
  },
  /**
   * Pipedrive's own contact search, apart from the catalog: a catalog change does not make
   * an answer Pipedrive already gave worth asking for again.
   */
  contacts: {
    all: ['contacts'] as const,
    search: (kind: ContactKind, term: string) => ['contacts', 'search', kind, term] as const,
  },
  shortcut: {
    all: ['shortcut'] as const,
    quickAdd: ['shortcut', 'quickAdd'] as const,
  },
  updates: {
    all: ['updates'] as const,
    status: ['updates', 'status'] as const,
  },
  /** Leadbox's use of Pipedrive's API today; any request may change it. */
  usage: {
    all: ['usage'] as const,
    today: ['usage', 'today'] as const,
  },
  launchAtLogin: {
    all: ['launchAtLogin'] as const,
    status: ['launchAtLogin', 'status'] as const,
  },
  clipboardOffer: {
    all: ['clipboardOffer'] as const,
    status: ['clipboardOffer', 'status'] as const,
  },
} as const

export type QueryKey = readonly string[]
