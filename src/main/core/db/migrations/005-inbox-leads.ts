import type { Migration } from './index'

export const inboxLeads005: Migration = {
  version: 5,
  name: 'inbox leads',
  up(db) {
    // The Pipedrive Leads Inbox, cached so it reads offline and pages fast. Like the catalog
    // it is refilled from Pipedrive: nothing here is the only copy of anything. The leads
    // Leadbox itself is sending live in the outbox, not here.
    db.exec(`
      CREATE TABLE inbox_lead (
        -- A local number: the key labels and title search refer to, and the tie-breaker of
        -- every sort. Pipedrive's UUID is the natural key.
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        owner_id INTEGER,
        person_id INTEGER,
        organization_id INTEGER,
        value_amount REAL,
        value_currency TEXT,
        expected_close_date TEXT,
        was_seen INTEGER NOT NULL,
        is_archived INTEGER NOT NULL,
        add_time TEXT NOT NULL,
        update_time TEXT NOT NULL,
        label_ids TEXT NOT NULL DEFAULT '[]',
        custom_fields TEXT NOT NULL DEFAULT '{}',
        -- When a listing last named the lead: a full refresh drops the leads it did not name.
        listed_at INTEGER NOT NULL
      ) STRICT;
      -- Labels one per row, so filtering by a label is an index lookup, not JSON parsing.
      CREATE TABLE inbox_lead_label (
        label_id TEXT NOT NULL,
        lead_seq INTEGER NOT NULL REFERENCES inbox_lead (seq) ON DELETE CASCADE,
        PRIMARY KEY (label_id, lead_seq)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX inbox_lead_label_by_lead ON inbox_lead_label (lead_seq);
      CREATE TABLE inbox_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- One index per sort of each view (seq, the rowid, breaks ties), so a page is read in
      -- order instead of sorting the whole view. Leads without a close date come last both
      -- ways, hence two indexes for that sort.
      CREATE INDEX inbox_lead_by_update ON inbox_lead (is_archived, update_time);
      CREATE INDEX inbox_lead_by_add ON inbox_lead (is_archived, add_time);
      CREATE INDEX inbox_lead_by_title ON inbox_lead (is_archived, title COLLATE NOCASE);
      CREATE INDEX inbox_lead_by_close_asc
        ON inbox_lead (is_archived, expected_close_date IS NULL, expected_close_date);
      CREATE INDEX inbox_lead_by_close_desc
        ON inbox_lead (is_archived, expected_close_date IS NOT NULL, expected_close_date);
      CREATE INDEX inbox_lead_by_owner ON inbox_lead (owner_id, is_archived, update_time);
      CREATE INDEX inbox_lead_by_person ON inbox_lead (person_id);
      CREATE INDEX inbox_lead_by_organization ON inbox_lead (organization_id);

      -- What the search box finds a lead by: its title, its person's name and email, its
      -- organization's name, in one document per lead, so several words are one FTS query
      -- whichever field each word is in. Triggers keep the names in step with the catalog.
      CREATE VIRTUAL TABLE inbox_lead_search USING fts5(
        title, person, organization, tokenize='unicode61 remove_diacritics 2');
      CREATE TRIGGER inbox_lead_ai AFTER INSERT ON inbox_lead BEGIN
        INSERT INTO inbox_lead_search (rowid, title, person, organization) VALUES (new.seq, new.title,
          (SELECT name || ' ' || coalesce(email, '') FROM catalog_person WHERE id = new.person_id),
          (SELECT name FROM catalog_organization WHERE id = new.organization_id));
      END;
      CREATE TRIGGER inbox_lead_ad AFTER DELETE ON inbox_lead BEGIN
        DELETE FROM inbox_lead_search WHERE rowid = old.seq;
      END;
      CREATE TRIGGER inbox_lead_au AFTER UPDATE OF title, person_id, organization_id ON inbox_lead
      BEGIN
        UPDATE inbox_lead_search SET title = new.title,
          person = (SELECT name || ' ' || coalesce(email, '') FROM catalog_person
            WHERE id = new.person_id),
          organization = (SELECT name FROM catalog_organization WHERE id = new.organization_id)
        WHERE rowid = new.seq;
      END;
      CREATE TRIGGER inbox_lead_person_ai AFTER INSERT ON catalog_person BEGIN
        UPDATE inbox_lead_search SET person = new.name || ' ' || coalesce(new.email, '')
        WHERE rowid IN (SELECT seq FROM inbox_lead WHERE person_id = new.id);
      END;
      CREATE TRIGGER inbox_lead_person_au AFTER UPDATE OF name, email ON catalog_person BEGIN
        UPDATE inbox_lead_search SET person = new.name || ' ' || coalesce(new.email, '')
        WHERE rowid IN (SELECT seq FROM inbox_lead WHERE person_id = new.id);
      END;
      CREATE TRIGGER inbox_lead_person_ad AFTER DELETE ON catalog_person BEGIN
        UPDATE inbox_lead_search SET person = NULL
        WHERE rowid IN (SELECT seq FROM inbox_lead WHERE person_id = old.id);
      END;
      CREATE TRIGGER inbox_lead_organization_ai AFTER INSERT ON catalog_organization BEGIN
        UPDATE inbox_lead_search SET organization = new.name
        WHERE rowid IN (SELECT seq FROM inbox_lead WHERE organization_id = new.id);
      END;
      CREATE TRIGGER inbox_lead_organization_au AFTER UPDATE OF name ON catalog_organization BEGIN
        UPDATE inbox_lead_search SET organization = new.name
        WHERE rowid IN (SELECT seq FROM inbox_lead WHERE organization_id = new.id);
      END;
      CREATE TRIGGER inbox_lead_organization_ad AFTER DELETE ON catalog_organization BEGIN
        UPDATE inbox_lead_search SET organization = NULL
        WHERE rowid IN (SELECT seq FROM inbox_lead WHERE organization_id = old.id);
      END;
    `)
  },
}
