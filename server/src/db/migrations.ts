// Versioned schema migrations. Each runs in its own transaction with its version row, so a crash
// mid-migration leaves the previous version intact. Append new migrations; never edit applied ones.
import type Database from 'better-sqlite3';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'accounts-workspaces-boards',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        last_used_at INTEGER
      );
      CREATE INDEX api_tokens_user ON api_tokens(user_id);
      CREATE TABLE workspaces (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at INTEGER NOT NULL
      );
      CREATE TABLE members (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('owner', 'coordinator', 'editor', 'viewer')),
        joined_at INTEGER NOT NULL,
        PRIMARY KEY (workspace_id, user_id)
      );
      CREATE INDEX members_user ON members(user_id);
      CREATE TABLE organisations (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        partner INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        UNIQUE (workspace_id, name)
      );
      CREATE TABLE invites (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('owner', 'coordinator', 'editor', 'viewer')),
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      CREATE INDEX invites_workspace ON invites(workspace_id);
      CREATE TABLE boards (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('plan-graph', 'roadmap', 'programme')),
        title TEXT NOT NULL,
        archived_at INTEGER,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX boards_workspace ON boards(workspace_id);
    `,
  },
  {
    version: 2,
    name: 'board-documents',
    sql: `
      CREATE TABLE board_updates (
        board_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (board_id, seq)
      ) WITHOUT ROWID;
      CREATE TABLE board_snapshots (
        board_id TEXT PRIMARY KEY,
        data BLOB NOT NULL,
        through_seq INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'board items index',
    sql: `
      CREATE TABLE board_items (
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        period TEXT NOT NULL,
        period_kind TEXT NOT NULL,
        start_date TEXT,
        end_date TEXT,
        status TEXT NOT NULL,
        responsibles TEXT NOT NULL,
        overdue INTEGER NOT NULL,
        next_start TEXT,
        next_end TEXT,
        PRIMARY KEY (board_id, item_id)
      ) WITHOUT ROWID;
      CREATE TABLE board_index_state (
        board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
        indexed_on TEXT NOT NULL,
        indexed_at INTEGER NOT NULL,
        item_count INTEGER NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'one update log for every board',
    sql: `
      CREATE TABLE board_log (
        seq INTEGER PRIMARY KEY,
        board_id TEXT NOT NULL,
        data BLOB NOT NULL
      );
      INSERT INTO board_log (board_id, data)
        SELECT u.board_id, u.data FROM board_updates u LEFT JOIN board_snapshots s ON s.board_id = u.board_id
        WHERE u.seq > coalesce(s.through_seq, 0) ORDER BY u.board_id, u.seq;
      UPDATE board_snapshots SET through_seq = 0;
      DROP TABLE board_updates;
    `,
  },
  {
    version: 5,
    name: 'event form vocabulary per workspace',
    // A JSON array of form names; NULL means the workspace still uses the default vocabulary.
    sql: `ALTER TABLE workspaces ADD COLUMN event_forms TEXT;`,
  },
  {
    version: 6,
    name: 'live dashboard: item forms, members organisations, board activity',
    sql: `
      ALTER TABLE board_items ADD COLUMN form TEXT NOT NULL DEFAULT '';
      ALTER TABLE members ADD COLUMN organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL;
      CREATE TABLE board_activity (
        id INTEGER PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        actor_ids TEXT NOT NULL,
        kind TEXT NOT NULL,
        item_id TEXT NOT NULL,
        item_title TEXT NOT NULL,
        before TEXT,
        after TEXT
      );
      CREATE INDEX board_activity_workspace ON board_activity(workspace_id, id);
    `,
  },
  {
    version: 7,
    name: "invites: single-use unless capped, revoked with their creator's authority",
    // Links made before this version admitted anyone until they expired: each now admits one more
    // person. Those whose creator may no longer hand out their role are revoked now.
    sql: `
      ALTER TABLE invites ADD COLUMN max_uses INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE invites ADD COLUMN uses INTEGER NOT NULL DEFAULT 0;
      UPDATE invites SET revoked_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
        WHERE revoked_at IS NULL AND NOT EXISTS (
          SELECT 1 FROM members m WHERE m.workspace_id = invites.workspace_id AND m.user_id = invites.created_by
            AND (m.role = 'owner' OR (m.role = 'coordinator' AND invites.role <> 'owner'))
        );
    `,
  },
  {
    version: 8,
    name: 'board index: where an item sits, overdue derived when read, activity per item',
    // group_id NULL: indexed before this version, so the next index reports no move for it.
    sql: `
      ALTER TABLE board_items ADD COLUMN group_id TEXT;
      ALTER TABLE board_items ADD COLUMN group_title TEXT NOT NULL DEFAULT '';
      ALTER TABLE board_items DROP COLUMN overdue;
      ALTER TABLE board_items DROP COLUMN next_start;
      ALTER TABLE board_items DROP COLUMN next_end;
      CREATE INDEX board_activity_item ON board_activity(board_id, item_id, id);
    `,
  },
  {
    version: 9,
    name: 'board documents: which upgrade each document has had',
    // 0: written before the server upgraded documents, so sync/document-upgrade.ts upgrades it at the next start (B8).
    sql: `ALTER TABLE boards ADD COLUMN document_version INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    version: 10,
    name: 'boards: templates offered in the new-board dialog',
    sql: `ALTER TABLE boards ADD COLUMN template INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    version: 11,
    name: "workspaces: how exported documents are laid out (the workspace's инструкция по делопроизводству)",
    // NULL: the ГОСТ Р 7.0.97-2025 defaults (shared/src/document-settings.ts).
    sql: `ALTER TABLE workspaces ADD COLUMN document_settings TEXT;`,
  },
  {
    version: 12,
    name: 'calendar feeds: secret subscription URLs, and a sequence per indexed item for the calendars that follow them',
    // A feed's secret is stored only as its hash (like API tokens). target_id is the board or the
    // workspace; NULL for «Мои задачи» across every workspace of the user. sequence counts the changes
    // the index saw to an item, so a subscribed calendar updates an event instead of adding another;
    // board_item_sequences keeps the count of items removed from a board, for when they come back.
    sql: `
      CREATE TABLE calendar_feeds (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        scope TEXT NOT NULL CHECK (scope IN ('board', 'workspace', 'mine')),
        target_id TEXT,
        secret_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        last_used_at INTEGER
      );
      CREATE INDEX calendar_feeds_user ON calendar_feeds(user_id, created_at);
      ALTER TABLE board_items ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE board_item_sequences (
        board_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        PRIMARY KEY (board_id, item_id)
      );
    `,
  },
];

export function migrate(db: Database.Database, migrations: Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const ran: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
    })();
    ran.push(m.version);
  }
  return ran;
}
