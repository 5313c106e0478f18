import type { Migration } from './index'

export const leadTimeline013: Migration = {
  version: 13,
  name: 'lead timeline',
  up(db) {
    // A lead's activities and notes as Pipedrive last gave them, per account, so the lead's
    // pane reads offline. Refilled from Pipedrive when the lead is opened: never the only copy.
    db.exec(`
      CREATE TABLE lead_timeline (
        account TEXT NOT NULL,
        lead_id TEXT NOT NULL,
        -- When Pipedrive was last read for this lead (epoch ms).
        read_at INTEGER NOT NULL,
        PRIMARY KEY (account, lead_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE lead_activity (
        account TEXT NOT NULL,
        id INTEGER NOT NULL,
        lead_id TEXT NOT NULL,
        type TEXT NOT NULL,
        subject TEXT NOT NULL,
        -- As Pipedrive keeps them: the day, and the time in UTC (HH:MM) when there is one.
        due_date TEXT,
        due_time TEXT,
        done INTEGER NOT NULL,
        add_time INTEGER NOT NULL,
        PRIMARY KEY (account, id)
      ) STRICT;
      CREATE INDEX lead_activity_by_lead ON lead_activity (account, lead_id);
      CREATE TABLE lead_note (
        account TEXT NOT NULL,
        id INTEGER NOT NULL,
        lead_id TEXT NOT NULL,
        -- Pipedrive's HTML, as it gave it: the pane shows it as plain text.
        content TEXT NOT NULL,
        add_time INTEGER NOT NULL,
        PRIMARY KEY (account, id)
      ) STRICT;
      CREATE INDEX lead_note_by_lead ON lead_note (account, lead_id);
    `)
  },
}
