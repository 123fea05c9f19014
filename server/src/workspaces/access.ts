import { can, type Permission, type Role } from '@soplan/shared';
import { boards, members, workspaces, type Db } from '../db/index.ts';
import type { BoardRow } from '../db/queries/boards.ts';
import type { WorkspaceRow } from '../db/queries/workspaces.ts';
import { forbidden, notFound } from '../errors.ts';

export interface Membership {
  workspace: WorkspaceRow;
  role: Role;
}

/** The workspace as `userId` may see it; 404 when they are not a member (its existence stays hidden). */
export function requireMembership(db: Db, workspaceId: string, userId: string, permission: Permission = 'readWorkspace'): Membership {
  const workspace = workspaces.byId(db, workspaceId);
  const role = workspace && members.roleOf(db, workspaceId, userId);
  if (!workspace || !role) throw notFound('Workspace not found');
  if (!can(role, permission)) throw forbidden();
  return { workspace, role };
}

export function requireBoard(db: Db, boardId: string, userId: string, permission: Permission = 'readWorkspace'): Membership & { board: BoardRow } {
  const board = boards.byId(db, boardId);
  const role = board && members.roleOf(db, board.workspace_id, userId);
  if (!board || !role) throw notFound('Board not found');
  if (!can(role, permission)) throw forbidden();
  return { workspace: workspaces.byId(db, board.workspace_id)!, role, board };
}
