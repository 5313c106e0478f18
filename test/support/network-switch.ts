import type { NetworkSignals } from '../../src/main/core/sync/network'

/** Connectivity a test turns on and off, as the OS would report it. */
export function networkSwitch(initial = true): NetworkSignals & { set(online: boolean): void } {
  let online = initial
  const listeners = new Set<(online: boolean) => void>()
  return {
    isOnline: () => online,
    onChange(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    set(next) {
      if (next === online) return
      online = next
      for (const listener of listeners) listener(online)
    },
  }
}
