// The Yjs documents of boards: an append-only update log plus one snapshot per board.
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Id of the newest update row loaded (0 when none): compaction folds the log up to it. */
  lastUpdateId: number;
}

export function load(db: Db, boardId: string): StoredDocument {
  return db.transaction(() => {
    const snap = stmt(db, 'SELECT data, through_id FROM board_snapshots WHERE board_id = ?').get(boardId) as
      | { data: Buffer; through_id: number }
      | undefined;
    const rows = stmt(db, 'SELECT id, data FROM board_updates WHERE board_id = ? AND id > ? ORDER BY id').all(boardId, snap?.through_id ?? 0) as {
      id: number;
      data: Buffer;
    }[];
    return {
      snapshot: snap ? new Uint8Array(snap.data) : null,
      updates: rows.map((r) => new Uint8Array(r.data)),
      lastUpdateId: rows.at(-1)?.id ?? snap?.through_id ?? 0,
    };
  })();
}

/** Appends every entry in one transaction; returns the new row ids in order. */
export function append(db: Db, entries: { boardId: string; update: Uint8Array }[], now = Date.now()): number[] {
  return db.transaction(() =>
    entries.map(
      (e) => stmt(db, 'INSERT INTO board_updates (board_id, data, created_at) VALUES (?, ?, ?)').run(e.boardId, e.update, now).lastInsertRowid as number,
    ),
  )();
}

/** Replaces the board's snapshot and drops the updates it includes, atomically. */
export function compact(db: Db, boardId: string, snapshot: Uint8Array, throughId: number, now = Date.now()): void {
  db.transaction(() => {
    stmt(
      db,
      `INSERT INTO board_snapshots (board_id, data, through_id, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, through_id = excluded.through_id, updated_at = excluded.updated_at
       WHERE excluded.through_id >= board_snapshots.through_id`,
    ).run(boardId, snapshot, throughId, now);
    stmt(db, 'DELETE FROM board_updates WHERE board_id = ? AND id <= ?').run(boardId, throughId);
  })();
}

export function tailLength(db: Db, boardId: string): number {
  return stmt(db, 'SELECT count(*) FROM board_updates WHERE board_id = ?').pluck().get(boardId) as number;
}
