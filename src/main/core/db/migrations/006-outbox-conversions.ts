import type { Migration } from './index'

export const outboxConversions006: Migration = {
  version: 6,
  name: 'outbox conversions and lead order',
  up(db) {
    // SQLite cannot change a CHECK constraint in place, so the outbox is rebuilt: the new
    // tables are filled, the old ones dropped (dependencies first, so no foreign key ever
    // points at nothing), and the new ones take the old names, which also renames the
    // references between them.
    db.exec(`
      CREATE TABLE outbox_v6 (
        id INTEGER PRIMARY KEY,
        client_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN (
          'person.create', 'organization.create', 'lead.create', 'lead.update',
          'lead.archive', 'lead.unarchive', 'lead.delete', 'lead.convert', 'note.create')),
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
        sent_at INTEGER,
        conflict TEXT,
        -- The lead a change is about: 'remote:<Pipedrive id>' or 'outbox:<its create row>'.
        -- Changes to one lead go to Pipedrive in the order they were made.
        lead_ref TEXT
      ) STRICT;

      INSERT INTO outbox_v6 (id, client_id, kind, state, payload, title, account, remote_id,
        attempts, next_attempt_at, last_attempt_at, last_status, last_error, created_at,
        updated_at, sent_at, conflict, lead_ref)
      SELECT o.id, o.client_id, o.kind, o.state, o.payload, o.title, o.account, o.remote_id,
        o.attempts, o.next_attempt_at, o.last_attempt_at, o.last_status, o.last_error,
        o.created_at, o.updated_at, o.sent_at, o.conflict,
        CASE WHEN o.kind IN ('lead.update', 'lead.archive', 'lead.unarchive', 'lead.delete') THEN
          coalesce('remote:' || json_extract(o.payload, '$.remoteId'),
            (SELECT 'outbox:' || d.parent_id FROM outbox_dependency d
             WHERE d.row_id = o.id AND d.role = 'lead'))
        END
      FROM outbox o;

      CREATE TABLE outbox_dependency_v6 (
        row_id INTEGER NOT NULL REFERENCES outbox_v6 (id),
        parent_id INTEGER NOT NULL REFERENCES outbox_v6 (id),
        role TEXT NOT NULL CHECK (role IN ('person', 'organization', 'lead')),
        PRIMARY KEY (row_id, role)
      ) STRICT;
      INSERT INTO outbox_dependency_v6 (row_id, parent_id, role)
        SELECT row_id, parent_id, role FROM outbox_dependency;

      DROP TABLE outbox_dependency;
      DROP TABLE outbox;
      ALTER TABLE outbox_v6 RENAME TO outbox;
      ALTER TABLE outbox_dependency_v6 RENAME TO outbox_dependency;

      CREATE INDEX outbox_by_state ON outbox (state, next_attempt_at, id);
      CREATE INDEX outbox_by_lead ON outbox (lead_ref, id) WHERE lead_ref IS NOT NULL;
      CREATE INDEX outbox_dependency_parent ON outbox_dependency (parent_id);
    `)
  },
}
