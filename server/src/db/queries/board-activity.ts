// The activity feed: what the board indexer found changed between two indexes of a board, each line
// with the accounts whose edits touched that item; a person's run of edits of one field is one line,
// extended as it goes. Written only by the indexer, never from anything a client says.
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface ActivityRow {
  id: number;
  workspace_id: string;
  board_id: string;
  at: number;
  /** JSON array of user ids. */
  actor_ids: string;
  kind: string;
  item_id: string;
  item_title: string;
  before: string | null;
  after: string | null;
}
export type ActivityWithBoard = ActivityRow & { board_title: string };
export type NewActivity = Omit<ActivityRow, 'id'>;

/** Inserts the rows and returns their ids, in order. */
export function insert(db: Db, rows: NewActivity[]): number[] {
  const statement = stmt(
    db,
    `INSERT INTO board_activity (workspace_id, board_id, at, actor_ids, kind, item_id, item_title, before, after)
     VALUES (@workspace_id, @board_id, @at, @actor_ids, @kind, @item_id, @item_title, @before, @after)`,
  );
  return db.transaction(() => rows.map((r) => Number(statement.run(r).lastInsertRowid)))();
}

/** The item's latest lines on the board, newest first (what a new change may extend). */
export function latestOfItem(db: Db, boardId: string, itemId: string, limit: number): ActivityRow[] {
  return stmt(db, 'SELECT * FROM board_activity WHERE board_id = ? AND item_id = ? ORDER BY id DESC LIMIT ?').all(boardId, itemId, limit) as ActivityRow[];
}

/** Extends a line with a later edit of the same field: its new time, title and `after`. */
export function extend(db: Db, id: number, change: Pick<ActivityRow, 'at' | 'item_title' | 'after'>): void {
  stmt(db, 'UPDATE board_activity SET at = @at, item_title = @item_title, after = @after WHERE id = @id').run({ id, ...change });
}

export function remove(db: Db, ids: number[]): void {
  const statement = stmt(db, 'DELETE FROM board_activity WHERE id = ?');
  db.transaction(() => {
    for (const id of ids) statement.run(id);
  })();
}

/** The workspace's latest activity on boards that are not archived, newest first. */
export function recent(db: Db, workspaceId: string, limit: number): ActivityWithBoard[] {
  return stmt(
    db,
    `SELECT a.*, b.title AS board_title FROM board_activity a JOIN boards b ON b.id = a.board_id
     WHERE a.workspace_id = ? AND b.archived_at IS NULL ORDER BY a.id DESC LIMIT ?`,
  ).all(workspaceId, limit) as ActivityWithBoard[];
}
