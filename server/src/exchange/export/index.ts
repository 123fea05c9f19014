// export/: a board out of Soplan. Today the board JSON form (SPEC B10), which import reads back into
// the same board, and the flat list of its items; the document formats (DOCX, PDF, XLSX) follow.
import { boardToJson, type BoardItemDto, type BoardJson } from '@soplan/shared';
import type { Db } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import { loadBoardDocument, requireBoard } from '../../workspaces/index.ts';
import { boardItemList } from './board-items.ts';
import { fileNameOf } from './file-name.ts';

export const EXPORT_FORMATS = ['json'] as const;

export function exportBoard(db: Db, userId: string, boardId: string, format: string, today: string): { body: BoardJson; fileName: string } {
  const { board } = requireBoard(db, boardId, userId);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new AppError('validation_failed', `Unknown export format «${format}»`, {
      issues: [{ path: 'format', code: 'invalid_option', message: 'unknown format', params: { options: EXPORT_FORMATS.join(', ') } }],
    });
  const doc = loadBoardDocument(db, board.id);
  try {
    return { body: boardToJson(board.kind, board.title, doc, today), fileName: `${fileNameOf(board.title)}.json` };
  } finally {
    doc.destroy();
  }
}

export function listBoardItems(db: Db, userId: string, boardId: string, today: string): BoardItemDto[] {
  const { board } = requireBoard(db, boardId, userId);
  const doc = loadBoardDocument(db, board.id);
  try {
    return boardItemList(board.kind, doc, today);
  } finally {
    doc.destroy();
  }
}
