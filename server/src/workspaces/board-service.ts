import { boardFromJson, boardToJson, shiftBoardJson, upgradeTypedFields, type BoardDto, type BoardJson, type BoardKind } from '@soplan/shared';
import * as Y from 'yjs';
import { newId } from '../auth/ids.ts';
import type { BoardIndexer } from '../boards/indexer.ts';
import { boardDocuments, boards, type Db } from '../db/index.ts';
import type { AccessEvents } from '../events.ts';
import { DOCUMENT_VERSION } from '../sync/document-upgrade.ts';
import { requireBoard, requireMembership } from './access.ts';
import { boardDto } from './dto.ts';

export function listBoards(db: Db, userId: string, workspaceId: string, includeArchived = false): BoardDto[] {
  requireMembership(db, workspaceId, userId);
  return boards.list(db, workspaceId, includeArchived).map(boardDto);
}

/** What a new board starts from: nothing, the content of an import preview (the board JSON form), or a copy of another board. */
export type NewBoard =
  | { kind: BoardKind; title: string; content?: BoardJson }
  | { from: string; title?: string | undefined; shiftYears?: number | undefined; resetStatus?: boolean | undefined };

/**
 * Creates a board. With `content` its document is written from the board JSON form (SPEC B10) in the
 * same transaction as its row, so a board never exists half imported; a copy is the source board's
 * JSON form, shifted by whole years and with statuses reset when asked.
 */
export function createBoard(
  db: Db,
  events: AccessEvents,
  indexer: BoardIndexer,
  userId: string,
  workspaceId: string,
  input: NewBoard,
  today: string,
  now = Date.now(),
): BoardDto {
  requireMembership(db, workspaceId, userId, 'createBoard');
  let kind: BoardKind;
  let title: string;
  let content: BoardJson | undefined;
  if ('from' in input) {
    const source = requireBoard(db, input.from, userId).board;
    const json = boardToJson(source.kind, source.title, loadBoardDocument(db, source.id), today);
    content = shiftBoardJson(json, { years: input.shiftYears ?? 0, resetStatus: input.resetStatus ?? false });
    kind = source.kind;
    title = input.title ?? source.title;
  } else {
    ({ kind, title, content } = input);
  }
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
    template: 0,
  };
  // A new board's document starts with every typed field it always has (a programme's passport, the
  // document header) as a Y.Text, so two people's first keystrokes into one never race to create it (SPEC B8).
  const initial = content ? boardFromJson({ ...content, title }) : new Y.Doc();
  upgradeTypedFields(kind, initial);
  db.transaction(() => {
    boards.insert(db, row);
    if (initial.store.clients.size > 0) boardDocuments.compact(db, row.id, Y.encodeStateAsUpdate(initial), 0, now);
  })();
  if (content) indexer.indexNow(row.id, initial);
  initial.destroy();
  events.emit({ type: 'boards-listing-changed', workspaceId });
  return boardDto(row);
}

/** A board's stored document: its snapshot and the updates logged after it. */
export function loadBoardDocument(db: Db, boardId: string): Y.Doc {
  const stored = boardDocuments.load(db, boardId);
  const doc = new Y.Doc();
  for (const part of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, part);
  return doc;
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
  patch: { title?: string | undefined; archived?: boolean | undefined; template?: boolean | undefined },
  now = Date.now(),
): BoardDto {
  const { board } = requireBoard(db, boardId, userId, 'renameBoard');
  const archiving = patch.archived !== undefined && patch.archived !== (board.archived_at !== null);
  if (archiving) requireBoard(db, boardId, userId, 'archiveBoard');
  if (patch.template !== undefined && patch.template !== (board.template === 1)) requireBoard(db, boardId, userId, 'manageTemplates');
  const title = patch.title ?? board.title;
  const archivedAt = patch.archived === undefined ? board.archived_at : patch.archived ? (board.archived_at ?? now) : null;
  const template = patch.template ?? board.template === 1;
  boards.update(db, boardId, title, archivedAt, template, now);
  if (archiving) events.emit({ type: 'board-access-changed', boardId });
  events.emit({ type: 'boards-listing-changed', workspaceId: board.workspace_id });
  return boardDto({ ...board, title, archived_at: archivedAt, template: template ? 1 : 0, updated_at: now });
}

export function archiveBoard(db: Db, events: AccessEvents, userId: string, boardId: string, now = Date.now()): BoardDto {
  return updateBoard(db, events, userId, boardId, { archived: true }, now);
}
