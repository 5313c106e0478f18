import type { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'
import { eventNames, type EventName } from '../../../shared/ipc/contract'
import type { LeadboxApi } from '../../../shared/ipc/leadbox-api'
import { eventsThatRefresh, invalidateFor, invalidatedBy, subscribeToMainEvents } from './events'
import { keys, type QueryKey } from './keys'
import { createQueryClient } from './query-client'

const cached: readonly QueryKey[] = [
  keys.app.info,
  keys.sync.status,
  ['outbox', 'list'],
  ['leads', 'inbox', { page: 1 }] as unknown as QueryKey,
  ['auth', 'account'],
  ['catalog', 'quick-add'],
  ['contacts', 'search', 'person', 'maria'],
  keys.updates.status,
  keys.launchAtLogin.status,
]

let client: QueryClient

function seed(): QueryClient {
  client = createQueryClient()
  for (const key of cached) client.setQueryData(key, { seeded: true })
  return client
}

function invalidated(queryClient: QueryClient): string[] {
  return queryClient
    .getQueryCache()
    .getAll()
    .filter((query) => query.state.isInvalidated)
    .map((query) => String(query.queryKey[0]) + (query.queryKey[1] ? `/${query.queryKey[1]}` : ''))
    .sort()
}

afterEach(() => client.clear())

describe('invalidateFor', () => {
  it.each<[EventName, string[]]>([
    ['outbox:changed', ['leads/inbox', 'outbox/list', 'sync/status']],
    ['sync:status', ['sync/status']],
    ['leads:changed', ['leads/inbox']],
    [
      'auth:changed',
      [
        'auth/account',
        'catalog/quick-add',
        'contacts/search',
        'launchAtLogin/status',
        'leads/inbox',
        'sync/status',
      ],
    ],
    ['catalog:changed', ['catalog/quick-add', 'leads/inbox']],
    ['updates:changed', ['updates/status']],
  ])('%s invalidates exactly its keys', async (event, expected) => {
    const queryClient = seed()
    await invalidateFor(queryClient, event)
    expect(invalidated(queryClient)).toEqual(expected)
  })

  it('never touches the app info, which main settles at start', async () => {
    const queryClient = seed()
    for (const event of eventNames) await invalidateFor(queryClient, event)
    expect(queryClient.getQueryState(keys.app.info)?.isInvalidated).toBe(false)
  })

  it('has a mapping for every event of the contract', () => {
    expect(Object.keys(invalidatedBy).sort()).toEqual([...eventNames].sort())
  })
})

describe('eventsThatRefresh', () => {
  it('names the events that invalidate a key or a key above it', () => {
    expect(eventsThatRefresh(keys.catalog.quickAddContext).sort()).toEqual([
      'auth:changed',
      'catalog:changed',
    ])
    expect(eventsThatRefresh(keys.sync.status).sort()).toEqual([
      'auth:changed',
      'outbox:changed',
      'sync:status',
    ])
    expect(eventsThatRefresh(keys.app.info)).toEqual([])
  })
})

describe('subscribeToMainEvents', () => {
  function fakeApi() {
    const listeners = new Map<string, (payload: unknown) => void>()
    let unsubscribed = 0
    const api: Pick<LeadboxApi, 'on'> = {
      on: ((event: string, listener: (payload: unknown) => void) => {
        listeners.set(event, listener)
        return () => {
          listeners.delete(event)
          unsubscribed += 1
        }
      }) as LeadboxApi['on'],
    }
    return { api, listeners, unsubscribed: () => unsubscribed }
  }

  it('subscribes to every event and invalidates on each', async () => {
    const queryClient = seed()
    const { api, listeners } = fakeApi()
    subscribeToMainEvents(queryClient, api)
    expect([...listeners.keys()].sort()).toEqual([...eventNames].sort())

    listeners.get('leads:changed')?.(undefined)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(invalidated(queryClient)).toEqual(['leads/inbox'])
  })

  it('ignores the sync:status payload and refetches instead of patching', async () => {
    const queryClient = seed()
    const { api, listeners } = fakeApi()
    subscribeToMainEvents(queryClient, api)
    listeners.get('sync:status')?.({ online: false })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(queryClient.getQueryData(keys.sync.status)).toEqual({ seeded: true })
    expect(queryClient.getQueryState(keys.sync.status)?.isInvalidated).toBe(true)
  })

  it('unsubscribes from everything with one call', () => {
    const queryClient = seed()
    const { api, listeners, unsubscribed } = fakeApi()
    const unsubscribe = subscribeToMainEvents(queryClient, api)
    unsubscribe()
    expect(listeners.size).toBe(0)
    expect(unsubscribed()).toBe(eventNames.length)
  })
})
