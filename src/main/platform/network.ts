import { net, powerMonitor } from 'electron'
import type { NetworkSignals } from '../core/sync/network'

/**
 * Electron's main process has no online event, so the OS's view is sampled, and checked
 * again at once when the machine wakes up.
 */
export function electronNetwork(intervalMs = 5_000): NetworkSignals {
  const listeners = new Set<(online: boolean) => void>()
  let online = net.isOnline()
  const check = () => {
    const now = net.isOnline()
    if (now === online) return
    online = now
    for (const listener of listeners) listener(online)
  }
  setInterval(check, intervalMs).unref()
  powerMonitor.on('resume', check)
  return {
    isOnline: () => online,
    onChange(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}
