import type { Migration } from './index'

// The document a lead is found by: its title, its person's name and email, its organization's
// name. One definition for the rebuild and the triggers below.
const personOf = (lead: string) =>
  `(SELECT name || ' ' || coalesce(email, '') FROM catalog_person WHERE id = ${lead}.person_id)`
const organizationOf = (lead: string) =>
  `(SELECT name FROM catalog_organization WHERE id = ${lead}.organization_id)`
const viewOf = (lead: string) => `CASE ${lead}.is_archived WHEN 1 THEN 'archived' END`

export const inboxAtScale010: Migration = {
  version: 10,
  name: 'inbox at a large team size',
  up(db) {
    // With 100,000 cached leads, a page is cheap but its total was not: counting walked tens
    // of thousands of rows. Each total now comes from a structure that already holds it.
    db.exec(`
      -- Leads per view, kept by triggers: the total of an unfiltered view is one row.
      CREATE TABLE inbox_lead_tally (
        is_archived INTEGER PRIMARY KEY,
        leads INTEGER NOT NULL
      ) STRICT;
      INSERT INTO inbox_lead_tally
        SELECT v.is_archived, (SELECT count(*) FROM inbox_lead WHERE is_archived = v.is_archived)
        FROM (SELECT 0 AS is_archived UNION ALL SELECT 1) v;
      CREATE TRIGGER inbox_lead_tally_ai AFTER INSERT ON inbox_lead BEGIN
        UPDATE inbox_lead_tally SET leads = leads + 1 WHERE is_archived = new.is_archived;
      END;
      CREATE TRIGGER inbox_lead_tally_ad AFTER DELETE ON inbox_lead BEGIN
        UPDATE inbox_lead_tally SET leads = leads - 1 WHERE is_archived = old.is_archived;
      END;
      CREATE TRIGGER inbox_lead_tally_au AFTER UPDATE OF is_archived ON inbox_lead
      WHEN old.is_archived IS NOT new.is_archived BEGIN
        UPDATE inbox_lead_tally SET leads = leads - 1 WHERE is_archived = old.is_archived;
        UPDATE inbox_lead_tally SET leads = leads + 1 WHERE is_archived = new.is_archived;
      END;

      -- A label's leads in one view are one range of this key, so counting them never
      -- visits the leads themselves.
      CREATE TABLE inbox_lead_label_by_view (
        label_id TEXT NOT NULL,
        is_archived INTEGER NOT NULL,
        lead_seq INTEGER NOT NULL REFERENCES inbox_lead (seq) ON DELETE CASCADE,
        PRIMARY KEY (label_id, is_archived, lead_seq)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO inbox_lead_label_by_view
        SELECT x.label_id, l.is_archived, x.lead_seq
        FROM inbox_lead_label x JOIN inbox_lead l ON l.seq = x.lead_seq;
      DROP TABLE inbox_lead_label;
      ALTER TABLE inbox_lead_label_by_view RENAME TO inbox_lead_label;
      CREATE INDEX inbox_lead_label_by_lead ON inbox_lead_label (lead_seq);
      CREATE TRIGGER inbox_lead_label_view_au AFTER UPDATE OF is_archived ON inbox_lead BEGIN
        UPDATE inbox_lead_label SET is_archived = new.is_archived WHERE lead_seq = new.seq;
      END;
      -- Leads per label and view, kept by triggers like the view's tally.
      CREATE TABLE inbox_label_tally (
        label_id TEXT NOT NULL,
        is_archived INTEGER NOT NULL,
        leads INTEGER NOT NULL,
        PRIMARY KEY (label_id, is_archived)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO inbox_label_tally
        SELECT label_id, is_archived, count(*) FROM inbox_lead_label GROUP BY 1, 2;
      CREATE TRIGGER inbox_label_tally_ai AFTER INSERT ON inbox_lead_label BEGIN
        INSERT INTO inbox_label_tally VALUES (new.label_id, new.is_archived, 1)
          ON CONFLICT DO UPDATE SET leads = leads + 1;
      END;
      CREATE TRIGGER inbox_label_tally_ad AFTER DELETE ON inbox_lead_label BEGIN
        UPDATE inbox_label_tally SET leads = leads - 1
        WHERE label_id = old.label_id AND is_archived = old.is_archived;
      END;
      CREATE TRIGGER inbox_label_tally_au AFTER UPDATE OF is_archived ON inbox_lead_label
      WHEN old.is_archived IS NOT new.is_archived BEGIN
        UPDATE inbox_label_tally SET leads = leads - 1
        WHERE label_id = old.label_id AND is_archived = old.is_archived;
        INSERT INTO inbox_label_tally VALUES (new.label_id, new.is_archived, 1)
          ON CONFLICT DO UPDATE SET leads = leads + 1;
      END;

      -- The search document learns its lead's view, so a search counts its matches in the
      -- full-text index alone; prefix indexes of two and three letters answer the first
      -- keystrokes from one list instead of merging every word they begin.
      DROP TRIGGER inbox_lead_ai;
      DROP TRIGGER inbox_lead_ad;
      DROP TRIGGER inbox_lead_au;
      DROP TRIGGER inbox_lead_person_ai;
      DROP TRIGGER inbox_lead_person_au;
      DROP TRIGGER inbox_lead_person_ad;
      DROP TRIGGER inbox_lead_organization_ai;
      DROP TRIGGER inbox_lead_organization_au;
      DROP TRIGGER inbox_lead_organization_ad;
      DROP TABLE inbox_lead_search;
      CREATE VIRTUAL TABLE inbox_lead_search USING fts5(
        title, person, organization, view,
        tokenize='unicode61 remove_diacritics 2', prefix='2 3');
      INSERT INTO inbox_lead_search (rowid, title, person, organization, view)
        SELECT l.seq, l.title, ${personOf('l')}, ${organizationOf('l')}, ${viewOf('l')}
        FROM inbox_lead l;
      CREATE TRIGGER inbox_lead_ai AFTER INSERT ON inbox_lead BEGIN
        INSERT INTO inbox_lead_search (rowid, title, person, organization, view)
        VALUES (new.seq, new.title, ${personOf('new')}, ${organizationOf('new')}, ${viewOf('new')});
      END;
      CREATE TRIGGER inbox_lead_ad AFTER DELETE ON inbox_lead BEGIN
        DELETE FROM inbox_lead_search WHERE rowid = old.seq;
      END;
      CREATE TRIGGER inbox_lead_au
      AFTER UPDATE OF title, person_id, organization_id, is_archived ON inbox_lead BEGIN
        UPDATE inbox_lead_search SET title = new.title, person = ${personOf('new')},
          organization = ${organizationOf('new')}, view = ${viewOf('new')}
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
      CREATE TRIGGER inbox_lead_organization_au AFTER UPDATE OF name ON catalog_organization
      BEGIN
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
