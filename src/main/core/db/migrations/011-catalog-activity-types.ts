import type { Migration } from './index'

export const catalogActivityTypes011: Migration = {
  version: 11,
  name: 'catalog activity types',
  up(db) {
    // The company's activity types, which quick add matches words against (by name and key).
    db.exec(`
      CREATE TABLE catalog_activity_type (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        order_nr INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `)
  },
}
