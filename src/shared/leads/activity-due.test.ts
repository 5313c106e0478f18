import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { isOverdue, localDue, overdueBounds } from './activity-due'

const at = (iso: string) => Date.parse(iso)

// A zone an hour ahead of UTC in December, so local and UTC days can differ.
beforeAll(() => {
  vi.stubEnv('TZ', 'Europe/Berlin')
})
afterAll(() => {
  vi.unstubAllEnvs()
})

describe('overdue next activities', () => {
  const now = at('2026-12-03T09:30:20Z') // 10:30 in Berlin

  it('is overdue on a day before today, not on today or later', () => {
    expect(isOverdue('2026-12-02', now)).toBe(true)
    expect(isOverdue('2026-12-03', now)).toBe(false)
    expect(isOverdue('2026-12-04', now)).toBe(false)
  })

  it('is overdue today once its time has passed, not before', () => {
    expect(isOverdue('2026-12-03T09:29', now)).toBe(true)
    expect(isOverdue('2026-12-03T09:30', now)).toBe(false)
    expect(isOverdue('2026-12-03T10:00', now)).toBe(false)
    expect(isOverdue('2026-12-02T23:59', now)).toBe(true)
  })

  it("takes today from the user's clock, not from UTC", () => {
    // 00:30 on the 4th in Berlin, still the 3rd in UTC.
    const lateNight = at('2026-12-03T23:30:00Z')
    expect(overdueBounds(lateNight)).toEqual({ today: '2026-12-04', minute: '2026-12-03T23:30' })
    expect(isOverdue('2026-12-03', lateNight)).toBe(true)
    expect(isOverdue('2026-12-04', lateNight)).toBe(false)
  })

  it('shows a due time in local time and a day as it is', () => {
    expect(localDue('2026-12-03')).toEqual({ day: '2026-12-03' })
    expect(localDue('2026-12-03T09:00')).toEqual({ day: '2026-12-03', time: '10:00' })
    expect(localDue('2026-12-03T23:30')).toEqual({ day: '2026-12-04', time: '00:30' })
  })
})
