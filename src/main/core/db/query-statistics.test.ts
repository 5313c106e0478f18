import { join } from 'node:path'
import pino from 'pino'
import { expect, it } from 'vitest'
import { useTempDirs } from '../../../../test/support/temp-dir'
import { createInboxCache } from '../leads/inbox-cache'
import type { CachedLead } from '../leads/pipedrive-lead'
import { openDatabase } from './database'
import { keepQueryStatistics } from './query-statistics'

const tempDir = useTempDirs()
const log = pino({ level: 'silent' })
const soon = {
  setTimeout: (run: () => void) => setImmediate(run),
  clearTimeout: (timer: unknown) => clearImmediate(timer as NodeJS.Immediate),
}

/** How many rows SQLite's statistics say the inbox has; null before any were gathered. */
const statedRows = (db: ReturnType<typeof openDatabase>['db']): number | null => {
  // Partial indexes count only their own rows: the largest count is the table's.
  const row = db
    .prepare("SELECT MAX(CAST(stat AS INTEGER)) AS n FROM sqlite_stat1 WHERE tbl = 'inbox_lead'")
    .get() as { n: number | null }
  return row.n
}

function addLeads(db: ReturnType<typeof openDatabase>['db'], from: number, count: number) {
  createInboxCache(db).upsert(
    Array.from({ length: count }, (_, i): CachedLead => ({
      id: `lead-${from + i}`,
      title: `Lead ${from + i}`,
      ownerId: null,
      personId: null,
      organizationId: null,
      value: null,
      expectedCloseDate: null,
      visibleTo: null,
      wasSeen: true,
      isArchived: false,
      addTime: '2026-01-01T00:00:00.000Z',
      updateTime: '2026-01-01T00:00:00.000Z',
      labelIds: [],
      customFields: {},
      nextActivityId: null,
    })),
    Date.now(),
  )
}

it('gathers statistics soon after the start and again at close once the inbox grew', async () => {
  const { db } = openDatabase(join(tempDir(), 'leadbox.db'), { log })
  addLeads(db, 0, 500)
  expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").get()).toBe(
    undefined,
  )
  const statistics = keepQueryStatistics(db, { log, timers: soon })
  await statistics.firstPass
  expect(statedRows(db)).toBe(500)

  addLeads(db, 500, 9_500)
  statistics.stop()
  expect(statedRows(db)).toBeGreaterThan(5_000)
  db.close()
})
