import type { Database } from 'better-sqlite3'
import { LeadboxError } from '../../../shared/result'
import { migrations, type Migration } from './migrations/index'

export function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Versions only grow, but a number may be held for a migration of another line of work. */
function lastVersion(steps: readonly Migration[]): number {
  return steps.at(-1)?.version ?? 0
}

/** A file from a newer Leadbox is left alone: an older schema would misread it. */
export function assertNotNewer(db: Database, steps: readonly Migration[] = migrations): void {
  const current = userVersion(db)
  const known = lastVersion(steps)
  if (current > known) {
    throw new LeadboxError(
      'database_unavailable',
      `This database was written by a newer Leadbox (schema ${current}; this version knows ${known}). Update Leadbox to open it.`,
    )
  }
}

/**
 * Brings the file up to `target` one numbered step at a time, each step in its own
 * transaction with its version bump, so a crash mid-way leaves a valid earlier version.
 */
export function migrate(
  db: Database,
  target = lastVersion(migrations),
  steps: readonly Migration[] = migrations,
): number {
  assertNotNewer(db, steps)
  const current = userVersion(db)
  for (const step of steps) {
    if (step.version <= current || step.version > target) continue
    db.transaction(() => {
      step.up(db)
      db.pragma(`user_version = ${step.version}`)
    })()
  }
  return userVersion(db)
}
