// Row → API shape mappers.
import type { BoardDto, InviteDto, MemberDto, OrganisationDto, WorkspaceDto } from '@soplan/shared';
import type { BoardRow } from '../db/queries/boards.ts';
import type { InviteRow } from '../db/queries/invites.ts';
import type { MemberWithUser } from '../db/queries/members.ts';
import type { OrganisationRow } from '../db/queries/organisations.ts';
import type { WorkspaceWithRole } from '../db/queries/workspaces.ts';

export const iso = (ms: number) => new Date(ms).toISOString();

export const workspaceDto = (w: WorkspaceWithRole): WorkspaceDto => ({ id: w.id, name: w.name, role: w.role, createdAt: iso(w.created_at) });
export const memberDto = (m: MemberWithUser): MemberDto => ({ userId: m.user_id, name: m.name, email: m.email, role: m.role, joinedAt: iso(m.joined_at) });
export const organisationDto = (o: OrganisationRow): OrganisationDto => ({
  id: o.id,
  workspaceId: o.workspace_id,
  name: o.name,
  kind: o.kind,
  partner: o.partner === 1,
  createdAt: iso(o.created_at),
});
export const inviteDto = (i: InviteRow): InviteDto => ({
  id: i.id,
  workspaceId: i.workspace_id,
  role: i.role,
  createdAt: iso(i.created_at),
  expiresAt: iso(i.expires_at),
  maxUses: i.max_uses,
  uses: i.uses,
});
export const boardDto = (b: BoardRow): BoardDto => ({
  id: b.id,
  workspaceId: b.workspace_id,
  kind: b.kind,
  title: b.title,
  archived: b.archived_at !== null,
  template: b.template === 1,
  createdAt: iso(b.created_at),
  updatedAt: iso(b.updated_at),
});
