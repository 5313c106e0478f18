import { useEffect } from 'react'
import type { QueryClient } from '@tanstack/react-query'
import { eventNames } from '../../../shared/ipc/channel-names'
import type { EventName } from '../../../shared/ipc/contract'
import type { LeadboxApi } from '../../../shared/ipc/leadbox-api'
import { keys, type QueryKey } from './keys'
import { leadbox } from './leadbox'

/**
 * What each main event makes stale. Events are coarse on purpose: the renderer refetches
 * instead of patching caches from payloads, so there is one source of truth.
 */
export const invalidatedBy: Record<EventName, readonly QueryKey[]> = {
  // Outbox rows feed the sync counts and show up in the inbox as pending leads.
  // Each follows requests to Pipedrive, which the API use in Settings counts.
  'outbox:changed': [keys.outbox.all, keys.sync.status, keys.leads.all, keys.usage.all],
  'sync:status': [keys.sync.status, keys.usage.all],
  'leads:changed': [keys.leads.all, keys.usage.all],
  // Another account (or none) means other leads, names and labels, and another sign-in state;
  // the first sign-in also turns launching at login on.
  'auth:changed': [
    keys.auth.all,
    keys.sync.status,
    keys.leads.all,
    keys.catalog.all,
    keys.contacts.all,
    keys.launchAtLogin.all,
    keys.usage.all,
  ],
  // Names and labels shown in the inbox come from the catalog too.
  'catalog:changed': [keys.catalog.all, keys.leads.all, keys.usage.all],
  // Nothing cached changes: the lead form takes the hand-over itself (api/lead-form.ts).
  'leadForm:requested': [],
  'updates:changed': [keys.updates.all],
}

/** The main events that make a read stale: those that invalidate it or a key above it. */
export function eventsThatRefresh(key: QueryKey): EventName[] {
  return eventNames.filter((event) =>
    invalidatedBy[event].some((stale) => stale.every((part, index) => key[index] === part)),
  )
}

export function invalidateFor(queryClient: QueryClient, event: EventName): Promise<void> {
  return Promise.all(
    invalidatedBy[event].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  ).then(() => undefined)
}

/** Subscribes to every main event; returns one function that unsubscribes them all. */
export function subscribeToMainEvents(
  queryClient: QueryClient,
  api: Pick<LeadboxApi, 'on'> = leadbox(),
): () => void {
  const unsubscribers = eventNames.map((event) =>
    api.on(event, () => {
      void invalidateFor(queryClient, event)
    }),
  )
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe()
  }
}

export function useMainEvents(queryClient: QueryClient): void {
  useEffect(() => subscribeToMainEvents(queryClient), [queryClient])
}
