import type { Migration } from './index'

export const outboxActivities011: Migration = {
  version: 11,
  name: 'outbox activities',
  up(db) {
    db.exec(`INSERT INTO outbox_kind (name) VALUES ('activity.create'), ('activity.done');`)
  },
}
