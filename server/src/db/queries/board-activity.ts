// The activity feed: what the board indexer found changed between two indexes of a board, with the
// accounts whose edits it indexed. Written only by the indexer, never from anything a client says.
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

export function byIds(db: Db, ids: number[]): ActivityWithBoard[] {
  if (ids.length === 0) return [];
  return stmt(
    db,
    `SELECT a.*, b.title AS board_title FROM board_activity a JOIN boards b ON b.id = a.board_id
     WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.id DESC`,
  ).all(JSON.stringify(ids)) as ActivityWithBoard[];
}

/** The workspace's latest activity on boards that are not archived, newest first. */
export function recent(db: Db, workspaceId: string, limit: number): ActivityWithBoard[] {
  return stmt(
    db,
    `SELECT a.*, b.title AS board_title FROM board_activity a JOIN boards b ON b.id = a.board_id
     WHERE a.workspace_id = ? AND b.archived_at IS NULL ORDER BY a.id DESC LIMIT ?`,
  ).all(workspaceId, limit) as ActivityWithBoard[];
}
