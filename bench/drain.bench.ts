// A drain of 1,000 leads against the sandbox at the API-token burst limit of the lowest plan
// (20 requests per 2 s): the outbox with its rate limiter, and the naive way beside it (one
// request after another, no limiter, a 429 retried after 1 s). Traffic stays on 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase } from '../src/main/core/db/database'
import { createSilentLogger } from '../src/main/core/log/logger'
import { createOutbox } from '../src/main/core/outbox/outbox'
import { createOutboxQueue } from '../src/main/core/outbox/outbox-queue'
import { createOutboxGateway } from '../src/main/core/pipedrive/pipedrive-gateway'
import { fixedAuth, testClient } from '../src/main/core/pipedrive/testing'
import { createSyncEngine } from '../src/main/core/sync/sync-engine'
import { seedIds, startSandbox, type Sandbox } from '../test/pipedrive-sandbox/index'
import { networkSwitch } from '../test/support/network-switch'
import { round } from './percentiles'

const limitPerWindow = 20
const windowMs = 2_000

function outcome(sandbox: Sandbox, name: string, count: number, ms: number) {
  const created = sandbox.state.count('POST /api/v1/leads', 201)
  const perSecond = created / (ms / 1_000)
  return {
    name,
    leads: count,
    created,
    seconds: round(ms / 1_000, 1),
    requestsPerSecond: round(sandbox.state.requests.length / (ms / 1_000), 2),
    shareOfLimit: round(perSecond / (limitPerWindow / (windowMs / 1_000)), 3),
    status429: sandbox.state.count('POST /api/v1/leads', 429),
    status403: sandbox.state.count('POST /api/v1/leads', 403),
  }
}

async function drainWithOutbox(count: number) {
  const sandbox = await startSandbox({ limits: { plan: 'essential' } })
  const dir = mkdtempSync(join(tmpdir(), 'leadbox-bench-'))
  const { db } = openDatabase(join(dir, 'leadbox.db'), { log: createSilentLogger() })
  try {
    const outbox = createOutbox(db)
    for (let i = 0; i < count; i++) {
      outbox.enqueueLead({
        title: `Bench ${i}`,
        person: { kind: 'existing', id: seedIds.persons.maria },
      })
    }
    const { client } = testClient(fixedAuth(sandbox.url, { apiToken: sandbox.apiToken }), {
      limiter: { burstLimit: limitPerWindow },
    })
    const engine = createSyncEngine({
      queue: createOutboxQueue(db),
      session: () => ({ account: 'bench', gateway: createOutboxGateway(client) }),
      network: networkSwitch(true),
      log: createSilentLogger(),
      onChange: () => {},
    })
    const start = performance.now()
    engine.start()
    while (outbox.counts().sent < count) {
      engine.wake('bench')
      await engine.idle()
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const ms = performance.now() - start
    await engine.stop()
    return outcome(sandbox, `drain ${count} leads: outbox + limiter (20 req / 2 s)`, count, ms)
  } finally {
    db.close()
    rmSync(dir, { recursive: true, force: true })
    await sandbox.close()
  }
}

async function drainNaively(count: number) {
  const sandbox = await startSandbox({ limits: { plan: 'essential' } })
  try {
    const start = performance.now()
    for (let i = 0; i < count; i++) {
      for (;;) {
        const response = await fetch(`${sandbox.url}/api/v1/leads`, {
          method: 'POST',
          headers: { 'x-api-token': sandbox.apiToken, 'content-type': 'application/json' },
          body: JSON.stringify({ title: `Naive ${i}`, person_id: seedIds.persons.maria }),
        })
        await response.arrayBuffer()
        if (response.status === 201) break
        // The naive client retries a 429 after a second and anything else at once, and
        // gives up on a block it cannot understand (Pipedrive's HTML 403).
        if (response.status === 403)
          return {
            ...outcome(
              sandbox,
              `drain ${count} leads: naive (no limiter, 429 → retry in 1 s)`,
              count,
              performance.now() - start,
            ),
            blocked: true,
          }
        await new Promise((resolve) => setTimeout(resolve, response.status === 429 ? 1_000 : 0))
      }
    }
    const ms = performance.now() - start
    return {
      ...outcome(
        sandbox,
        `drain ${count} leads: naive (no limiter, 429 → retry in 1 s)`,
        count,
        ms,
      ),
      blocked: false,
    }
  } finally {
    await sandbox.close()
  }
}

export async function benchDrain(count = Number(process.env['BENCH_DRAIN_LEADS'] ?? 1_000)) {
  const withOutbox = await drainWithOutbox(count)
  const naive = await drainNaively(count)
  return [
    {
      ...withOutbox,
      target: 'share >= 0.9, 429s <= 2',
      passed: withOutbox.shareOfLimit >= 0.9 && withOutbox.status429 <= 2,
    },
    naive,
  ]
}
