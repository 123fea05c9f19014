import { grantableRoles, hasRole, type InviteDto, type InvitePreviewDto, type Role, type WorkspaceDto } from '@soplan/shared';
import { hashSecret, newId, newSecret } from '../auth/ids.ts';
import { invites, members, workspaces, type Db } from '../db/index.ts';
import type { InviteRow } from '../db/queries/invites.ts';
import { forbidden, notFound } from '../errors.ts';
import { requireMembership } from './access.ts';
import { inviteDto, iso, workspaceDto } from './dto.ts';

export const INVITE_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export function createInvite(db: Db, userId: string, workspaceId: string, role: Role, now = Date.now()): InviteDto & { token: string } {
  const { role: actorRole } = requireMembership(db, workspaceId, userId, 'manageMembers');
  if (!grantableRoles(actorRole).includes(role)) throw forbidden('You cannot invite with a role above your own');
  const token = newSecret();
  const row: InviteRow = {
    id: newId(),
    workspace_id: workspaceId,
    token_hash: hashSecret(token),
    role,
    created_by: userId,
    created_at: now,
    expires_at: now + INVITE_TTL_MS,
    revoked_at: null,
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

function activeInvite(db: Db, token: string, now: number): InviteRow {
  const row = invites.byHash(db, hashSecret(token));
  if (!row || row.revoked_at !== null || row.expires_at <= now) throw notFound('This invite link is invalid or has expired');
  return row;
}

export function previewInvite(db: Db, token: string, now = Date.now()): InvitePreviewDto {
  const row = activeInvite(db, token, now);
  const workspace = workspaces.byId(db, row.workspace_id)!;
  return { workspaceName: workspace.name, role: row.role, expiresAt: iso(row.expires_at) };
}

/** Joins the invite's workspace; an existing member keeps the higher of their role and the invite's. */
export function acceptInvite(db: Db, userId: string, token: string, now = Date.now()): WorkspaceDto {
  const row = activeInvite(db, token, now);
  const current = members.roleOf(db, row.workspace_id, userId);
  const role = current && hasRole(current, row.role) ? current : row.role;
  members.upsert(db, { workspace_id: row.workspace_id, user_id: userId, role, joined_at: now });
  return workspaceDto({ ...workspaces.byId(db, row.workspace_id)!, role });
}
