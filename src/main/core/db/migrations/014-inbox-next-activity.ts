import type { Migration } from './index'

export const inboxNextActivity014: Migration = {
  version: 14,
  name: 'inbox next activity',
  up(db) {
    db.exec(`
      -- Pipedrive's next activity of each lead, from the listings, and its due moment, read
      -- from the activity itself: 'YYYY-MM-DD' for a day, 'YYYY-MM-DDTHH:MM' (UTC) with a
      -- time, so one text order sorts both. The due is the listed activity's only while
      -- next_activity_read holds the same id; stale: the next activity is known to have
      -- changed (done, deleted, moved later) and is to be found again.
      ALTER TABLE inbox_lead ADD COLUMN next_activity_id INTEGER;
      ALTER TABLE inbox_lead ADD COLUMN next_activity_due TEXT;
      ALTER TABLE inbox_lead ADD COLUMN next_activity_read INTEGER;
      ALTER TABLE inbox_lead ADD COLUMN next_activity_stale INTEGER NOT NULL DEFAULT 0;
      -- "Overdue" is a range of due moments in one view; "none planned" is the nulls.
      CREATE INDEX inbox_lead_next_due ON inbox_lead (is_archived, next_activity_due);
      CREATE INDEX inbox_lead_next_id ON inbox_lead (is_archived, next_activity_id);
      CREATE INDEX inbox_lead_next_stale ON inbox_lead (id) WHERE next_activity_stale = 1;
      -- Leads cached before know no next activity: the next look lists them all.
      DELETE FROM inbox_meta WHERE key = 'full.refreshedAt';
    `)
  },
}
