// The Yjs documents of boards: a per-board numbered update log plus one snapshot per board. The log
// is clustered by (board, seq) so an append touches one B-tree and a load reads one range.
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the newest update loaded (or folded into the snapshot); 0 when none. */
  lastSeq: number;
}

export function load(db: Db, boardId: string): StoredDocument {
  return db.transaction(() => {
    const snap = stmt(db, 'SELECT data, through_seq FROM board_snapshots WHERE board_id = ?').get(boardId) as
      | { data: Buffer; through_seq: number }
      | undefined;
    const rows = stmt(db, 'SELECT seq, data FROM board_updates WHERE board_id = ? AND seq > ? ORDER BY seq').all(boardId, snap?.through_seq ?? 0) as {
      seq: number;
      data: Buffer;
    }[];
    return {
      snapshot: snap ? new Uint8Array(snap.data) : null,
      updates: rows.map((r) => new Uint8Array(r.data)),
      lastSeq: rows.at(-1)?.seq ?? snap?.through_seq ?? 0,
    };
  })();
}

/** The highest sequence number the board has used, in its log or its snapshot. */
export function lastSeq(db: Db, boardId: string): number {
  return stmt(
    db,
    `SELECT max(coalesce((SELECT max(seq) FROM board_updates WHERE board_id = ?), 0),
                coalesce((SELECT through_seq FROM board_snapshots WHERE board_id = ?), 0))`,
  )
    .pluck()
    .get(boardId, boardId) as number;
}

type LogEntry = { boardId: string; seq: number; update: Uint8Array };
// One transaction function per connection: group commit runs it on every busy event-loop turn.
const appenders = new WeakMap<Db, (entries: LogEntry[]) => void>();

/** Appends every entry in one transaction. */
export function append(db: Db, entries: LogEntry[]): void {
  let appendAll = appenders.get(db);
  if (!appendAll) {
    const insert = stmt(db, 'INSERT INTO board_updates (board_id, seq, data) VALUES (?, ?, ?)');
    appendAll = db.transaction((all: LogEntry[]) => {
      for (const e of all) insert.run(e.boardId, e.seq, e.update);
    });
    appenders.set(db, appendAll);
  }
  appendAll(entries);
}

/** Replaces the board's snapshot and drops the updates it includes, atomically. */
export function compact(db: Db, boardId: string, snapshot: Uint8Array, throughSeq: number, now = Date.now()): void {
  db.transaction(() => {
    stmt(
      db,
      `INSERT INTO board_snapshots (board_id, data, through_seq, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, through_seq = excluded.through_seq, updated_at = excluded.updated_at
       WHERE excluded.through_seq >= board_snapshots.through_seq`,
    ).run(boardId, snapshot, throughSeq, now);
    stmt(db, 'DELETE FROM board_updates WHERE board_id = ? AND seq <= ?').run(boardId, throughSeq);
  })();
}
