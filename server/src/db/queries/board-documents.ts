// The Yjs documents of boards: one update log shared by every board, numbered by a database-wide
// `seq`, plus one snapshot per board that folds its log rows up to `through_seq`. The log is keyed
// by `seq` alone so that a commit, whichever boards it touches, writes at the end of one B-tree
// (a log clustered by board dirtied one page per board per commit, and cost three times as much).
// Rows every snapshot already folds are trimmed from the front of the log.
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the newest update loaded (or folded into the snapshot); 0 when none. */
  lastSeq: number;
}

// A board's rows are read from its snapshot's `through_seq` on: the log holds only what some
// snapshot does not fold yet (trimLog), so the range stays short.
export function load(db: Db, boardId: string): StoredDocument {
  return db.transaction(() => {
    const snap = stmt(db, 'SELECT data, through_seq FROM board_snapshots WHERE board_id = ?').get(boardId) as { data: Buffer; through_seq: number } | undefined;
    const rows = stmt(db, 'SELECT seq, data FROM board_log WHERE seq > ? AND board_id = ? ORDER BY seq').all(snap?.through_seq ?? 0, boardId) as {
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

/** The highest sequence number used so far, in the log or in any snapshot. */
export function lastSeq(db: Db): number {
  return stmt(
    db,
    `SELECT max(coalesce((SELECT max(seq) FROM board_log), 0),
                coalesce((SELECT max(through_seq) FROM board_snapshots), 0))`,
  )
    .pluck()
    .get() as number;
}

type LogEntry = { boardId: string; seq: number; update: Uint8Array };
// One transaction function per connection: group commit runs it on every busy event-loop turn.
const appenders = new WeakMap<Db, (entries: LogEntry[]) => void>();

/** Appends every entry in one transaction. */
export function append(db: Db, entries: LogEntry[]): void {
  let appendAll = appenders.get(db);
  if (!appendAll) {
    const insert = stmt(db, 'INSERT INTO board_log (seq, board_id, data) VALUES (?, ?, ?)');
    appendAll = db.transaction((all: LogEntry[]) => {
      for (const e of all) insert.run(e.seq, e.boardId, e.update);
    });
    appenders.set(db, appendAll);
  }
  appendAll(entries);
}

/** Makes `snapshot` the board's snapshot, folding its log through `throughSeq`, unless a newer one is stored. */
export function compact(db: Db, boardId: string, snapshot: Uint8Array, throughSeq: number, now = Date.now()): void {
  stmt(
    db,
    `INSERT INTO board_snapshots (board_id, data, through_seq, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, through_seq = excluded.through_seq, updated_at = excluded.updated_at
     WHERE excluded.through_seq >= board_snapshots.through_seq`,
  ).run(boardId, snapshot, throughSeq, now);
}

const UNFOLDED = `FROM board_log l LEFT JOIN board_snapshots s ON s.board_id = l.board_id WHERE l.seq > coalesce(s.through_seq, 0)`;

/** Boards whose log holds rows their snapshot does not fold. */
export function unfoldedBoards(db: Db): string[] {
  return stmt(db, `SELECT DISTINCT l.board_id ${UNFOLDED}`).pluck().all() as string[];
}

/** Deletes the log rows before the first one some board still needs; returns how many. */
export function trimLog(db: Db): number {
  return db.transaction(() => {
    const firstNeeded = stmt(db, `SELECT min(l.seq) ${UNFOLDED}`).pluck().get() as number | null;
    return stmt(db, 'DELETE FROM board_log WHERE seq < ?').run(firstNeeded ?? Number.MAX_SAFE_INTEGER).changes;
  })();
}
