// A clock a test or benchmark moves by hand: a simulated working day passes in seconds, and the
// core's timers fire at their simulated times, in order.
import type { Timers } from '../../src/main/core/catalog/refresh-schedule'

export interface FakeClock {
  now(): number
  timers: Timers
  /** Moves to `to`, firing each timer due on the way at its own time, then `settle`. */
  advanceTo(to: number, settle: () => Promise<void>): Promise<void>
}

export function createFakeClock(start: number): FakeClock {
  let at = start
  let nextId = 1
  const pending = new Map<number, { at: number; run: () => void }>()
  return {
    now: () => at,
    timers: {
      setTimeout(run, ms) {
        const id = nextId++
        pending.set(id, { at: at + Math.max(0, ms), run })
        return id
      },
      clearTimeout: (id) => void pending.delete(id as number),
    },
    async advanceTo(to, settle) {
      for (;;) {
        let first: [number, { at: number; run: () => void }] | null = null
        for (const entry of pending) if (!first || entry[1].at < first[1].at) first = entry
        if (!first || first[1].at > to) break
        pending.delete(first[0])
        at = Math.max(at, first[1].at)
        first[1].run()
        await settle()
      }
      at = Math.max(at, to)
      await settle()
    },
  }
}
