import type { Migration } from './index'

export const inboxVisibility007: Migration = {
  version: 7,
  name: 'inbox lead visibility',
  up(db) {
    // Who may see each lead. Cached leads learn it at the next full listing, which forgetting
    // when the last one ran makes the very next refresh.
    db.exec(`
      ALTER TABLE inbox_lead ADD COLUMN visible_to TEXT;
      DELETE FROM inbox_meta WHERE key IN ('full.refreshedAt', 'archived.fullAt');
    `)
  },
}
