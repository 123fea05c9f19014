import type { Role } from '@soplan/shared';
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface WorkspaceRow {
  id: string;
  name: string;
  created_by: string;
  created_at: number;
}
export type WorkspaceWithRole = WorkspaceRow & { role: Role };

export function insert(db: Db, w: WorkspaceRow): void {
  stmt(db, 'INSERT INTO workspaces (id, name, created_by, created_at) VALUES (@id, @name, @created_by, @created_at)').run(w);
}
export function byId(db: Db, id: string): WorkspaceRow | undefined {
  return stmt(db, 'SELECT * FROM workspaces WHERE id = ?').get(id) as WorkspaceRow | undefined;
}
export function listOfUser(db: Db, userId: string): WorkspaceWithRole[] {
  return stmt(
    db,
    'SELECT w.*, m.role FROM workspaces w JOIN members m ON m.workspace_id = w.id WHERE m.user_id = ? ORDER BY w.created_at, w.id',
  ).all(userId) as WorkspaceWithRole[];
}
export function rename(db: Db, id: string, name: string): void {
  stmt(db, 'UPDATE workspaces SET name = ? WHERE id = ?').run(name, id);
}
