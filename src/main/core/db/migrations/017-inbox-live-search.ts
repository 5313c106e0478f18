import type { Migration } from './index'

// The search document as migration 10 defines it, without the view.
const personOf = (lead: string) =>
  `(SELECT name || ' ' || coalesce(email, '') FROM catalog_person WHERE id = ${lead}.person_id)`
const organizationOf = (lead: string) =>
  `(SELECT name FROM catalog_organization WHERE id = ${lead}.organization_id)`
const liveLeadsOf = (column: string, id: string) =>
  `(SELECT seq FROM inbox_lead WHERE ${column} = ${id} AND is_archived = 0)`

export const inboxLiveSearch017: Migration = {
  version: 17,
  name: 'inbox search of live leads without positions',
  up(db) {
    // The first letters typed match thousands of leads, and a search reads its matches
    // twice, for the count and for the page. The index of all leads keeps every word's
    // position and tells the views apart by a word of the document, so each match costs a
    // list of positions and a second list to leave the archive out. The live leads, which
    // the inbox shows unless asked, get an index of their own that keeps only which lead has
    // which word: several times less to read a match. Words are still found by their first
    // letters, as in the index of all leads.
    db.exec(`
      CREATE VIRTUAL TABLE inbox_live_search USING fts5(
        title, person, organization,
        tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5', detail=none, columnsize=0);
      INSERT INTO inbox_live_search (rowid, title, person, organization)
        SELECT l.seq, l.title, ${personOf('l')}, ${organizationOf('l')}
        FROM inbox_lead l WHERE l.is_archived = 0;
      CREATE TRIGGER inbox_live_search_ai AFTER INSERT ON inbox_lead
      WHEN new.is_archived = 0 BEGIN
        INSERT INTO inbox_live_search (rowid, title, person, organization)
        VALUES (new.seq, new.title, ${personOf('new')}, ${organizationOf('new')});
      END;
      CREATE TRIGGER inbox_live_search_ad AFTER DELETE ON inbox_lead
      WHEN old.is_archived = 0 BEGIN
        DELETE FROM inbox_live_search WHERE rowid = old.seq;
      END;
      CREATE TRIGGER inbox_live_search_au
      AFTER UPDATE OF title, person_id, organization_id, is_archived ON inbox_lead BEGIN
        DELETE FROM inbox_live_search WHERE old.is_archived = 0 AND rowid = old.seq;
        INSERT INTO inbox_live_search (rowid, title, person, organization)
        SELECT new.seq, new.title, ${personOf('new')}, ${organizationOf('new')}
        WHERE new.is_archived = 0;
      END;
      CREATE TRIGGER inbox_live_search_person_ai AFTER INSERT ON catalog_person BEGIN
        UPDATE inbox_live_search SET person = new.name || ' ' || coalesce(new.email, '')
        WHERE rowid IN ${liveLeadsOf('person_id', 'new.id')};
      END;
      CREATE TRIGGER inbox_live_search_person_au AFTER UPDATE OF name, email ON catalog_person
      BEGIN
        UPDATE inbox_live_search SET person = new.name || ' ' || coalesce(new.email, '')
        WHERE rowid IN ${liveLeadsOf('person_id', 'new.id')};
      END;
      CREATE TRIGGER inbox_live_search_person_ad AFTER DELETE ON catalog_person BEGIN
        UPDATE inbox_live_search SET person = NULL
        WHERE rowid IN ${liveLeadsOf('person_id', 'old.id')};
      END;
      CREATE TRIGGER inbox_live_search_organization_ai AFTER INSERT ON catalog_organization
      BEGIN
        UPDATE inbox_live_search SET organization = new.name
        WHERE rowid IN ${liveLeadsOf('organization_id', 'new.id')};
      END;
      CREATE TRIGGER inbox_live_search_organization_au
      AFTER UPDATE OF name ON catalog_organization BEGIN
        UPDATE inbox_live_search SET organization = new.name
        WHERE rowid IN ${liveLeadsOf('organization_id', 'new.id')};
      END;
      CREATE TRIGGER inbox_live_search_organization_ad AFTER DELETE ON catalog_organization
      BEGIN
        UPDATE inbox_live_search SET organization = NULL
        WHERE rowid IN ${liveLeadsOf('organization_id', 'old.id')};
      END;
    `)
  },
}
