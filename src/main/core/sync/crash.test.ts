import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { seedIds, startSandbox, type Sandbox } from '../../../../test/pipedrive-sandbox/index'
import { useTempDirs } from '../../../../test/support/temp-dir'
import { openDatabase } from '../db/database'
import { createSilentLogger } from '../log/logger'
import { createOutbox } from '../outbox/outbox'

const tempDir = useTempDirs()
let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

const child = (args: string[]): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', join('test', 'support', 'drain-child.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })

/** Resolves once the child has opened the database and started sending. */
const draining = (process: ChildProcess) =>
  new Promise<void>((resolve) => {
    process.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('draining')) resolve()
    })
  })

const exited = (process: ChildProcess) =>
  new Promise<number | null>((resolve) => process.once('exit', (code) => resolve(code)))

describe('a drain killed at random moments', () => {
  it('delivers 200 leads exactly once across 20 SIGKILLs, and the database stays whole', async () => {
    sandbox = await startSandbox({ limits: { plan: 'advanced' } })
    const file = join(tempDir(), 'leadbox.db')
    const { db } = openDatabase(file, { log: createSilentLogger() })
    const outbox = createOutbox(db)
    const persons = Object.values(seedIds.persons)
    for (let i = 0; i < 200; i++) {
      outbox.enqueueLead(
        i % 10 === 0
          ? { title: `Crash lead ${i}`, person: { kind: 'new', name: `Crash Person ${i}` } }
          : {
              title: `Crash lead ${i}`,
              person: { kind: 'existing', id: persons[i % persons.length]! },
            },
      )
    }
    const clientIds = new Set(
      outbox
        .list()
        .filter((row) => row.kind === 'lead.create')
        .map((row) => row.clientId),
    )
    db.close()

    const args = [file, sandbox.url, sandbox.apiToken]
    let kills = 0
    // Random moments, seeded so a failure can be replayed.
    let seed = 20261127
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    while (kills < 20) {
      const drain = child(args)
      const done = exited(drain)
      await Promise.race([draining(drain), done])
      const wait = random() * 400
      const winner = await Promise.race([
        done.then(() => 'exited'),
        new Promise((r) => setTimeout(() => r('kill'), wait)),
      ])
      if (winner === 'exited') break
      drain.kill('SIGKILL')
      await done
      kills++
    }
    // The kills landed while leads were going out, not before the first one left.
    const sentWhileKilled = sandbox.state.leads.filter((lead) =>
      clientIds.has(String(lead['origin_id'])),
    )
    expect(sentWhileKilled.length).toBeGreaterThan(0)
    const last = child(args)
    expect(await exited(last)).toBe(0)

    const ours = sandbox.state.leads.filter((lead) => clientIds.has(String(lead['origin_id'])))
    expect(ours).toHaveLength(200)
    expect(new Set(ours.map((lead) => lead['origin_id'])).size).toBe(200)
    expect(new Set(ours.map((lead) => lead['title'])).size).toBe(200)
    for (let i = 0; i < 200; i += 10) {
      expect(
        sandbox.state.persons.filter((p) => p['name'] === `Crash Person ${i}`),
        `person ${i}`,
      ).toHaveLength(1)
    }
    const check = new Database(file)
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(check.prepare("SELECT count(*) FROM outbox WHERE state <> 'sent'").pluck().get()).toBe(0)
    check.close()
    expect(kills).toBe(20)
  }, 120_000)
})
