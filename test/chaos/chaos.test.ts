// Randomized, replayable chaos: the real core in a worker process, killed with SIGKILL at
// least 25 times a seed (at random, inside capture and change transactions, between a send
// and its record, during conversions), under random faults on every write, against one
// Pipedrive sandbox. Every lead, person, organization, note and activity the plan committed
// (also on leads only Pipedrive has) must be in Pipedrive exactly once, linked, changed and
// marked done as the plan said. See test/chaos/README.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  defaultKills,
  defaultOps,
  describeFailure,
  describeRun,
  startChaosEnvironment,
  type ChaosEnvironment,
} from './run'

/** Fixed seeds, so `npm test` is repeatable; `npm run soak` runs fresh ones. */
const seeds = [20_260_101, 7_331, 424_242]

describe('chaos: the real core killed and faulted at random', () => {
  let chaos: ChaosEnvironment | undefined
  beforeAll(async () => {
    chaos = await startChaosEnvironment()
  }, 60_000)
  afterAll(async () => {
    await chaos?.close()
  })

  for (const seed of seeds) {
    it(`delivers every change of seed ${seed} exactly once`, async () => {
      const result = await chaos!.runSeed({ seed, ops: defaultOps.test, kills: defaultKills.test })
      console.log(describeRun(result))
      expect(result.failures, describeFailure(result)).toEqual([])
    }, 240_000)
  }
})
