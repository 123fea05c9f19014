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
  return stmt(db, 'SELECT id, name, created_by, created_at FROM workspaces WHERE id = ?').get(id) as WorkspaceRow | undefined;
}
export function listOfUser(db: Db, userId: string): WorkspaceWithRole[] {
  return stmt(
    db,
    'SELECT w.id, w.name, w.created_by, w.created_at, m.role FROM workspaces w JOIN members m ON m.workspace_id = w.id WHERE m.user_id = ? ORDER BY w.created_at, w.id',
  ).all(userId) as WorkspaceWithRole[];
}
export function rename(db: Db, id: string, name: string): void {
  stmt(db, 'UPDATE workspaces SET name = ? WHERE id = ?').run(name, id);
}

/** The workspace's event forms as stored (a JSON array), or null when it uses the defaults. */
export function eventForms(db: Db, id: string): string | null {
  return (stmt(db, 'SELECT event_forms FROM workspaces WHERE id = ?').pluck().get(id) as string | null | undefined) ?? null;
}
/** How the workspace's exported documents are laid out, as stored (JSON), or null when it uses the ГОСТ defaults. */
export function documentSettings(db: Db, id: string): string | null {
  return (stmt(db, 'SELECT document_settings FROM workspaces WHERE id = ?').pluck().get(id) as string | null | undefined) ?? null;
}
export function setDocumentSettings(db: Db, id: string, settings: string | null): void {
  stmt(db, 'UPDATE workspaces SET document_settings = ? WHERE id = ?').run(settings, id);
}
export function setEventForms(db: Db, id: string, forms: string): void {
  stmt(db, 'UPDATE workspaces SET event_forms = ? WHERE id = ?').run(forms, id);
}
