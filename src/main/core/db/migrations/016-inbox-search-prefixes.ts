import type { Migration } from './index'

// The search document as migration 10 defines it, for the rebuild.
const personOf = (lead: string) =>
  `(SELECT name || ' ' || coalesce(email, '') FROM catalog_person WHERE id = ${lead}.person_id)`
const organizationOf = (lead: string) =>
  `(SELECT name FROM catalog_organization WHERE id = ${lead}.organization_id)`
const viewOf = (lead: string) => `CASE ${lead}.is_archived WHEN 1 THEN 'archived' END`

export const inboxSearchPrefixes016: Migration = {
  version: 16,
  name: 'inbox search prefixes of four and five letters',
  up(db) {
    // A word typed in part is found by the prefix index of its length, one list read in
    // order; without one, the full-text index first merges every word it begins into a new
    // list, for the count and again for the page. Four and five letters ("acme", "fleet")
    // now have theirs, as two and three had. The triggers of migration 10 keep filling the
    // rebuilt index, which keeps its name.
    db.exec(`
      DROP TABLE inbox_lead_search;
      CREATE VIRTUAL TABLE inbox_lead_search USING fts5(
        title, person, organization, view,
        tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5');
      INSERT INTO inbox_lead_search (rowid, title, person, organization, view)
        SELECT l.seq, l.title, ${personOf('l')}, ${organizationOf('l')}, ${viewOf('l')}
        FROM inbox_lead l;
    `)
  },
}
