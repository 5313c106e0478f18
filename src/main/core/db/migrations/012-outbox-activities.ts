import type { Migration } from './index'

export const outboxActivities012: Migration = {
  version: 12,
  name: 'outbox activities',
  up(db) {
    db.exec(`INSERT INTO outbox_kind (name) VALUES ('activity.create'), ('activity.done');`)
  },
}
