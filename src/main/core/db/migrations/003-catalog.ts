import type { Migration } from './index'

export const catalog003: Migration = {
  version: 3,
  name: 'catalog',
  up(db) {
    // A cache of the signed-in company's Pipedrive data, for offline forms and quick add.
    // It is refilled from Pipedrive; nothing here is the only copy of anything.
    db.exec(`
      CREATE TABLE catalog_currency (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        symbol TEXT NOT NULL,
        decimal_points INTEGER NOT NULL,
        active INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE catalog_label (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        color TEXT NOT NULL
      ) STRICT;
      CREATE TABLE catalog_user (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        active INTEGER NOT NULL,
        is_you INTEGER NOT NULL,
        default_currency TEXT
      ) STRICT;
      CREATE TABLE catalog_person (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT,
        organization_id INTEGER,
        update_time TEXT
      ) STRICT;
      CREATE TABLE catalog_organization (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        update_time TEXT
      ) STRICT;
      CREATE TABLE catalog_field (
        key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        field_type TEXT NOT NULL,
        options TEXT,
        order_nr INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE TABLE catalog_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- Full-text search over names and emails, kept in step by triggers.
      CREATE VIRTUAL TABLE catalog_person_fts USING fts5(
        name, email, content='catalog_person', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
      CREATE TRIGGER catalog_person_ai AFTER INSERT ON catalog_person BEGIN
        INSERT INTO catalog_person_fts (rowid, name, email) VALUES (new.id, new.name, new.email);
      END;
      CREATE TRIGGER catalog_person_ad AFTER DELETE ON catalog_person BEGIN
        INSERT INTO catalog_person_fts (catalog_person_fts, rowid, name, email)
          VALUES ('delete', old.id, old.name, old.email);
      END;
      CREATE TRIGGER catalog_person_au AFTER UPDATE ON catalog_person BEGIN
        INSERT INTO catalog_person_fts (catalog_person_fts, rowid, name, email)
          VALUES ('delete', old.id, old.name, old.email);
        INSERT INTO catalog_person_fts (rowid, name, email) VALUES (new.id, new.name, new.email);
      END;
      CREATE VIRTUAL TABLE catalog_organization_fts USING fts5(
        name, content='catalog_organization', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
      CREATE TRIGGER catalog_organization_ai AFTER INSERT ON catalog_organization BEGIN
        INSERT INTO catalog_organization_fts (rowid, name) VALUES (new.id, new.name);
      END;
      CREATE TRIGGER catalog_organization_ad AFTER DELETE ON catalog_organization BEGIN
        INSERT INTO catalog_organization_fts (catalog_organization_fts, rowid, name)
          VALUES ('delete', old.id, old.name);
      END;
      CREATE TRIGGER catalog_organization_au AFTER UPDATE ON catalog_organization BEGIN
        INSERT INTO catalog_organization_fts (catalog_organization_fts, rowid, name)
          VALUES ('delete', old.id, old.name);
        INSERT INTO catalog_organization_fts (rowid, name) VALUES (new.id, new.name);
      END;
    `)
  },
}
