// A board's document built from its JSON form (SPEC B10), as board creation, copies and the demo
// seed store it: every typed field a Y.Text, refused when it would not leave room to edit it (L6),
// with the items to index it by. Apart from board-jobs.ts so the seed loads no export writer.
import { boardFromJson, boardItemsOf, SYNC_LIMITS, upgradeTypedFields, type BoardJson } from '@soplan/shared';
import * as Y from 'yjs';
import { documentStructs } from '../sync/limits.ts';
import type { BuiltBoard } from '../workspaces/board-service.ts';
import { ImportFailure } from './import/import-failure.ts';

/** How many structs a new board's document may hold: a margin under the sync bound (L6), so the board can still be edited. */
export const MAX_NEW_BOARD_STRUCTS = Math.floor(SYNC_LIMITS.documentStructs * 0.75);

export function build(content: BoardJson, title: string, today: string): BuiltBoard {
  const doc = boardFromJson({ ...content, title });
  upgradeTypedFields(content.kind, doc);
  const structs = documentStructs(doc);
  if (structs > MAX_NEW_BOARD_STRUCTS)
    throw new ImportFailure('import_too_complex', `The board would hold ${structs} structs, more than a new board may (${MAX_NEW_BOARD_STRUCTS})`, {
      structs,
      maxStructs: MAX_NEW_BOARD_STRUCTS,
    });
  const built = { kind: content.kind, title, update: Y.encodeStateAsUpdate(doc), items: boardItemsOf(content.kind, doc, today) };
  doc.destroy();
  return built;
}
