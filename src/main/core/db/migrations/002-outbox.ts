import type { Migration } from './index'

export const outbox002: Migration = {
  version: 2,
  name: 'outbox',
  up(db) {
    // One row per change waiting for Pipedrive. Rows are never deleted by the engine; sent
    // rows stay as history until pruned by age.
    db.exec(`
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        client_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN (
          'person.create', 'organization.create', 'lead.create', 'lead.update',
          'lead.archive', 'lead.unarchive', 'lead.delete', 'note.create')),
        state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN (
          'queued', 'sending', 'uncertain', 'sent', 'needs_attention', 'cancelled')),
        payload TEXT NOT NULL,
        title TEXT NOT NULL,
        account TEXT,
        remote_id TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        last_attempt_at INTEGER,
        last_status INTEGER,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        sent_at INTEGER
      ) STRICT;
      CREATE INDEX outbox_by_state ON outbox (state, next_attempt_at, id);

      -- A lead that needs a new person first waits for it; a note waits for its lead.
      CREATE TABLE outbox_dependency (
        row_id INTEGER NOT NULL REFERENCES outbox (id),
        parent_id INTEGER NOT NULL REFERENCES outbox (id),
        role TEXT NOT NULL CHECK (role IN ('person', 'organization', 'lead')),
        PRIMARY KEY (row_id, role)
      ) STRICT;
      CREATE INDEX outbox_dependency_parent ON outbox_dependency (parent_id);
    `)
  },
}
