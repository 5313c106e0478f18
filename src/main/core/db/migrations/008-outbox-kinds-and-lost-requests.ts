import type { Migration } from './index'

export const outboxKindsAndLostRequests008: Migration = {
  version: 8,
  name: 'outbox kinds table and lost requests',
  up(db) {
    // Kinds move from a CHECK into a table, so a new kind is one INSERT, not another rebuild.
    // Rows also remember when their unanswered requests started (first and last), apart from
    // `last_attempt_at`, which every later attempt overwrites, lookups included.
    db.exec(`
      CREATE TABLE outbox_kind (name TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
      INSERT INTO outbox_kind (name) VALUES
        ('person.create'), ('organization.create'), ('lead.create'), ('lead.update'),
        ('lead.archive'), ('lead.unarchive'), ('lead.delete'), ('lead.convert'), ('note.create');

      CREATE TABLE outbox_v8 (
        id INTEGER PRIMARY KEY,
        client_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL REFERENCES outbox_kind (name),
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
        lead_ref TEXT,
        -- When the earliest and the latest attempt whose answer was lost began (epoch ms).
        first_lost_at INTEGER,
        last_lost_at INTEGER
      ) STRICT;

      -- A row left uncertain (or sending) by the previous version lost the answer of its
      -- last attempt; that attempt's start is all that is known of it.
      INSERT INTO outbox_v8 (id, client_id, kind, state, payload, title, account, remote_id,
        attempts, next_attempt_at, last_attempt_at, last_status, last_error, created_at,
        updated_at, sent_at, conflict, lead_ref, first_lost_at, last_lost_at)
      SELECT id, client_id, kind, state, payload, title, account, remote_id, attempts,
        next_attempt_at, last_attempt_at, last_status, last_error, created_at, updated_at,
        sent_at, conflict, lead_ref,
        CASE WHEN state IN ('uncertain', 'sending') THEN coalesce(last_attempt_at, updated_at) END,
        CASE WHEN state IN ('uncertain', 'sending') THEN coalesce(last_attempt_at, updated_at) END
      FROM outbox;

      -- Notes join their lead's order, and a change that named the lead by its Pipedrive id
      -- takes the key of the create row that made it, so one lead has one key.
      UPDATE outbox_v8 SET lead_ref = (
        SELECT 'outbox:' || d.parent_id FROM outbox_dependency d
        WHERE d.row_id = outbox_v8.id AND d.role = 'lead')
      WHERE kind = 'note.create';
      UPDATE outbox_v8 SET lead_ref = (
        SELECT 'outbox:' || c.id FROM outbox_v8 c
        WHERE c.kind = 'lead.create' AND 'remote:' || c.remote_id = outbox_v8.lead_ref)
      WHERE lead_ref LIKE 'remote:%' AND EXISTS (
        SELECT 1 FROM outbox_v8 c
        WHERE c.kind = 'lead.create' AND 'remote:' || c.remote_id = outbox_v8.lead_ref);

      CREATE TABLE outbox_dependency_v8 (
        row_id INTEGER NOT NULL REFERENCES outbox_v8 (id),
        parent_id INTEGER NOT NULL REFERENCES outbox_v8 (id),
        role TEXT NOT NULL CHECK (role IN ('person', 'organization', 'lead')),
        PRIMARY KEY (row_id, role)
      ) STRICT;
      INSERT INTO outbox_dependency_v8 (row_id, parent_id, role)
        SELECT row_id, parent_id, role FROM outbox_dependency;

      DROP TABLE outbox_dependency;
      DROP TABLE outbox;
      ALTER TABLE outbox_v8 RENAME TO outbox;
      ALTER TABLE outbox_dependency_v8 RENAME TO outbox_dependency;

      CREATE INDEX outbox_by_state ON outbox (state, next_attempt_at, id);
      CREATE INDEX outbox_by_lead ON outbox (lead_ref, id) WHERE lead_ref IS NOT NULL;
      CREATE INDEX outbox_by_remote ON outbox (kind, remote_id) WHERE remote_id IS NOT NULL;
      CREATE INDEX outbox_dependency_parent ON outbox_dependency (parent_id);
    `)
  },
}
