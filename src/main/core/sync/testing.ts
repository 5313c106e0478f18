import { join } from 'node:path'
import { afterEach } from 'vitest'
import { startSandbox, type Sandbox } from '../../../../test/pipedrive-sandbox/index'
import { networkSwitch } from '../../../../test/support/network-switch'
import { useTempDirs } from '../../../../test/support/temp-dir'
import { openDatabase, type Db } from '../db/database'
import { createSilentLogger } from '../log/logger'
import { createLeadChanges, type LeadChanges } from '../outbox/lead-changes'
import type { LostRequestTiming } from '../outbox/lost-requests'
import { createOutbox, type Outbox } from '../outbox/outbox'
import { createOutboxQueue, type OutboxQueue, type QueuedRow } from '../outbox/outbox-queue'
import { createPendingLeads, type PendingLeads } from '../outbox/pending-lead'
import { createOutboxGateway } from '../pipedrive/pipedrive-gateway'
import { fixedAuth, testClient } from '../pipedrive/testing'
import { createSyncEngine, type SyncEngine } from './sync-engine'

/** One process's view of the rig's database: what a restart builds again. */
export interface SyncRigProcess {
  db: Db
  queue: OutboxQueue
  engine: SyncEngine
  outbox: Outbox
  changes: LeadChanges
  pending: PendingLeads
}

export interface SyncRigOptions {
  onSent?: (row: QueuedRow) => void
  /** The engine's lost-request timing; the product's own when not given. */
  timing?: Partial<LostRequestTiming>
  /** How long one request may take once it left. */
  requestTimeoutMs?: number
}

/**
 * An outbox on a real SQLite file, its engine and a sandbox Pipedrive, closed after each
 * test. The clock runs with real time, and `advance` moves it (the app's and Pipedrive's)
 * ahead, so rows waiting for later become due without the test waiting. `restart` is a new
 * process on the same file: the engine and the database are closed and built again.
 */
export function useSyncRigs() {
  const tempDir = useTempDirs()
  const open: Array<{ engine: SyncEngine; db: Db }> = []
  let sandbox: Sandbox | undefined
  afterEach(async () => {
    for (const { engine, db } of open.splice(0)) {
      await engine.stop()
      if (db.open) db.close()
    }
    await sandbox?.close()
    sandbox = undefined
  })

  return async function setup(options: SyncRigOptions = {}) {
    let offset = 0
    const now = () => Date.now() + offset
    const box = await startSandbox({ limits: { plan: 'power' }, now })
    sandbox = box
    const file = join(tempDir(), 'leadbox.db')
    const { client } = testClient(fixedAuth(box.url, { apiToken: box.apiToken }), {
      limiter: { burstLimit: 100 },
      now,
      ...(options.requestTimeoutMs ? { timeoutMs: options.requestTimeoutMs } : {}),
    })
    const gateway = createOutboxGateway(client)

    function build(): SyncRigProcess {
      const { db } = openDatabase(file, { log: createSilentLogger() })
      const outbox = createOutbox(db, now)
      const queue: OutboxQueue = createOutboxQueue(db, now, options.timing)
      const engine = createSyncEngine({
        queue,
        session: () => ({ account: 'a', gateway }),
        network: networkSwitch(true),
        log: createSilentLogger(),
        onChange: () => {},
        ...(options.onSent ? { onSent: options.onSent } : {}),
        now,
        random: () => 0,
      })
      open.push({ engine, db })
      return {
        db,
        queue,
        engine,
        outbox,
        changes: createLeadChanges(db, outbox, now),
        pending: createPendingLeads(db, outbox, now),
      }
    }

    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${box.url}/api${path.startsWith('/v2') ? '' : '/v1'}${path}`, {
        method,
        headers: { 'x-api-token': box.apiToken, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      return (await response.json()) as { data: Record<string, unknown> }
    }

    const rig = {
      box,
      ...build(),
      call,
      now,
      /** One pass as "Sync now" starts it, to its end. */
      async drain() {
        rig.engine.start()
        rig.engine.wake('sync now')
        await rig.engine.idle()
      },
      /** Moves the app's and Pipedrive's clocks ahead. */
      advance(ms: number) {
        offset += ms
      },
      /** Moves the clocks to when the next waiting row is due, if any is waiting. */
      advanceToNextDue() {
        const due = rig.engine.status().nextAttemptAt
        if (due !== null && due > now()) offset += due - now()
      },
      /** Kills the engine mid-flight and starts a new one on the same file. */
      async restart() {
        // A process that dies records nothing more: its engine schedules nothing, its
        // database is closed under the request still on the wire.
        void rig.engine.stop()
        rig.db.close()
        Object.assign(rig, build())
      },
      /** Drains until no row is queued, sending or uncertain, moving the clock to each wait. */
      async settle(passes = 20) {
        for (let pass = 0; pass < passes; pass += 1) {
          await rig.drain()
          const waiting = rig.outbox
            .list()
            .filter((row) => ['queued', 'sending', 'uncertain'].includes(row.state))
          if (waiting.length === 0) return
          rig.advanceToNextDue()
        }
        throw new Error('The outbox did not settle.')
      },
    }
    return rig
  }
}
