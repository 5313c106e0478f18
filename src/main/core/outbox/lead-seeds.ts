import type { LeadSeed } from '../../../shared/leads/lead-draft'

/**
 * The hand-over between the two windows: quick add puts an unfinished lead here, the main
 * window takes it into the full form. One at a time; taking empties it.
 */
export interface LeadSeeds {
  put(seed: LeadSeed): void
  take(): LeadSeed | null
}

export function createLeadSeeds(): LeadSeeds {
  let waiting: LeadSeed | null = null
  return {
    put(seed) {
      waiting = seed
    },
    take() {
      const seed = waiting
      waiting = null
      return seed
    },
  }
}
