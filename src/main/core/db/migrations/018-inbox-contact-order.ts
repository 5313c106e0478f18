import type { Migration } from './index'

export const inboxContactOrder018: Migration = {
  version: 18,
  name: 'inbox leads of a person or organization in order',
  up(db) {
    // The leads of one person or organization, newest first: with only the contact's id in
    // the index, SQLite may walk the whole inbox by update time instead, tens of
    // milliseconds at 100,000 leads. With the view and the time beside the id, one range of
    // the index is the page, as for an owner.
    db.exec(`
      DROP INDEX inbox_lead_by_person;
      DROP INDEX inbox_lead_by_organization;
      CREATE INDEX inbox_lead_by_person ON inbox_lead (person_id, is_archived, update_time);
      CREATE INDEX inbox_lead_by_organization
        ON inbox_lead (organization_id, is_archived, update_time);
    `)
  },
}
