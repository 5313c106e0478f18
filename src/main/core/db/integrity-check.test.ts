import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { largeDatabase } from '../../../../test/support/large-database'
import { useTempDirs } from '../../../../test/support/temp-dir'
import type { Timers } from '../catalog/refresh-schedule'
import { createSilentLogger } from '../log/logger'
import { openDatabase } from './database'
import { checkAtOpenUpToBytes, checkIntegrityLater, damageMarkerOf } from './integrity-check'

const log = createSilentLogger()
const tempDir = useTempDirs()
const fixedNow = () => new Date('2026-11-27T10:00:00.000Z')

/** Runs each wait at once (on the next turn), so a whole check fits in a test. */
const noWaiting: Timers = {
  setTimeout: (run) => setImmediate(run),
  clearTimeout: (timer) => clearImmediate(timer as NodeJS.Immediate),
}

describe('checkIntegrityLater', () => {
  it('finds damage after the start that the open did not wait for, and the next start repairs it', async () => {
    const dir = tempDir()
    const file = join(dir, 'leadbox.db')
    largeDatabase(file, true)
    expect(statSync(file).size).toBeGreaterThan(checkAtOpenUpToBytes)

    const opened = openDatabase(file, { log, now: fixedNow })
    expect(opened.health).toEqual({ status: 'ok' })
    expect(opened.checkLater).toBe(true)
    const onDamage = vi.fn()
    await checkIntegrityLater(opened.db, { file, log, onDamage, timers: noWaiting }).done
    expect(onDamage).toHaveBeenCalledTimes(1)
    expect(onDamage.mock.calls[0]![0]).toMatch(/^the table filler is damaged: /)
    expect(existsSync(damageMarkerOf(file))).toBe(true)
    opened.db.close()

    // However large, the file is checked at this start and moved aside whole, kept.
    const reopened = openDatabase(file, { log, now: fixedNow })
    expect(reopened.health).toMatchObject({ status: 'recovered' })
    expect(reopened.checkLater).toBe(false)
    const aside = join(dir, 'leadbox.db.damaged-2026-11-27T10-00-00-000Z')
    expect(statSync(aside).size).toBeGreaterThanOrEqual(checkAtOpenUpToBytes)
    expect(existsSync(damageMarkerOf(file))).toBe(false)
    reopened.db.close()
  })

  it('passes a sound database table by table and notes nothing', async () => {
    const file = join(tempDir(), 'leadbox.db')
    largeDatabase(file, false)
    const { db, checkLater } = openDatabase(file, { log })
    expect(checkLater).toBe(true)
    const onDamage = vi.fn()
    const waits: number[] = []
    const timers: Timers = {
      setTimeout(run, ms) {
        waits.push(ms)
        return noWaiting.setTimeout(run, ms)
      },
      clearTimeout: noWaiting.clearTimeout,
    }
    await checkIntegrityLater(db, { file, log, onDamage, timers, delayMs: 1000, gapMs: 10 }).done
    expect(onDamage).not.toHaveBeenCalled()
    expect(existsSync(damageMarkerOf(file))).toBe(false)
    // The start's work first, then one table per turn: never the whole file at once.
    expect(waits[0]).toBe(1000)
    expect(waits.length).toBeGreaterThan(3)
    db.close()
  })

  it('stops when the app closes before it ends', async () => {
    const file = join(tempDir(), 'leadbox.db')
    largeDatabase(file, true)
    const { db } = openDatabase(file, { log })
    const onDamage = vi.fn()
    const check = checkIntegrityLater(db, { file, log, onDamage, timers: noWaiting })
    check.stop()
    await check.done
    await new Promise((resolve) => setImmediate(resolve))
    expect(onDamage).not.toHaveBeenCalled()
    db.close()
  })
})
