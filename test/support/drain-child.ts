// A process that drains the outbox and exits, for the crash test: it is killed with
// SIGKILL at random moments and started again, as a laptop losing power would be.
import { openDatabase } from '../../src/main/core/db/database'
import { createSilentLogger } from '../../src/main/core/log/logger'
import { createOutboxQueue } from '../../src/main/core/outbox/outbox-queue'
import { createOutboxGateway } from '../../src/main/core/pipedrive/pipedrive-gateway'
import { fixedAuth, testClient } from '../../src/main/core/pipedrive/testing'
import { createSyncEngine } from '../../src/main/core/sync/sync-engine'
import { networkSwitch } from './network-switch'

async function main() {
  const [file, url, token] = process.argv.slice(2) as [string, string, string]
  const { db } = openDatabase(file, { log: createSilentLogger() })
  const { client } = testClient(fixedAuth(url, { apiToken: token }), {
    limiter: { burstLimit: 40 },
    timeoutMs: 500,
  })
  const gateway = createOutboxGateway(client)
  const engine = createSyncEngine({
    // The product's rules on a short clock: a killed attempt's request is given 2 s to land.
    queue: createOutboxQueue(db, Date.now, { attemptTimeoutMs: 1_000, landingWindowMs: 2_000 }),
    session: () => ({ account: 'company:user', gateway }),
    network: networkSwitch(true),
    log: createSilentLogger(),
    onChange: () => {},
    random: () => 0,
  })
  engine.start()
  process.stdout.write('draining\n')
  const open = db.prepare(
    "SELECT count(*) FROM outbox WHERE state IN ('queued', 'uncertain', 'sending')",
  )
  for (;;) {
    engine.wake('sync now')
    await engine.idle()
    if (open.pluck().get() === 0) break
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  await engine.stop()
  db.close()
  process.stdout.write('drained\n')
}

void main()
