import { expect, it } from 'vitest'
import { localDay, localTime } from './local-day'

it("names the day and time the user's clock shows", () => {
  expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05')
  expect(localTime(new Date(2026, 0, 5, 7, 5))).toBe('07:05')
  const early = new Date(2026, 0, 5)
  early.setFullYear(33)
  expect(localDay(early)).toBe('0033-01-05')
})
