import type { Migration } from './index'

export const inboxDueTally015: Migration = {
  version: 15,
  name: 'inbox next activities per due day',
  up(db) {
    // Counting the overdue leads read every overdue due in the index, thousands of them in a
    // large inbox. Per view and due day, a tally kept by triggers holds the same count, so
    // only the day or two around now, where the time of day decides, are read one by one.
    db.exec(`
      CREATE TABLE inbox_due_tally (
        is_archived INTEGER NOT NULL,
        due_day TEXT NOT NULL,
        leads INTEGER NOT NULL,
        PRIMARY KEY (is_archived, due_day)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO inbox_due_tally
        SELECT is_archived, substr(next_activity_due, 1, 10), count(*) FROM inbox_lead
        WHERE next_activity_due IS NOT NULL GROUP BY 1, 2;
      CREATE TRIGGER inbox_due_tally_ai AFTER INSERT ON inbox_lead
      WHEN new.next_activity_due IS NOT NULL BEGIN
        INSERT INTO inbox_due_tally VALUES (new.is_archived, substr(new.next_activity_due, 1, 10), 1)
          ON CONFLICT DO UPDATE SET leads = leads + 1;
      END;
      CREATE TRIGGER inbox_due_tally_ad AFTER DELETE ON inbox_lead
      WHEN old.next_activity_due IS NOT NULL BEGIN
        UPDATE inbox_due_tally SET leads = leads - 1
        WHERE is_archived = old.is_archived AND due_day = substr(old.next_activity_due, 1, 10);
      END;
      CREATE TRIGGER inbox_due_tally_au AFTER UPDATE OF is_archived, next_activity_due
      ON inbox_lead WHEN old.is_archived IS NOT new.is_archived
        OR old.next_activity_due IS NOT new.next_activity_due BEGIN
        UPDATE inbox_due_tally SET leads = leads - 1
        WHERE old.next_activity_due IS NOT NULL AND is_archived = old.is_archived
          AND due_day = substr(old.next_activity_due, 1, 10);
        INSERT INTO inbox_due_tally
          SELECT new.is_archived, substr(new.next_activity_due, 1, 10), 1
          WHERE new.next_activity_due IS NOT NULL
          ON CONFLICT DO UPDATE SET leads = leads + 1;
      END;
    `)
  },
}
