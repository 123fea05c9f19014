// Workspaces and their members. Changing or removing a member tells their live connections (access
// events) and revokes the invites they may no longer hand out.
import { grantableRoles, hasRole, type MemberDto, type Role, type WorkspaceDto } from '@soplan/shared';
import { newId } from '../auth/ids.ts';
import { members, workspaces, type Db } from '../db/index.ts';
import { AppError, notFound } from '../errors.ts';
import type { AccessEvents } from '../events.ts';
import { requireMembership } from './access.ts';
import { memberDto, workspaceDto } from './dto.ts';
import { revokeInvitesBeyond, roleAboveOwn } from './invite-service.ts';

const lastOwner = () => new AppError('last_owner', 'A workspace needs at least one owner');

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
  if (!hasRole(actorRole, targetRole)) throw roleAboveOwn('change a member with');
  if (newRole && !grantableRoles(actorRole).includes(newRole)) throw roleAboveOwn('grant');
}

export function changeMemberRole(
  db: Db,
  events: AccessEvents,
  userId: string,
  workspaceId: string,
  targetUserId: string,
  role: Role,
  now = Date.now(),
): MemberDto {
  const { role: actorRole } = requireMembership(db, workspaceId, userId, 'manageMembers');
  const targetRole = members.roleOf(db, workspaceId, targetUserId);
  if (!targetRole) throw notFound('Member not found');
  assertMayManage(actorRole, targetRole, role);
  db.transaction(() => {
    members.setRole(db, workspaceId, targetUserId, role);
    if (members.countOwners(db, workspaceId) === 0) throw lastOwner();
    revokeInvitesBeyond(db, workspaceId, targetUserId, role, now);
  })();
  events.emit({ type: 'member-role-changed', workspaceId, userId: targetUserId });
  return memberDto(members.list(db, workspaceId).find((m) => m.user_id === targetUserId)!);
}

/** Removes a member; anyone may leave on their own, managers may remove others below or at their role. */
export function removeMember(db: Db, events: AccessEvents, userId: string, workspaceId: string, targetUserId: string, now = Date.now()): void {
  const self = targetUserId === userId;
  const { role: actorRole } = requireMembership(db, workspaceId, userId, self ? 'readWorkspace' : 'manageMembers');
  const targetRole = members.roleOf(db, workspaceId, targetUserId);
  if (!targetRole) throw notFound('Member not found');
  if (!self) assertMayManage(actorRole, targetRole);
  db.transaction(() => {
    members.remove(db, workspaceId, targetUserId);
    if (members.countOwners(db, workspaceId) === 0) throw lastOwner();
    revokeInvitesBeyond(db, workspaceId, targetUserId, null, now);
  })();
  events.emit({ type: 'member-removed', workspaceId, userId: targetUserId });
}
