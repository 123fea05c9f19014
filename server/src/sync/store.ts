// Where board documents live: an append-only update log plus a snapshot per board. One interface,
// two implementations (SQLite for the server, memory for unit tests), one contract suite for both.
import { boardDocuments, type Db } from '../db/index.ts';
import type { StoredDocument } from '../db/queries/board-documents.ts';

export type { StoredDocument };

export interface DocumentStore {
  load(boardId: string): StoredDocument;
  /** Appends all entries atomically, in order; returns each entry's sequence number in its board. */
  append(entries: { boardId: string; update: Uint8Array }[]): number[];
  /** Atomically replaces the snapshot with `snapshot` and drops log entries up to `throughSeq`. */
  compact(boardId: string, snapshot: Uint8Array, throughSeq: number): void;
}

export function sqliteDocumentStore(db: Db): DocumentStore {
  // Sequence numbers are handed out here (one writer process); a board's counter starts from disk.
  const lastSeqs = new Map<string, number>();
  const nextSeq = (boardId: string) => {
    const seq = (lastSeqs.get(boardId) ?? boardDocuments.lastSeq(db, boardId)) + 1;
    lastSeqs.set(boardId, seq);
    return seq;
  };
  return {
    load: (boardId) => boardDocuments.load(db, boardId),
    append(entries) {
      const before = new Map(entries.map((e) => [e.boardId, lastSeqs.get(e.boardId)]));
      const numbered = entries.map((e) => ({ ...e, seq: nextSeq(e.boardId) }));
      try {
        boardDocuments.append(db, numbered);
      } catch (err) {
        for (const [boardId, seq] of before) if (seq === undefined) lastSeqs.delete(boardId);
        else lastSeqs.set(boardId, seq);
        throw err;
      }
      return numbered.map((e) => e.seq);
    },
    compact: (boardId, snapshot, throughSeq) => boardDocuments.compact(db, boardId, snapshot, throughSeq),
  };
}

export function memoryDocumentStore(): DocumentStore {
  const logs = new Map<string, { seq: number; update: Uint8Array }[]>();
  const lastSeqs = new Map<string, number>();
  const snapshots = new Map<string, { data: Uint8Array; throughSeq: number }>();
  return {
    load(boardId) {
      const snap = snapshots.get(boardId);
      const rows = (logs.get(boardId) ?? []).filter((r) => r.seq > (snap?.throughSeq ?? 0));
      return { snapshot: snap?.data ?? null, updates: rows.map((r) => r.update), lastSeq: rows.at(-1)?.seq ?? snap?.throughSeq ?? 0 };
    },
    append(entries) {
      if (entries.some((e) => !(e.update instanceof Uint8Array))) throw new TypeError('an update must be bytes');
      return entries.map((e) => {
        const seq = (lastSeqs.get(e.boardId) ?? 0) + 1;
        lastSeqs.set(e.boardId, seq);
        const log = logs.get(e.boardId) ?? [];
        log.push({ seq, update: e.update.slice() });
        logs.set(e.boardId, log);
        return seq;
      });
    },
    compact(boardId, snapshot, throughSeq) {
      const current = snapshots.get(boardId);
      if (!current || current.throughSeq <= throughSeq) snapshots.set(boardId, { data: snapshot.slice(), throughSeq });
      logs.set(boardId, (logs.get(boardId) ?? []).filter((r) => r.seq > throughSeq));
    },
  };
}
