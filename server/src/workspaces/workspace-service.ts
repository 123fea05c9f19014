import { grantableRoles, hasRole, type MemberDto, type Role, type WorkspaceDto } from '@soplan/shared';
import { newId } from '../auth/ids.ts';
import { members, workspaces, type Db } from '../db/index.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { requireMembership } from './access.ts';
import { memberDto, workspaceDto } from './dto.ts';

export function createWorkspace(db: Db, userId: string, name: string, now = Date.now()): WorkspaceDto {
  const row = { id: newId(), name, created_by: userId, created_at: now };
  db.transaction(() => {
    workspaces.insert(db, row);
    members.upsert(db, { workspace_id: row.id, user_id: userId, role: 'owner', joined_at: now });
  })();
  return workspaceDto({ ...row, role: 'owner' });
}

export function listWorkspaces(db: Db, userId: string): WorkspaceDto[] {
  return workspaces.listOfUser(db, userId).map(workspaceDto);
}

export function getWorkspace(db: Db, userId: string, workspaceId: string): WorkspaceDto {
  const { workspace, role } = requireMembership(db, workspaceId, userId);
  return workspaceDto({ ...workspace, role });
}

export function renameWorkspace(db: Db, userId: string, workspaceId: string, name: string): WorkspaceDto {
  const { workspace, role } = requireMembership(db, workspaceId, userId, 'renameWorkspace');
  workspaces.rename(db, workspaceId, name);
  return workspaceDto({ ...workspace, name, role });
}

export function listMembers(db: Db, userId: string, workspaceId: string): MemberDto[] {
  requireMembership(db, workspaceId, userId);
  return members.list(db, workspaceId).map(memberDto);
}

/** Who may change or remove `target`: a manager whose own role is at least the target's old and new role. */
function assertMayManage(actorRole: Role, targetRole: Role, newRole?: Role): void {
  if (!hasRole(actorRole, targetRole)) throw forbidden('You cannot change a member above your own role');
  if (newRole && !grantableRoles(actorRole).includes(newRole)) throw forbidden('You cannot grant a role above your own');
}

export function changeMemberRole(db: Db, userId: string, workspaceId: string, targetUserId: string, role: Role): MemberDto {
  const { role: actorRole } = requireMembership(db, workspaceId, userId, 'manageMembers');
  const targetRole = members.roleOf(db, workspaceId, targetUserId);
  if (!targetRole) throw notFound('Member not found');
  assertMayManage(actorRole, targetRole, role);
  db.transaction(() => {
    members.setRole(db, workspaceId, targetUserId, role);
    if (members.countOwners(db, workspaceId) === 0) throw new AppError('conflict', 'A workspace needs at least one owner');
  })();
  return memberDto(members.list(db, workspaceId).find((m) => m.user_id === targetUserId)!);
}

/** Removes a member; anyone may leave on their own, managers may remove others below or at their role. */
export function removeMember(db: Db, userId: string, workspaceId: string, targetUserId: string): void {
  const self = targetUserId === userId;
  const { role: actorRole } = requireMembership(db, workspaceId, userId, self ? 'readWorkspace' : 'manageMembers');
  const targetRole = members.roleOf(db, workspaceId, targetUserId);
  if (!targetRole) throw notFound('Member not found');
  if (!self) assertMayManage(actorRole, targetRole);
  db.transaction(() => {
    members.remove(db, workspaceId, targetUserId);
    if (members.countOwners(db, workspaceId) === 0) throw new AppError('conflict', 'A workspace needs at least one owner');
  })();
}
