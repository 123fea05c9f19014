// Where board documents live: an append-only update log plus a snapshot per board. One interface,
// two implementations (SQLite for the server, memory for unit tests), one contract suite for both.
import { boardDocuments, type Db } from '../db/index.ts';
import type { StoredDocument } from '../db/queries/board-documents.ts';

export type { StoredDocument };

export interface DocumentStore {
  load(boardId: string): StoredDocument;
  /** Appends all entries atomically, in order; returns their ids. */
  append(entries: { boardId: string; update: Uint8Array }[]): number[];
  /** Atomically replaces the snapshot with `snapshot` and drops log entries up to `throughId`. */
  compact(boardId: string, snapshot: Uint8Array, throughId: number): void;
}

export function sqliteDocumentStore(db: Db): DocumentStore {
  return {
    load: (boardId) => boardDocuments.load(db, boardId),
    append: (entries) => boardDocuments.append(db, entries),
    compact: (boardId, snapshot, throughId) => boardDocuments.compact(db, boardId, snapshot, throughId),
  };
}

export function memoryDocumentStore(): DocumentStore {
  let nextId = 1;
  const logs = new Map<string, { id: number; update: Uint8Array }[]>();
  const snapshots = new Map<string, { data: Uint8Array; throughId: number }>();
  return {
    load(boardId) {
      const snap = snapshots.get(boardId);
      const rows = (logs.get(boardId) ?? []).filter((r) => r.id > (snap?.throughId ?? 0));
      return { snapshot: snap?.data ?? null, updates: rows.map((r) => r.update), lastUpdateId: rows.at(-1)?.id ?? snap?.throughId ?? 0 };
    },
    append(entries) {
      return entries.map((e) => {
        const id = nextId++;
        const log = logs.get(e.boardId) ?? [];
        log.push({ id, update: e.update.slice() });
        logs.set(e.boardId, log);
        return id;
      });
    },
    compact(boardId, snapshot, throughId) {
      const current = snapshots.get(boardId);
      if (!current || current.throughId <= throughId) snapshots.set(boardId, { data: snapshot.slice(), throughId });
      logs.set(boardId, (logs.get(boardId) ?? []).filter((r) => r.id > throughId));
    },
  };
}
