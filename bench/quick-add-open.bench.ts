// The quick-add window opening on a large catalog: how soon the first keystroke is parsed
// while the person and organization indexes are still being built a slice at a time, beside
// building them whole at once, as the window did before.
import { performance } from 'node:perf_hooks'
import {
  catalogIndexSliceMs,
  createCatalogIndex,
  createCatalogIndexInSteps,
  loadQuickAddLanguage,
  parseQuickAdd,
  warmUpQuickAdd,
  type QuickAddContext,
} from '../src/shared/quick-add'
import {
  sampleCurrencies,
  sampleLabels,
  sampleOrganizations,
  samplePersons,
} from '../src/shared/quick-add/sample-catalog'
import { percentile, round } from './percentiles'

const targetMs = 16

export async function benchQuickAddOpen(personCount = 100_000, organizationCount = 20_000) {
  const persons = samplePersons(personCount)
  const organizations = sampleOrganizations(organizationCount)
  const contextOf = (indexes: Pick<QuickAddContext, 'persons' | 'organizations'>) => ({
    now: new Date(2026, 10, 25, 12),
    currencies: sampleCurrencies,
    defaultCurrency: 'EUR',
    labels: sampleLabels,
    ...indexes,
  })
  // The date parsers load after the window shows and compile their patterns once there; the
  // keystrokes before then are read without dates (cheaper) and read again after. Measured
  // here with them loaded and compiled: the costlier reading.
  await loadQuickAddLanguage('en')
  warmUpQuickAdd()

  let start = performance.now()
  createCatalogIndex(persons)
  createCatalogIndex(organizations)
  const wholeBuildMs = performance.now() - start

  // Opening: the indexes are started, not built, and the first keystroke is read at once.
  start = performance.now()
  const steps = {
    persons: createCatalogIndexInSteps(persons),
    organizations: createCatalogIndexInSteps(organizations),
  }
  parseQuickAdd('A', contextOf(steps))
  const firstParseMs = performance.now() - start

  // Then the slices the window runs between keystrokes; a keystroke waits at most one.
  const sliceTimes: number[] = []
  for (;;) {
    const sliceStart = performance.now()
    const deadline = sliceStart + catalogIndexSliceMs
    const built = [steps.persons, steps.organizations].every((index) =>
      index.buildSome(() => performance.now() >= deadline),
    )
    sliceTimes.push(performance.now() - sliceStart)
    if (built) break
  }
  // Slices stop after the step that passes the budget; a longer one is a garbage collection
  // or a busy machine.
  const longestSliceMs = Math.max(...sliceTimes)

  // Honest about the one case that waits: `@name` typed before the index is done finishes it.
  const early = {
    persons: createCatalogIndexInSteps(persons),
    organizations: createCatalogIndexInSteps(organizations),
  }
  start = performance.now()
  parseQuickAdd('Call @Jane', contextOf(early))
  const atNameBeforeBuiltMs = performance.now() - start

  const worstFirstParseMs = longestSliceMs + firstParseMs
  return {
    name: `quick-add: first parse after opening (${personCount} persons, ${organizationCount} organizations)`,
    firstParseMs: round(firstParseMs, 2),
    worstFirstParseMs: round(worstFirstParseMs, 2),
    target: `at most ${targetMs} ms, index built or not`,
    passed: worstFirstParseMs <= targetMs,
    wholeIndexBuildMs: round(wholeBuildMs, 1),
    steppedIndexBuildMs: round(
      sliceTimes.reduce((sum, ms) => sum + ms, 0),
      1,
    ),
    slices: sliceTimes.length,
    p99SliceMs: round(percentile(sliceTimes, 99), 2),
    longestSliceMs: round(longestSliceMs, 2),
    atNameBeforeBuiltMs: round(atNameBeforeBuiltMs, 1),
  }
}
