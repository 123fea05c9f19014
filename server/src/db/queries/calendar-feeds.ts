// Calendar feeds (secret subscription URLs, stored as the secret's hash) and what a feed reads of the
// board index: the boards it covers with when they were last indexed and the span of their dates, and
// the items' sequences.
import type { BoardKind, FeedScope } from '@soplan/shared';
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface CalendarFeedRow {
  id: string;
  user_id: string;
  scope: FeedScope;
  target_id: string | null;
  secret_hash: string;
  created_at: number;
  last_used_at: number | null;
}

export function insert(db: Db, f: CalendarFeedRow): void {
  stmt(
    db,
    `INSERT INTO calendar_feeds (id, user_id, scope, target_id, secret_hash, created_at, last_used_at)
     VALUES (@id, @user_id, @scope, @target_id, @secret_hash, @created_at, @last_used_at)`,
  ).run(f);
}
export function byHash(db: Db, hash: string): CalendarFeedRow | undefined {
  return stmt(db, 'SELECT * FROM calendar_feeds WHERE secret_hash = ?').get(hash) as CalendarFeedRow | undefined;
}
export function listOfUser(db: Db, userId: string): CalendarFeedRow[] {
  return stmt(db, 'SELECT * FROM calendar_feeds WHERE user_id = ? ORDER BY created_at DESC, id').all(userId) as CalendarFeedRow[];
}
export function touch(db: Db, id: string, at: number): void {
  stmt(db, 'UPDATE calendar_feeds SET last_used_at = ? WHERE id = ?').run(at, id);
}
/** Deletes a feed only if it belongs to the user; returns whether one was deleted. */
export function removeOfUser(db: Db, id: string, userId: string): boolean {
  return stmt(db, 'DELETE FROM calendar_feeds WHERE id = ? AND user_id = ?').run(id, userId).changes > 0;
}

/** A board as a feed places its items: when it was made and last indexed, and the first and last day its dated items name. */
export interface FeedBoardRow {
  id: string;
  kind: BoardKind;
  title: string;
  archived_at: number | null;
  created_at: number;
  indexed_at: number | null;
  first_date: string | null;
  last_date: string | null;
}

const FEED_BOARD = `SELECT b.id, b.kind, b.title, b.archived_at, b.created_at, s.indexed_at,
    (SELECT MIN(COALESCE(i.start_date, i.end_date)) FROM board_items i WHERE i.board_id = b.id AND i.period_kind IN ('date', 'range')) AS first_date,
    (SELECT MAX(COALESCE(i.end_date, i.start_date)) FROM board_items i WHERE i.board_id = b.id AND i.period_kind IN ('date', 'range')) AS last_date
  FROM boards b LEFT JOIN board_index_state s ON s.board_id = b.id`;

export function feedBoard(db: Db, boardId: string): FeedBoardRow | undefined {
  return stmt(db, `${FEED_BOARD} WHERE b.id = ?`).get(boardId) as FeedBoardRow | undefined;
}
/** The workspace's boards that are not archived (those its calendar shows). */
export function feedBoardsOfWorkspace(db: Db, workspaceId: string): FeedBoardRow[] {
  return stmt(db, `${FEED_BOARD} WHERE b.workspace_id = ? AND b.archived_at IS NULL`).all(workspaceId) as FeedBoardRow[];
}

/** Each indexed item's sequence in the workspace, keyed `boardId item itemId`. */
export function sequencesOfWorkspace(db: Db, workspaceId: string): Map<string, number> {
  const rows = stmt(
    db,
    'SELECT i.board_id, i.item_id, i.sequence FROM board_items i JOIN boards b ON b.id = i.board_id WHERE b.workspace_id = ? AND b.archived_at IS NULL',
  ).all(workspaceId) as { board_id: string; item_id: string; sequence: number }[];
  return new Map(rows.map((r) => [sequenceKey(r.board_id, r.item_id), r.sequence]));
}
export const sequenceKey = (boardId: string, itemId: string) => `${boardId} item ${itemId}`;
