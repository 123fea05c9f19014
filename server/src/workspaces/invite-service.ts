// Invite links. A coordinator makes one for a role they may hand out; it admits one person, or up to
// `maxUses` when made multi-use, for 14 days, and only while its creator may still hand out that role:
// losing that right (a lower role, removal, leaving) revokes their links.
import { grantableRoles, hasRole, ROLES, type InviteDto, type InvitePreviewDto, type Role, type WorkspaceDto } from '@soplan/shared';
import { hashSecret, newId, newSecret } from '../auth/ids.ts';
import { invites, members, workspaces, type Db } from '../db/index.ts';
import type { InviteRow } from '../db/queries/invites.ts';
import { AppError, notFound } from '../errors.ts';
import type { AccessEvents } from '../events.ts';
import { requireMembership } from './access.ts';
import { inviteDto, iso, workspaceDto } from './dto.ts';

export const INVITE_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export const roleAboveOwn = (what: string) => new AppError('role_above_own', `You cannot ${what} a role above your own`);

export function createInvite(
  db: Db,
  userId: string,
  workspaceId: string,
  input: { role: Role; maxUses: number },
  now = Date.now(),
): InviteDto & { token: string } {
  const { role: actorRole } = requireMembership(db, workspaceId, userId, 'manageMembers');
  if (!grantableRoles(actorRole).includes(input.role)) throw roleAboveOwn('invite with');
  const token = newSecret();
  const row: InviteRow = {
    id: newId(),
    workspace_id: workspaceId,
    token_hash: hashSecret(token),
    role: input.role,
    created_by: userId,
    created_at: now,
    expires_at: now + INVITE_TTL_MS,
    revoked_at: null,
    max_uses: input.maxUses,
    uses: 0,
  };
  invites.insert(db, row);
  return { ...inviteDto(row), token };
}

export function listInvites(db: Db, userId: string, workspaceId: string, now = Date.now()): InviteDto[] {
  requireMembership(db, workspaceId, userId, 'manageMembers');
  return invites.listActive(db, workspaceId, now).map(inviteDto);
}

export function revokeInvite(db: Db, userId: string, workspaceId: string, inviteId: string, now = Date.now()): void {
  requireMembership(db, workspaceId, userId, 'manageMembers');
  if (!invites.revoke(db, workspaceId, inviteId, now)) throw notFound('Invite not found');
}

/** Revokes the invites `creatorId` made that `role` (their new role; null once they are gone) may not hand out. */
export function revokeInvitesBeyond(db: Db, workspaceId: string, creatorId: string, role: Role | null, now: number): void {
  const allowed = role ? grantableRoles(role) : [];
  for (const r of ROLES) if (!allowed.includes(r)) invites.revokeOfCreator(db, workspaceId, creatorId, r, now);
}

const usedUp = () => new AppError('invite_used_up', 'This invite link has already been used as many times as it allows');

function openInvite(db: Db, token: string, now: number): InviteRow {
  const row = invites.byHash(db, hashSecret(token));
  if (!row || row.revoked_at !== null || row.expires_at <= now) {
    throw new AppError('invite_invalid', 'This invite link is invalid, has expired or was revoked');
  }
  if (row.uses >= row.max_uses) throw usedUp();
  return row;
}

export function previewInvite(db: Db, token: string, now = Date.now()): InvitePreviewDto {
  const row = openInvite(db, token, now);
  const workspace = workspaces.byId(db, row.workspace_id)!;
  return { workspaceName: workspace.name, role: row.role, expiresAt: iso(row.expires_at) };
}

/**
 * Joins the invite's workspace, or raises an existing member to the invite's role; a member whose
 * role is already as high keeps it and the link keeps its use. A raised member's live connections
 * are told, so they reconnect with the new role.
 */
export function acceptInvite(db: Db, events: AccessEvents, userId: string, token: string, now = Date.now()): WorkspaceDto {
  const row = openInvite(db, token, now);
  const workspace = workspaces.byId(db, row.workspace_id)!;
  const current = members.roleOf(db, row.workspace_id, userId);
  if (current && hasRole(current, row.role)) return workspaceDto({ ...workspace, role: current });
  db.transaction(() => {
    if (!invites.use(db, row.id, now)) throw usedUp();
    members.upsert(db, { workspace_id: row.workspace_id, user_id: userId, role: row.role, joined_at: now });
  })();
  if (current) events.emit({ type: 'member-role-changed', workspaceId: row.workspace_id, userId });
  return workspaceDto({ ...workspace, role: row.role });
}
