import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { networkSwitch } from '../../../../test/support/network-switch'
import { createSilentLogger } from '../log/logger'
import { createRefreshSchedule, type RefreshScheduleOptions } from './refresh-schedule'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

function setup(run: RefreshScheduleOptions['run'], ready = () => true) {
  const network = networkSwitch(true)
  const schedule = createRefreshSchedule({
    name: 'test',
    run,
    ready: () => ready() && network.isOnline(),
    network,
    log: createSilentLogger(),
    periodMs: 60_000,
    retryMs: 1_000,
  })
  return { schedule, network }
}

describe('the refresh schedule', () => {
  it('refreshes at start and then every period', async () => {
    const run = vi.fn(async () => true)
    const { schedule } = setup(run)
    schedule.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(59_000)
    expect(run).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(run).toHaveBeenCalledTimes(2)
    expect(schedule.status()).toMatchObject({ lastError: null, lastRefreshAt: expect.any(Number) })
    await schedule.stop()
  })

  it('counts a new period from the last refresh: a longer one waits, a shorter one may run at once', async () => {
    const run = vi.fn(async () => true)
    const { schedule } = setup(run)
    schedule.start()
    await vi.advanceTimersByTimeAsync(0)
    schedule.setPeriod(600_000)
    await vi.advanceTimersByTimeAsync(300_000)
    expect(run).toHaveBeenCalledTimes(1)
    // Back to a minute, five minutes after the last refresh: one now, then every minute.
    schedule.setPeriod(60_000)
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(run).toHaveBeenCalledTimes(3)
    await schedule.stop()
  })

  it('looks by timer never without a period, and catches up once when given one again', async () => {
    const run = vi.fn(async () => true)
    const { schedule } = setup(run)
    schedule.start()
    await vi.advanceTimersByTimeAsync(0)
    schedule.setPeriod(null)
    await vi.advanceTimersByTimeAsync(8 * 60 * 60_000)
    expect(run).toHaveBeenCalledTimes(1)
    // A wake still refreshes, and sets no timer after it.
    schedule.wake('asked')
    await vi.advanceTimersByTimeAsync(60 * 60_000)
    expect(run).toHaveBeenCalledTimes(2)
    schedule.setPeriod(60_000)
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(3)
    await vi.advanceTimersByTimeAsync(59_999)
    expect(run).toHaveBeenCalledTimes(3)
    await vi.advanceTimersByTimeAsync(1)
    expect(run).toHaveBeenCalledTimes(4)
    await schedule.stop()
  })

  it('keeps a pending wake when the period changes', async () => {
    const run = vi.fn(async () => true)
    const { schedule } = setup(run)
    schedule.start()
    await vi.advanceTimersByTimeAsync(0)
    schedule.wake('soon', 2_000)
    schedule.setPeriod(null)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(run).toHaveBeenCalledTimes(2)
    await schedule.stop()
  })

  it('retries a failure with a growing wait, never throwing, and recovers', async () => {
    let fail = true
    const run = vi.fn(async () => {
      if (fail) throw new Error('Pipedrive answered 503')
      return true
    })
    const { schedule } = setup(run)
    schedule.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(schedule.status().lastError).toBe('Pipedrive answered 503')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(run).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1_999)
    expect(run).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(run).toHaveBeenCalledTimes(3)
    fail = false
    await vi.advanceTimersByTimeAsync(4_000)
    expect(run).toHaveBeenCalledTimes(4)
    expect(schedule.status().lastError).toBeNull()
    await schedule.stop()
  })

  it('waits while offline and refreshes when the network comes back', async () => {
    const run = vi.fn(async () => true)
    const { schedule, network } = setup(run)
    network.set(false)
    schedule.start()
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(run).not.toHaveBeenCalled()
    network.set(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(1)
    await schedule.stop()
  })

  it('runs one refresh at a time, and once more for whoever asked meanwhile', async () => {
    let release = () => {}
    const run = vi.fn(
      () =>
        new Promise<boolean>((resolve) => {
          release = () => resolve(true)
        }),
    )
    const { schedule } = setup(run)
    const first = schedule.refresh('first')
    const second = schedule.refresh('second')
    const third = schedule.refresh('third')
    expect(run).toHaveBeenCalledTimes(1)
    expect(schedule.status().refreshing).toBe(true)
    release()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(2)
    release()
    const statuses = await Promise.all([first, second, third])
    expect(run).toHaveBeenCalledTimes(2)
    expect(statuses.map((s) => s.refreshing)).toEqual([false, false, false])
    await schedule.stop()
  })

  it('cancels what is on the wire when stopped', async () => {
    let aborted = false
    const run = vi.fn(
      (signal: AbortSignal) =>
        new Promise<boolean>((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true
            reject(new Error('aborted'))
          })
        }),
    )
    const { schedule } = setup(run)
    schedule.start()
    await vi.advanceTimersByTimeAsync(0)
    await schedule.stop()
    expect(aborted).toBe(true)
    expect(schedule.status()).toMatchObject({ refreshing: false, lastError: null })
    await vi.advanceTimersByTimeAsync(60 * 60_000)
    expect(run).toHaveBeenCalledTimes(1)
  })
})
