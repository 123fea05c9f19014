import type { Role } from '@soplan/shared';
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface InviteRow {
  id: string;
  workspace_id: string;
  token_hash: string;
  role: Role;
  created_by: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  /** How many people the link admits, and how many it has admitted. */
  max_uses: number;
  uses: number;
}

export function insert(db: Db, i: InviteRow): void {
  stmt(
    db,
    `INSERT INTO invites (id, workspace_id, token_hash, role, created_by, created_at, expires_at, revoked_at, max_uses, uses)
     VALUES (@id, @workspace_id, @token_hash, @role, @created_by, @created_at, @expires_at, @revoked_at, @max_uses, @uses)`,
  ).run(i);
}
export function byHash(db: Db, hash: string): InviteRow | undefined {
  return stmt(db, 'SELECT * FROM invites WHERE token_hash = ?').get(hash) as InviteRow | undefined;
}
export function listActive(db: Db, workspaceId: string, now: number): InviteRow[] {
  return stmt(db, 'SELECT * FROM invites WHERE workspace_id = ? AND revoked_at IS NULL AND expires_at > ? AND uses < max_uses ORDER BY created_at DESC').all(
    workspaceId,
    now,
  ) as InviteRow[];
}
export function revoke(db: Db, workspaceId: string, id: string, at: number): boolean {
  return stmt(db, 'UPDATE invites SET revoked_at = ? WHERE workspace_id = ? AND id = ? AND revoked_at IS NULL').run(at, workspaceId, id).changes > 0;
}
/** Revokes the still-open invites `createdBy` made in the workspace for `role`; returns how many. */
export function revokeOfCreator(db: Db, workspaceId: string, createdBy: string, role: Role, at: number): number {
  return stmt(db, 'UPDATE invites SET revoked_at = ? WHERE workspace_id = ? AND created_by = ? AND role = ? AND revoked_at IS NULL').run(
    at,
    workspaceId,
    createdBy,
    role,
  ).changes;
}
/** Counts one admission if the invite still has a use left; returns whether it had. */
export function use(db: Db, id: string, now: number): boolean {
  return stmt(db, 'UPDATE invites SET uses = uses + 1 WHERE id = ? AND revoked_at IS NULL AND expires_at > ? AND uses < max_uses').run(id, now).changes > 0;
}
