// The indexer adapter hook (SPEC rule F3): every committed change of a board schedules the board
// indexer, saying whose update it was and which items it touched, so activity is credited per item;
// a room leaving memory is indexed at once, while its document is still there; a room reset (D5) is
// not indexed at all, since its document holds what was never stored.
import type { BoardIndexer } from '../boards/indexer.ts';
import type { SyncHook } from './types.ts';

export function indexingHook(indexer: BoardIndexer): SyncHook {
  return {
    name: 'indexing',
    afterCommit(conn, { room, keys }) {
      indexer.schedule(room.boardId, () => room.doc, { userId: conn.userId, keys });
    },
    onUnload(room) {
      indexer.flush(room.boardId);
    },
    onReset(room) {
      indexer.discard(room.boardId);
    },
  };
}
