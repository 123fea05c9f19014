import type { BoardKind } from '@soplan/shared';
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface BoardRow {
  id: string;
  workspace_id: string;
  kind: BoardKind;
  title: string;
  archived_at: number | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export function insert(db: Db, b: BoardRow): void {
  stmt(
    db,
    `INSERT INTO boards (id, workspace_id, kind, title, archived_at, created_by, created_at, updated_at)
     VALUES (@id, @workspace_id, @kind, @title, @archived_at, @created_by, @created_at, @updated_at)`,
  ).run(b);
}
export function byId(db: Db, id: string): BoardRow | undefined {
  return stmt(db, 'SELECT * FROM boards WHERE id = ?').get(id) as BoardRow | undefined;
}
export function list(db: Db, workspaceId: string, includeArchived: boolean): BoardRow[] {
  return stmt(
    db,
    'SELECT * FROM boards WHERE workspace_id = ? AND (? OR archived_at IS NULL) ORDER BY archived_at IS NOT NULL, created_at, id',
  ).all(workspaceId, includeArchived ? 1 : 0) as BoardRow[];
}
export function update(db: Db, id: string, title: string, archivedAt: number | null, at: number): void {
  stmt(db, 'UPDATE boards SET title = ?, archived_at = ?, updated_at = ? WHERE id = ?').run(title, archivedAt, at, id);
}
