// Enqueue latency: validating a draft and committing its outbox rows, the work between the
// user's Enter and "Saved". Real SQLite file in WAL mode with synchronous=FULL, as in the app.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase } from '../src/main/core/db/database'
import { createSilentLogger } from '../src/main/core/log/logger'
import { createOutbox } from '../src/main/core/outbox/outbox'
import { percentile, round } from './percentiles'

export async function benchEnqueue(count = 10_000) {
  const dir = mkdtempSync(join(tmpdir(), 'leadbox-bench-'))
  const { db } = openDatabase(join(dir, 'leadbox.db'), { log: createSilentLogger() })
  const outbox = createOutbox(db)
  const samples: number[] = []
  try {
    for (let i = 0; i < count; i++) {
      // Every tenth lead brings a new person, as quick-add with an unknown @name does.
      const draft =
        i % 10 === 0
          ? {
              title: `Lead ${i}`,
              person: { kind: 'new', name: `Person ${i}` },
              value: { amount: i, currency: 'EUR' },
            }
          : {
              title: `Lead ${i}`,
              person: { kind: 'existing', id: 1 + (i % 50) },
              labelIds: ['f08b42a0-4e75-11ea-9643-03698ef1cfd6'],
            }
      const start = performance.now()
      outbox.enqueueLead(draft)
      samples.push(performance.now() - start)
    }
  } finally {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
  return {
    name: 'enqueue (validate + commit, synchronous=FULL)',
    samples: count,
    p50Ms: round(percentile(samples, 50)),
    p99Ms: round(percentile(samples, 99)),
    target: 'p99 <= 2 ms',
    passed: percentile(samples, 99) <= 2,
  }
}
