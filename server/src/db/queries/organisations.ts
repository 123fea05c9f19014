// SQL of the organisations table: the organisations of each workspace's network.
import type { OrganisationKind } from '@soplan/shared';
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface OrganisationRow {
  id: string;
  workspace_id: string;
  name: string;
  kind: OrganisationKind;
  partner: number;
  created_at: number;
}

export function insert(db: Db, o: OrganisationRow): void {
  stmt(
    db,
    'INSERT INTO organisations (id, workspace_id, name, kind, partner, created_at) VALUES (@id, @workspace_id, @name, @kind, @partner, @created_at)',
  ).run(o);
}
export function byId(db: Db, workspaceId: string, id: string): OrganisationRow | undefined {
  return stmt(db, 'SELECT * FROM organisations WHERE workspace_id = ? AND id = ?').get(workspaceId, id) as OrganisationRow | undefined;
}
/** Every organisation's id and name in the workspace, for comparing a new name with them. */
export function names(db: Db, workspaceId: string): Pick<OrganisationRow, 'id' | 'name'>[] {
  return stmt(db, 'SELECT id, name FROM organisations WHERE workspace_id = ?').all(workspaceId) as Pick<OrganisationRow, 'id' | 'name'>[];
}
export function list(db: Db, workspaceId: string): OrganisationRow[] {
  return stmt(db, 'SELECT * FROM organisations WHERE workspace_id = ? ORDER BY partner, name COLLATE NOCASE').all(workspaceId) as OrganisationRow[];
}
export function update(db: Db, o: OrganisationRow): void {
  stmt(db, 'UPDATE organisations SET name = @name, kind = @kind, partner = @partner WHERE id = @id AND workspace_id = @workspace_id').run(o);
}
export function remove(db: Db, workspaceId: string, id: string): void {
  stmt(db, 'DELETE FROM organisations WHERE workspace_id = ? AND id = ?').run(workspaceId, id);
}
