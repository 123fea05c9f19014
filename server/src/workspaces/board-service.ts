import type { BoardDto, BoardKind } from '@soplan/shared';
import { newId } from '../auth/ids.ts';
import { boards, type Db } from '../db/index.ts';
import { requireBoard, requireMembership } from './access.ts';
import { boardDto } from './dto.ts';

export function listBoards(db: Db, userId: string, workspaceId: string, includeArchived = false): BoardDto[] {
  requireMembership(db, workspaceId, userId);
  return boards.list(db, workspaceId, includeArchived).map(boardDto);
}

export function createBoard(db: Db, userId: string, workspaceId: string, kind: BoardKind, title: string, now = Date.now()): BoardDto {
  requireMembership(db, workspaceId, userId, 'createBoard');
  const row = { id: newId(), workspace_id: workspaceId, kind, title, archived_at: null, created_by: userId, created_at: now, updated_at: now };
  boards.insert(db, row);
  return boardDto(row);
}

export function getBoard(db: Db, userId: string, boardId: string): BoardDto {
  return boardDto(requireBoard(db, boardId, userId).board);
}

export function updateBoard(db: Db, userId: string, boardId: string, patch: { title?: string; archived?: boolean }, now = Date.now()): BoardDto {
  const { board } = requireBoard(db, boardId, userId, 'renameBoard');
  if (patch.archived !== undefined && patch.archived !== (board.archived_at !== null)) {
    requireBoard(db, boardId, userId, 'archiveBoard');
  }
  const title = patch.title ?? board.title;
  const archivedAt = patch.archived === undefined ? board.archived_at : patch.archived ? (board.archived_at ?? now) : null;
  boards.update(db, boardId, title, archivedAt, now);
  return boardDto({ ...board, title, archived_at: archivedAt, updated_at: now });
}

export function archiveBoard(db: Db, userId: string, boardId: string, now = Date.now()): BoardDto {
  return updateBoard(db, userId, boardId, { archived: true }, now);
}
