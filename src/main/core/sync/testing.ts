import { join } from 'node:path'
import { afterEach } from 'vitest'
import { startSandbox, type Sandbox } from '../../../../test/pipedrive-sandbox/index'
import { networkSwitch } from '../../../../test/support/network-switch'
import { useTempDirs } from '../../../../test/support/temp-dir'
import { openDatabase } from '../db/database'
import { createSilentLogger } from '../log/logger'
import { createLeadChanges } from '../outbox/lead-changes'
import { createOutbox } from '../outbox/outbox'
import { createOutboxQueue, type QueuedRow } from '../outbox/outbox-queue'
import { createPendingLeads } from '../outbox/pending-lead'
import { createOutboxGateway } from '../pipedrive/pipedrive-gateway'
import { fixedAuth, testClient } from '../pipedrive/testing'
import { createSyncEngine, type SyncEngine } from './sync-engine'

/**
 * An outbox on a real SQLite file, its engine and a sandbox Pipedrive, closed after each
 * test. The clock runs with real time, and `advance` moves it ahead, so rows waiting for
 * later become due without the test waiting.
 */
export function useSyncRigs() {
  const tempDir = useTempDirs()
  let sandbox: Sandbox | undefined
  let engine: SyncEngine | undefined
  afterEach(async () => {
    await engine?.stop()
    await sandbox?.close()
    engine = undefined
    sandbox = undefined
  })

  return async function setup(options: { onSent?: (row: QueuedRow) => void } = {}) {
    const box = await startSandbox({ limits: { plan: 'power' } })
    sandbox = box
    let offset = 0
    const now = () => Date.now() + offset
    const { db } = openDatabase(join(tempDir(), 'leadbox.db'), { log: createSilentLogger() })
    const outbox = createOutbox(db, now)
    const changes = createLeadChanges(db, outbox, now)
    const pending = createPendingLeads(db, outbox, now)
    const { client } = testClient(fixedAuth(box.url, { apiToken: box.apiToken }), {
      limiter: { burstLimit: 100 },
    })
    const e = createSyncEngine({
      queue: createOutboxQueue(db, now),
      session: () => ({ account: 'a', gateway: createOutboxGateway(client) }),
      network: networkSwitch(true),
      log: createSilentLogger(),
      onChange: () => {},
      ...(options.onSent ? { onSent: options.onSent } : {}),
      now,
      random: () => 0,
      uncertainDelayMs: 0,
    })
    engine = e
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${box.url}/api${path.startsWith('/v2') ? '' : '/v1'}${path}`, {
        method,
        headers: { 'x-api-token': box.apiToken, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      return (await response.json()) as { data: Record<string, unknown> }
    }
    const drain = async () => {
      e.start()
      e.wake('sync now')
      await e.idle()
    }
    return {
      box,
      outbox,
      changes,
      pending,
      call,
      drain,
      advance: (ms: number) => {
        offset += ms
      },
    }
  }
}
