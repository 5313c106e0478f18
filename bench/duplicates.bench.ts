import { performance } from 'node:perf_hooks'
import { createDuplicateIndex } from '../src/shared/quick-add/duplicates'
import type { KnownContact, NewContact, WaitingContact } from '../src/shared/quick-add/duplicates'
import {
  sampleOrganizations,
  samplePersons,
  seededRandom,
} from '../src/shared/quick-add/sample-catalog'
import { percentile, round } from './percentiles'

const targetP99Ms = 5

/**
 * Matching a new person or organization against a catalog of 100,000 persons (with emails)
 * and 20,000 organizations and a few contacts waiting in the outbox, as quick add does before
 * it queues one. The indexes are built once, as the window builds them.
 */
export function benchDuplicates() {
  const persons: KnownContact[] = samplePersons(100_000).map((entry) => ({
    ...entry,
    email: `p${entry.id}@example.com`,
  }))
  const organizations = sampleOrganizations(20_000)
  const buildStart = performance.now()
  const people = createDuplicateIndex('person', persons)
  const companies = createDuplicateIndex('organization', organizations)
  const indexBuildMs = performance.now() - buildStart

  const waiting: WaitingContact[] = Array.from({ length: 20 }, (_, at) => ({
    outboxId: at + 1,
    name: `Waiting Person ${at}`,
    email: `waiting${at}@example.com`,
    phone: `+4420794609${String(at).padStart(2, '0')}`,
  }))
  const random = seededRandom(11)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const newPerson = (): NewContact => {
    const known = pick(persons)
    const [first = '', ...rest] = known.name.split(' ')
    return pick<() => NewContact>([
      () => ({ name: known.name.toUpperCase() }),
      () => ({ name: `${first[0]}. ${rest.join(' ')}` }),
      () => ({ name: known.name, email: `other${known.id}@example.com` }),
      () => ({ name: 'Someone New', email: known.email ?? undefined }),
      () => ({ name: 'Brand New Person', phone: '+4915123456789' }),
      () => ({ name: `Waiting Person ${Math.floor(random() * 20)}` }),
    ])()
  }
  const newOrganization = (): NewContact => ({
    name: pick([
      `${pick(organizations).name} GmbH`,
      'Completely New Ltd',
      pick(organizations).name,
    ]),
  })

  const run = (record: (ms: number) => void) => {
    for (let at = 0; at < 2_000; at += 1) {
      const person = newPerson()
      const organization = newOrganization()
      const start = performance.now()
      people.likelyMatch(person, waiting)
      companies.likelyMatch(organization, waiting)
      record(performance.now() - start)
    }
  }
  run(() => undefined)
  const timings: number[] = []
  run((ms) => timings.push(ms))
  const p99Ms = percentile(timings, 99)
  return {
    name: 'duplicate check of a new person and organization, 100k',
    p50Ms: round(percentile(timings, 50)),
    p99Ms: round(p99Ms),
    maxMs: round(Math.max(...timings)),
    samples: timings.length,
    target: `p99 <= ${targetP99Ms} ms`,
    passed: p99Ms <= targetP99Ms,
    catalog: {
      persons: persons.length,
      organizations: organizations.length,
      indexBuildMs: round(indexBuildMs),
    },
  }
}
