import type { Role } from '@soplan/shared';
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface MemberRow {
  workspace_id: string;
  user_id: string;
  role: Role;
  joined_at: number;
}
export type MemberWithUser = MemberRow & { name: string; email: string };

export function upsert(db: Db, m: MemberRow): void {
  stmt(
    db,
    `INSERT INTO members (workspace_id, user_id, role, joined_at) VALUES (@workspace_id, @user_id, @role, @joined_at)
     ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role`,
  ).run(m);
}
export function roleOf(db: Db, workspaceId: string, userId: string): Role | undefined {
  return stmt(db, 'SELECT role FROM members WHERE workspace_id = ? AND user_id = ?').pluck().get(workspaceId, userId) as Role | undefined;
}
export function list(db: Db, workspaceId: string): MemberWithUser[] {
  return stmt(
    db,
    `SELECT m.*, u.name, u.email FROM members m JOIN users u ON u.id = m.user_id
     WHERE m.workspace_id = ? ORDER BY m.joined_at, u.name`,
  ).all(workspaceId) as MemberWithUser[];
}
export function setRole(db: Db, workspaceId: string, userId: string, role: Role): void {
  stmt(db, 'UPDATE members SET role = ? WHERE workspace_id = ? AND user_id = ?').run(role, workspaceId, userId);
}
export function remove(db: Db, workspaceId: string, userId: string): void {
  stmt(db, 'DELETE FROM members WHERE workspace_id = ? AND user_id = ?').run(workspaceId, userId);
}
export function countOwners(db: Db, workspaceId: string): number {
  return stmt(db, "SELECT count(*) FROM members WHERE workspace_id = ? AND role = 'owner'").pluck().get(workspaceId) as number;
}
export function organisationOf(db: Db, workspaceId: string, userId: string): string | null {
  return (
    (stmt(db, 'SELECT organisation_id FROM members WHERE workspace_id = ? AND user_id = ?').pluck().get(workspaceId, userId) as string | null | undefined) ??
    null
  );
}
export function setOrganisation(db: Db, workspaceId: string, userId: string, organisationId: string | null): void {
  stmt(db, 'UPDATE members SET organisation_id = ? WHERE workspace_id = ? AND user_id = ?').run(organisationId, workspaceId, userId);
}
/** Whether the user is a member of the workspace (the live feed's room check). */
export function isMember(db: Db, workspaceId: string, userId: string): boolean {
  return roleOf(db, workspaceId, userId) !== undefined;
}
