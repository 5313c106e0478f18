import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { networkSwitch } from '../../../../test/support/network-switch'
import { migrate } from '../db/migrate'
import { createSilentLogger } from '../log/logger'
import { createOutbox } from '../outbox/outbox'
import { createOutboxQueue } from '../outbox/outbox-queue'
import { PipedriveFailure } from '../pipedrive/failure'
import type { OutboxGateway } from '../pipedrive/outbox-gateway'
import { createSyncEngine } from './sync-engine'

// The machine is online but Pipedrive does not answer: the engine says so, since when, and
// when it tries again, and "Sync now" tries at once.

function setup() {
  // Only what a lead's send uses; `bound` gives the same gateway, as the real one does.
  const gateway = (): OutboxGateway =>
    ({
      bound: gateway,
      addLead: async () => {
        if (!sendReaches)
          throw new PipedriveFailure('not_sent', 'Leadbox could not reach Pipedrive.')
        return { id: randomUUID() }
      },
    }) as unknown as OutboxGateway
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db)
  let clock = 1_000_000
  const now = () => clock
  let reachable = false
  let sendReaches = true
  let checks = 0
  let changes = 0
  const network = networkSwitch(true)
  const engine = createSyncEngine({
    queue: createOutboxQueue(db, now),
    session: () => ({
      account: 'a',
      // Used only once Pipedrive is reachable.
      gateway: gateway(),
      confirmReachable: async () => {
        checks += 1
        return reachable
      },
    }),
    network,
    log: createSilentLogger(),
    onChange: () => void (changes += 1),
    now,
    periodMs: 30_000,
  })
  const outbox = createOutbox(db, now)
  return {
    engine,
    /** A lead waiting to be sent: what makes a pass ask Pipedrive at all. */
    capture: () => outbox.enqueueLead({ title: 'Acme', organization: { kind: 'existing', id: 1 } }),
    cancelAll: () => db.prepare(`UPDATE outbox SET state = 'cancelled'`).run(),
    tick: (ms: number) => (clock += ms),
    reach: (on: boolean) => (reachable = on),
    /** Whether a send (not the check) gets through. */
    sendsReach: (on: boolean) => (sendReaches = on),
    network,
    checks: () => checks,
    changes: () => changes,
    now,
  }
}

describe('an unreachable Pipedrive', () => {
  it('is said, with since when and the next try, and "Sync now" checks again at once', async () => {
    const rig = setup()
    rig.capture()
    rig.engine.start()
    await rig.engine.idle()
    const since = rig.now()
    expect(rig.engine.status()).toMatchObject({
      unreachableSince: since,
      nextAttemptAt: since + 30_000,
    })
    expect(rig.changes()).toBeGreaterThan(0)

    rig.tick(5_000)
    rig.engine.wake('timer')
    await rig.engine.idle()
    // Not yet time: no new check, and the first failure still dates the outage.
    expect(rig.checks()).toBe(1)
    rig.engine.wake('sync now')
    await rig.engine.idle()
    expect(rig.checks()).toBe(2)
    expect(rig.engine.status().unreachableSince).toBe(since)

    // The lead is gone, but the outage was said: passes go on asking until it is over.
    rig.cancelAll()
    rig.reach(true)
    rig.engine.wake('sync now')
    await rig.engine.idle()
    expect(rig.checks()).toBe(3)
    expect(rig.engine.status().unreachableSince).toBeNull()
    await rig.engine.stop()
  })

  it('is asked about once, not before every send, until the network changes', async () => {
    const rig = setup()
    rig.reach(true)
    rig.engine.start()
    for (let i = 0; i < 3; i++) {
      rig.capture()
      rig.engine.wake('captured')
      await rig.engine.idle()
    }
    expect(rig.checks()).toBe(1)
    rig.network.set(false)
    rig.network.set(true)
    await rig.engine.idle()
    rig.capture()
    rig.engine.wake('captured')
    await rig.engine.idle()
    expect(rig.checks()).toBe(2)
    await rig.engine.stop()
  })

  it('is asked about again after a send that could not reach it, and said', async () => {
    const rig = setup()
    rig.reach(true)
    rig.engine.start()
    rig.capture()
    rig.engine.wake('captured')
    await rig.engine.idle()
    expect(rig.checks()).toBe(1)
    // Pipedrive answered a moment ago, so the next send goes without a check, and fails.
    rig.reach(false)
    rig.sendsReach(false)
    rig.capture()
    rig.engine.wake('captured')
    await rig.engine.idle()
    expect(rig.checks()).toBe(1)
    // Its retry asks first, and the answer is said.
    rig.tick(60_000)
    rig.engine.wake('timer')
    await rig.engine.idle()
    expect(rig.checks()).toBe(2)
    expect(rig.engine.status().unreachableSince).toBe(rig.now())
    await rig.engine.stop()
  })

  it('is not asked about while nothing waits: no request, no tokens', async () => {
    const rig = setup()
    rig.engine.start()
    await rig.engine.idle()
    rig.engine.wake('sync now')
    await rig.engine.idle()
    expect(rig.checks()).toBe(0)
    expect(rig.engine.status().unreachableSince).toBeNull()
    await rig.engine.stop()
  })
})
