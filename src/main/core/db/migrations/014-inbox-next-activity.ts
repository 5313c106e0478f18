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
      -- "My leads with nothing planned", counted from the index alone.
      CREATE INDEX inbox_lead_owner_next ON inbox_lead (owner_id, is_archived, next_activity_id);
      CREATE INDEX inbox_lead_next_stale ON inbox_lead (id) WHERE next_activity_stale = 1;
      -- Leads with none planned per view, kept by triggers like the view's tally, so the
      -- filter's total is one row however many leads there are.
      CREATE TABLE inbox_unplanned_tally (
        is_archived INTEGER PRIMARY KEY,
        leads INTEGER NOT NULL
      ) STRICT;
      INSERT INTO inbox_unplanned_tally
        SELECT v.is_archived, (SELECT count(*) FROM inbox_lead
          WHERE is_archived = v.is_archived AND next_activity_id IS NULL)
        FROM (SELECT 0 AS is_archived UNION ALL SELECT 1) v;
      CREATE TRIGGER inbox_unplanned_tally_ai AFTER INSERT ON inbox_lead
      WHEN new.next_activity_id IS NULL BEGIN
        UPDATE inbox_unplanned_tally SET leads = leads + 1 WHERE is_archived = new.is_archived;
      END;
      CREATE TRIGGER inbox_unplanned_tally_ad AFTER DELETE ON inbox_lead
      WHEN old.next_activity_id IS NULL BEGIN
        UPDATE inbox_unplanned_tally SET leads = leads - 1 WHERE is_archived = old.is_archived;
      END;
      CREATE TRIGGER inbox_unplanned_tally_au AFTER UPDATE OF is_archived, next_activity_id
      ON inbox_lead BEGIN
        UPDATE inbox_unplanned_tally SET leads = leads - 1
        WHERE is_archived = old.is_archived AND old.next_activity_id IS NULL;
        UPDATE inbox_unplanned_tally SET leads = leads + 1
        WHERE is_archived = new.is_archived AND new.next_activity_id IS NULL;
      END;
      -- Leads cached before know no next activity: the next look lists them all.
      DELETE FROM inbox_meta WHERE key = 'full.refreshedAt';
    `)
  },
}
