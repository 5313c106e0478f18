import type { Migration } from './index'

export const settings001: Migration = {
  version: 1,
  name: 'settings',
  up(db) {
    // Preferences only. Secrets live in the OS keychain, never here.
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `)
  },
}
