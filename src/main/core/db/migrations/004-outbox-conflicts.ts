import type { Migration } from './index'

export const outboxConflicts004: Migration = {
  version: 4,
  name: 'outbox conflicts',
  up(db) {
    // When a change made offline meets a change made in Pipedrive to the same field, both
    // values wait here (JSON) until the user picks.
    db.exec('ALTER TABLE outbox ADD COLUMN conflict TEXT')
  },
}
