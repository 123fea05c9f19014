// The board items index: what the board indexer derived from each board's document, one row per
// item; each index writes only the rows that changed and deletes the gone ones. Dashboards, calendars
// and task lists read it. Nothing here depends on the day: overdue and next occurrences are derived
// when read (SPEC F7).
import type { BoardKind, IndexedItem, ItemStatus, PeriodKind } from '@soplan/shared';
import type { Db } from '../connection.ts';
import { stringsOf } from '../json-columns.ts';
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
  /** The item's section, month or pair; null for rows indexed before the index knew it. */
  group_id: string | null;
  group_title: string;
  /** How many changes the index has seen to the item since it was first indexed (a calendar's SEQUENCE). */
  sequence: number;
}
export type WorkspaceItemRow = BoardItemRow & { board_title: string; board_kind: BoardKind };

/** A row read back as the item it stores; a malformed names list reads as none. */
export function indexedItemOf(row: BoardItemRow): IndexedItem {
  return {
    id: row.item_id,
    title: row.title,
    period: row.period,
    periodKind: row.period_kind,
    start: row.start_date,
    end: row.end_date,
    status: row.status,
    responsibles: stringsOf(row.responsibles),
    form: row.form,
    group: row.group_id ?? '',
    groupTitle: row.group_title,
  };
}

export interface IndexWrite {
  /** New and changed items with their position on the board. */
  upsert: { item: IndexedItem; position: number }[];
  /** Ids of items the board no longer holds. */
  remove: string[];
  /** The board's item count now. */
  count: number;
  /** The day the index ran (for operators) and when. */
  today: string;
  at: number;
}

/** Writes one index of a board: the changed rows, the deletions and the board's index state, in one transaction. */
export function write(db: Db, boardId: string, w: IndexWrite): void {
  db.transaction(() => {
    const upsert = stmt(
      db,
      `INSERT INTO board_items (board_id, item_id, position, title, period, period_kind, start_date, end_date, status, responsibles, form, group_id, group_title, sequence)
       VALUES (@board_id, @item_id, @position, @title, @period, @period_kind, @start_date, @end_date, @status, @responsibles, @form, @group_id, @group_title,
         COALESCE((SELECT sequence FROM board_item_sequences WHERE board_id = @board_id AND item_id = @item_id), 0))
       ON CONFLICT (board_id, item_id) DO UPDATE SET position = excluded.position, title = excluded.title, period = excluded.period,
         period_kind = excluded.period_kind, start_date = excluded.start_date, end_date = excluded.end_date, status = excluded.status,
         responsibles = excluded.responsibles, form = excluded.form, group_id = excluded.group_id, group_title = excluded.group_title,
         sequence = board_items.sequence + (board_items.title IS NOT excluded.title OR board_items.period IS NOT excluded.period
           OR board_items.start_date IS NOT excluded.start_date OR board_items.end_date IS NOT excluded.end_date OR board_items.status IS NOT excluded.status
           OR board_items.responsibles IS NOT excluded.responsibles OR board_items.form IS NOT excluded.form OR board_items.group_title IS NOT excluded.group_title)`,
    );
    for (const { item: i, position } of w.upsert) {
      upsert.run({
        board_id: boardId,
        item_id: i.id,
        position,
        title: i.title,
        period: i.period,
        period_kind: i.periodKind,
        start_date: i.start,
        end_date: i.end,
        status: i.status,
        responsibles: JSON.stringify(i.responsibles),
        form: i.form,
        group_id: i.group,
        group_title: i.groupTitle,
      });
    }
    // A removed item's count is kept, one more than calendars saw (they drop the event): an item that
    // comes back (undo) goes on counting instead of starting again below what they hold.
    const keep = stmt(
      db,
      `INSERT INTO board_item_sequences (board_id, item_id, sequence) SELECT board_id, item_id, sequence + 1 FROM board_items WHERE board_id = ? AND item_id = ?
       ON CONFLICT (board_id, item_id) DO UPDATE SET sequence = excluded.sequence`,
    );
    const remove = stmt(db, 'DELETE FROM board_items WHERE board_id = ? AND item_id = ?');
    for (const id of w.remove) {
      keep.run(boardId, id);
      remove.run(boardId, id);
    }
    stmt(
      db,
      `INSERT INTO board_index_state (board_id, indexed_on, indexed_at, item_count) VALUES (?, ?, ?, ?)
       ON CONFLICT (board_id) DO UPDATE SET indexed_on = excluded.indexed_on, indexed_at = excluded.indexed_at, item_count = excluded.item_count`,
    ).run(boardId, w.today, w.at, w.count);
  })();
}

export function ofBoard(db: Db, boardId: string): BoardItemRow[] {
  return stmt(db, 'SELECT * FROM board_items WHERE board_id = ? ORDER BY position').all(boardId) as BoardItemRow[];
}

/** Whether the board was ever indexed. */
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

/** The board's item count at its last index (0 before the first). */
export function itemCount(db: Db, boardId: string): number {
  return (stmt(db, 'SELECT item_count FROM board_index_state WHERE board_id = ?').pluck().get(boardId) as number | undefined) ?? 0;
}
