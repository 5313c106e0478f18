import type { Migration } from './index'

export const apiUsage009: Migration = {
  version: 9,
  name: 'api usage ledger',
  up(db) {
    // Leadbox's requests to Pipedrive and the tokens they cost, per account, UTC day and
    // purpose; and the company's budget left as Pipedrive's latest answer of the day said.
    // Counts, never request contents: nothing here can hold a token.
    db.exec(`
      CREATE TABLE api_usage (
        account TEXT NOT NULL,
        day TEXT NOT NULL,
        purpose TEXT NOT NULL,
        requests INTEGER NOT NULL DEFAULT 0,
        tokens INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (account, day, purpose)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE api_budget (
        account TEXT NOT NULL,
        day TEXT NOT NULL,
        tokens_left INTEGER NOT NULL,
        token_limit INTEGER,
        seen_at INTEGER NOT NULL,
        PRIMARY KEY (account, day)
      ) STRICT, WITHOUT ROWID;
    `)
  },
}
