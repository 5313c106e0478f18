import { useCallback, useEffect, useRef, useState } from 'react'
import { eventsThatRefresh } from './events'
import type { QueryKey } from './keys'
import { leadbox } from './leadbox'
import { shouldRetryQuery } from './retry'

/**
 * Reads from main and calls into it with plain hooks, for the quick-add window: it opens on
 * a global shortcut and needs one read kept fresh and a few calls, not React Query's cache.
 * The main window keeps React Query; both follow the same events and retry rule.
 */

/** As long as React Query waits before its one retry: a passing failure has time to pass. */
const retryDelayMs = 1000

export type MainRead<T> = {
  data: T | undefined
  error: unknown
  isPending: boolean
  isError: boolean
  refetch: () => Promise<void>
}

type ReadState<T> =
  | { status: 'pending' }
  | { status: 'success'; data: T }
  | { status: 'error'; data: T | undefined; error: unknown }

/**
 * What `read` answers, asked at mount and again on every main event that makes `key` stale
 * (the same events that refetch it in the main window). Only the latest ask's answer lands,
 * so a slow older answer never replaces a newer one; a failed refetch keeps the last data.
 */
export function useMainRead<T>(key: QueryKey, read: () => Promise<T>): MainRead<T> {
  const [state, setState] = useState<ReadState<T>>({ status: 'pending' })
  const latestRead = useRef(read)
  useEffect(() => {
    latestRead.current = read
  })
  const asked = useRef(0)
  const refetch = useCallback(async () => {
    const ask = ++asked.current
    for (let failures = 0; ; failures += 1) {
      try {
        const data = await latestRead.current()
        if (ask === asked.current) setState({ status: 'success', data })
        return
      } catch (error) {
        if (ask !== asked.current) return
        if (!shouldRetryQuery(failures, error)) {
          setState((last) => ({
            status: 'error',
            data: last.status === 'pending' ? undefined : last.data,
            error,
          }))
          return
        }
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs))
        if (ask !== asked.current) return
      }
    }
  }, [])
  const keyText = key.join('\n')
  useEffect(() => {
    void refetch()
    const api = leadbox()
    const unsubscribers = eventsThatRefresh(keyText.split('\n')).map((event) =>
      api.on(event, () => void refetch()),
    )
    return () => {
      // An answer still on its way lands nowhere.
      asked.current += 1
      for (const unsubscribe of unsubscribers) unsubscribe()
    }
  }, [keyText, refetch])
  return {
    data: state.status === 'pending' ? undefined : state.data,
    error: state.status === 'error' ? state.error : null,
    isPending: state.status === 'pending',
    isError: state.status === 'error',
    refetch,
  }
}

export type MainCall<I, O> = {
  /** Calls main; a call made while one is on its way is dropped, as a second Enter is. */
  run: (
    input: I,
    handlers?: { onSuccess?: (output: O) => void; onError?: (error: unknown) => void },
  ) => void
  isPending: boolean
}

/** One call into main at a time, never repeated: it may have happened though its answer was lost. */
export function useMainCall<I, O>(call: (input: I) => Promise<O>): MainCall<I, O> {
  const [isPending, setPending] = useState(false)
  const onTheWay = useRef(false)
  const run: MainCall<I, O>['run'] = (input, handlers = {}) => {
    if (onTheWay.current) return
    onTheWay.current = true
    setPending(true)
    const settle = () => {
      onTheWay.current = false
      setPending(false)
    }
    call(input).then(
      (output) => {
        settle()
        handlers.onSuccess?.(output)
      },
      (error: unknown) => {
        settle()
        handlers.onError?.(error)
      },
    )
  }
  return { run, isPending }
}
