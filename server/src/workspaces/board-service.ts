import { upgradeTypedFields, type BoardDto, type BoardKind } from '@soplan/shared';
import * as Y from 'yjs';
import { newId } from '../auth/ids.ts';
import { boardDocuments, boards, type Db } from '../db/index.ts';
import type { AccessEvents } from '../events.ts';
import { DOCUMENT_VERSION } from '../sync/document-upgrade.ts';
import { requireBoard, requireMembership } from './access.ts';
import { boardDto } from './dto.ts';

export function listBoards(db: Db, userId: string, workspaceId: string, includeArchived = false): BoardDto[] {
  requireMembership(db, workspaceId, userId);
  return boards.list(db, workspaceId, includeArchived).map(boardDto);
}

export function createBoard(db: Db, events: AccessEvents, userId: string, workspaceId: string, kind: BoardKind, title: string, now = Date.now()): BoardDto {
  requireMembership(db, workspaceId, userId, 'createBoard');
  const row = {
    id: newId(),
    workspace_id: workspaceId,
    kind,
    title,
    archived_at: null,
    created_by: userId,
    created_at: now,
    updated_at: now,
    document_version: DOCUMENT_VERSION,
  };
  // A new board's document starts with every typed field it always has (a programme's passport) as
  // a Y.Text, so two people's first keystrokes into one never race to create it (SPEC B8).
  const initial = new Y.Doc();
  upgradeTypedFields(kind, initial);
  db.transaction(() => {
    boards.insert(db, row);
    if (initial.store.clients.size > 0) boardDocuments.compact(db, row.id, Y.encodeStateAsUpdate(initial), 0, now);
  })();
  initial.destroy();
  events.emit({ type: 'boards-listing-changed', workspaceId });
  return boardDto(row);
}

export function getBoard(db: Db, userId: string, boardId: string): BoardDto {
  return boardDto(requireBoard(db, boardId, userId).board);
}

/** Renames, archives or restores a board; open connections of an archived or restored board reconnect (S5). */
export function updateBoard(
  db: Db,
  events: AccessEvents,
  userId: string,
  boardId: string,
  patch: { title?: string; archived?: boolean },
  now = Date.now(),
): BoardDto {
  const { board } = requireBoard(db, boardId, userId, 'renameBoard');
  const archiving = patch.archived !== undefined && patch.archived !== (board.archived_at !== null);
  if (archiving) requireBoard(db, boardId, userId, 'archiveBoard');
  const title = patch.title ?? board.title;
  const archivedAt = patch.archived === undefined ? board.archived_at : patch.archived ? (board.archived_at ?? now) : null;
  boards.update(db, boardId, title, archivedAt, now);
  if (archiving) events.emit({ type: 'board-access-changed', boardId });
  events.emit({ type: 'boards-listing-changed', workspaceId: board.workspace_id });
  return boardDto({ ...board, title, archived_at: archivedAt, updated_at: now });
}

export function archiveBoard(db: Db, events: AccessEvents, userId: string, boardId: string, now = Date.now()): BoardDto {
  return updateBoard(db, events, userId, boardId, { archived: true }, now);
}
