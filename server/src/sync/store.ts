// Where board documents live: one update log for every board plus a snapshot per board. One
// interface, two implementations (SQLite for the server, memory for unit tests), one contract
// suite for both.
import { boardDocuments, type Db } from '../db/index.ts';
import type { StoredDocument } from '../db/queries/board-documents.ts';

export type { StoredDocument };

export interface DocumentStore {
  load(boardId: string): StoredDocument;
  /**
   * Appends all entries atomically, in order; returns each entry's sequence number. Sequence
   * numbers only grow, across every board and for the life of the store, trims included.
   */
  append(entries: { boardId: string; update: Uint8Array }[]): number[];
  /** Makes `snapshot` the board's snapshot, folding its log through `throughSeq`, unless a newer one is stored. */
  compact(boardId: string, snapshot: Uint8Array, throughSeq: number): void;
  /** Boards whose log holds updates their snapshot does not fold (what a crash leaves behind). */
  unfoldedBoards(): string[];
  /** Drops the log entries before the first one some board still needs; returns how many. */
  trim(): number;
}

export function sqliteDocumentStore(db: Db): DocumentStore {
  // Sequence numbers are handed out here (one writer process), continuing from the database.
  let lastSeq: number | null = null;
  return {
    load: (boardId) => boardDocuments.load(db, boardId),
    append(entries) {
      const before = lastSeq ?? boardDocuments.lastSeq(db);
      const numbered = entries.map((e, i) => ({ ...e, seq: before + i + 1 }));
      boardDocuments.append(db, numbered);
      lastSeq = before + entries.length;
      return numbered.map((e) => e.seq);
    },
    compact: (boardId, snapshot, throughSeq) => boardDocuments.compact(db, boardId, snapshot, throughSeq),
    unfoldedBoards: () => boardDocuments.unfoldedBoards(db),
    trim: () => boardDocuments.trimLog(db),
  };
}

export function memoryDocumentStore(): DocumentStore {
  let log: { seq: number; boardId: string; update: Uint8Array }[] = [];
  let lastSeq = 0;
  const snapshots = new Map<string, { data: Uint8Array; throughSeq: number }>();
  const folded = (e: { seq: number; boardId: string }) => e.seq <= (snapshots.get(e.boardId)?.throughSeq ?? 0);
  return {
    load(boardId) {
      const snap = snapshots.get(boardId);
      const rows = log.filter((e) => e.boardId === boardId && !folded(e));
      return { snapshot: snap?.data ?? null, updates: rows.map((r) => r.update), lastSeq: rows.at(-1)?.seq ?? snap?.throughSeq ?? 0 };
    },
    append(entries) {
      if (entries.some((e) => !(e.update instanceof Uint8Array))) throw new TypeError('an update must be bytes');
      return entries.map((e) => {
        log.push({ seq: ++lastSeq, boardId: e.boardId, update: e.update.slice() });
        return lastSeq;
      });
    },
    compact(boardId, snapshot, throughSeq) {
      const current = snapshots.get(boardId);
      if (!current || current.throughSeq <= throughSeq) snapshots.set(boardId, { data: snapshot.slice(), throughSeq });
    },
    unfoldedBoards: () => [...new Set(log.filter((e) => !folded(e)).map((e) => e.boardId))],
    trim() {
      const first = log.findIndex((e) => !folded(e));
      const dropped = first === -1 ? log.length : first;
      log = log.slice(dropped);
      return dropped;
    },
  };
}
