import { upgradeTypedFields, type BoardDto, type BoardItem, type BoardKind } from '@soplan/shared';
import * as Y from 'yjs';
import { newId } from '../auth/ids.ts';
import type { BoardIndexer } from '../boards/indexer.ts';
import { boardDocuments, boards, type Db } from '../db/index.ts';
import type { BoardRow } from '../db/queries/boards.ts';
import type { AccessEvents } from '../events.ts';
import { DOCUMENT_VERSION } from '../sync/document-upgrade.ts';
import { requireBoard, requireMembership } from './access.ts';
import { boardDto } from './dto.ts';

export function listBoards(db: Db, userId: string, workspaceId: string, includeArchived = false): BoardDto[] {
  requireMembership(db, workspaceId, userId);
  return boards.list(db, workspaceId, includeArchived).map(boardDto);
}

/**
 * What a new board starts from: nothing, or a document built off the event loop (from an import
 * preview's content or as a copy of another board, exchange/board-jobs.ts) with the items to index.
 */
export type NewBoard = { kind: BoardKind; title: string } | { built: BuiltBoard };

/** A built board's document and items, as board-jobs.ts answers them. */
export interface BuiltBoard {
  kind: BoardKind;
  title: string;
  update: Uint8Array;
  items: BoardItem[];
}

/**
 * Creates a board: its row and its document in one transaction, so a board never exists half
 * imported (SPEC I1), then its index from the items the build derived.
 */
export function createBoard(
  db: Db,
  events: AccessEvents,
  indexer: BoardIndexer,
  userId: string,
  workspaceId: string,
  input: NewBoard,
  now = Date.now(),
): BoardDto {
  requireMembership(db, workspaceId, userId, 'createBoard');
  const built = 'built' in input ? input.built : null;
  const kind = built ? built.kind : (input as { kind: BoardKind }).kind;
  const title = built ? built.title : (input as { title: string }).title;
  const row = boardRow(workspaceId, userId, kind, title, now);
  // A new board's document starts with every typed field it always has (a programme's passport, the
  // document header) as a Y.Text, so two people's first keystrokes into one never race to create it (SPEC B8).
  const update = built ? built.update : emptyDocument(kind);
  db.transaction(() => insertBoard(db, row, update, now))();
  if (built) indexer.indexItems(row.id, built.items);
  events.emit({ type: 'boards-listing-changed', workspaceId });
  return boardDto(row);
}

/** A new board's row, at the current document version (its document is written by the current writers). */
export function boardRow(workspaceId: string, userId: string, kind: BoardKind, title: string, now: number): BoardRow {
  return {
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
}

/** Inserts a board's row and its document's snapshot; call inside a transaction. */
export function insertBoard(db: Db, row: BoardRow, update: Uint8Array, now: number): void {
  boards.insert(db, row);
  boardDocuments.compact(db, row.id, update, 0, now);
}

/** The document a blank board starts with: its always-present typed fields as empty Y.Text. */
function emptyDocument(kind: BoardKind): Uint8Array {
  const doc = new Y.Doc();
  upgradeTypedFields(kind, doc);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** A board's stored document as parts to apply in order: its snapshot and the updates logged after it. */
export function storedParts(db: Db, boardId: string): Uint8Array[] {
  const stored = boardDocuments.load(db, boardId);
  return stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
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
