// The board items index: what the board indexer derived from each board's document, one row per
// item, replaced as a whole each time the board is indexed; dashboards, calendars and task lists read it.
import type { BoardItem, BoardKind, ItemStatus, PeriodKind } from '@soplan/shared';
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface BoardItemRow {
  board_id: string;
  item_id: string;
  position: number;
  title: string;
  period: string;
  period_kind: PeriodKind;
  start_date: string | null;
  end_date: string | null;
  status: ItemStatus;
  /** JSON array of names. */
  responsibles: string;
  form: string;
  overdue: 0 | 1;
  next_start: string | null;
  next_end: string | null;
}
export type WorkspaceItemRow = BoardItemRow & { board_title: string; board_kind: BoardKind };

/** Replaces the board's rows with `items`, in one transaction. */
export function replace(db: Db, boardId: string, items: BoardItem[], today: string, now = Date.now()): void {
  db.transaction(() => {
    stmt(db, 'DELETE FROM board_items WHERE board_id = ?').run(boardId);
    const insert = stmt(
      db,
      `INSERT OR REPLACE INTO board_items (board_id, item_id, position, title, period, period_kind, start_date, end_date, status, responsibles, form, overdue, next_start, next_end)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    items.forEach((i, position) =>
      insert.run(boardId, i.id, position, i.title, i.period, i.periodKind, i.start, i.end, i.status, JSON.stringify(i.responsibles), i.form, i.overdue ? 1 : 0, i.next?.start ?? null, i.next?.end ?? null),
    );
    stmt(
      db,
      `INSERT INTO board_index_state (board_id, indexed_on, indexed_at, item_count) VALUES (?, ?, ?, ?)
       ON CONFLICT (board_id) DO UPDATE SET indexed_on = excluded.indexed_on, indexed_at = excluded.indexed_at, item_count = excluded.item_count`,
    ).run(boardId, today, now, items.length);
  })();
}

export function ofBoard(db: Db, boardId: string): BoardItemRow[] {
  return stmt(db, 'SELECT * FROM board_items WHERE board_id = ? ORDER BY position').all(boardId) as BoardItemRow[];
}

/** Whether the board was ever indexed (its first index is a baseline, not activity). */
export function wasIndexed(db: Db, boardId: string): boolean {
  return stmt(db, 'SELECT 1 FROM board_index_state WHERE board_id = ?').get(boardId) !== undefined;
}

/** Every item of the workspace's boards that are not archived, board by board in creation order. */
export function ofWorkspace(db: Db, workspaceId: string): WorkspaceItemRow[] {
  return stmt(
    db,
    `SELECT i.*, b.title AS board_title, b.kind AS board_kind FROM board_items i JOIN boards b ON b.id = i.board_id
     WHERE b.workspace_id = ? AND b.archived_at IS NULL ORDER BY b.created_at, b.id, i.position`,
  ).all(workspaceId) as WorkspaceItemRow[];
}
