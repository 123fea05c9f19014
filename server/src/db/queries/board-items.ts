// The board items index: what the board indexer derived from each board's document, one row per
// item, replaced as a whole each time the board is indexed.
import type { BoardItem } from '@soplan/shared';
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

/** Replaces the board's rows with `items`, in one transaction. */
export function replace(db: Db, boardId: string, items: BoardItem[], today: string, now = Date.now()): void {
  db.transaction(() => {
    stmt(db, 'DELETE FROM board_items WHERE board_id = ?').run(boardId);
    const insert = stmt(
      db,
      `INSERT OR REPLACE INTO board_items (board_id, item_id, position, title, period, period_kind, start_date, end_date, status, responsibles, overdue, next_start, next_end)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    items.forEach((i, position) =>
      insert.run(boardId, i.id, position, i.title, i.period, i.periodKind, i.start, i.end, i.status, JSON.stringify(i.responsibles), i.overdue ? 1 : 0, i.next?.start ?? null, i.next?.end ?? null),
    );
    stmt(
      db,
      `INSERT INTO board_index_state (board_id, indexed_on, indexed_at, item_count) VALUES (?, ?, ?, ?)
       ON CONFLICT (board_id) DO UPDATE SET indexed_on = excluded.indexed_on, indexed_at = excluded.indexed_at, item_count = excluded.item_count`,
    ).run(boardId, today, now, items.length);
  })();
}
