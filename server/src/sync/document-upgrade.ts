// Upgrading stored board documents to what the writers create now (SPEC rule B8), once per board, at
// start before any room opens: a browser then never has to convert a field itself, which two people
// doing at once would lose one's characters over. `boards.document_version` says which upgrades a
// board has had. The upgrade is appended to the board's log and folded into its snapshot before the
// version is set, so a crash leaves the board either upgraded or redone at the next start (each step
// is idempotent, and so is applying a Yjs update twice).
import { upgradeTypedFields, type BoardKind } from '@soplan/shared';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import { boards, type Db } from '../db/index.ts';
import type { DocumentStore } from './store.ts';

/**
 * Upgrade steps in order: a board at version v has had the first v; returns how many fields a step
 * changed. Each step makes every typed field the writers of its time create a Y.Text; the current
 * writers' set only grows, so each step is `upgradeTypedFields` as it stands now, and a board that
 * skipped versions has the later steps convert nothing twice.
 */
const STEPS: readonly ((kind: BoardKind, doc: Y.Doc) => number)[] = [
  // 1: typed fields of items, the passport and routes (rule B3).
  upgradeTypedFields,
  // 2: the document header on every board (B9) and a programme's plan of events (B7).
  upgradeTypedFields,
];

/** The version of a document every step has upgraded, which new boards start at (their documents are empty). */
export const DOCUMENT_VERSION = STEPS.length;

/** The stored document, or null (logged) when some part of it cannot be read. */
function storedDocument(store: DocumentStore, boardId: string, log: Logger): Y.Doc | null {
  const doc = new Y.Doc();
  try {
    const stored = store.load(boardId);
    for (const part of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, part);
    return doc;
  } catch (err) {
    log.error({ err, boardId }, 'a board document could not be read to upgrade it; it is tried again at the next start');
    doc.destroy();
    return null;
  }
}

/** Upgrades every board below DOCUMENT_VERSION; returns how many documents it changed. */
export function upgradeDocuments(db: Db, store: DocumentStore, log: Logger): number {
  let changed = 0;
  for (const board of boards.needingDocumentUpgrade(db, DOCUMENT_VERSION)) {
    const doc = storedDocument(store, board.id, log);
    if (!doc) continue;
    try {
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      const fields = STEPS.slice(board.document_version).reduce((n, step) => n + step(board.kind, doc), 0);
      if (updates.length > 0) {
        const seqs = store.append(updates.map((update) => ({ boardId: board.id, update })));
        store.compact(board.id, Y.encodeStateAsUpdate(doc), seqs.at(-1)!);
        changed++;
        log.info({ boardId: board.id, fields }, 'upgraded a board document');
      }
      boards.setDocumentVersion(db, board.id, DOCUMENT_VERSION);
    } catch (err) {
      log.error({ err, boardId: board.id }, 'upgrading a board document failed; it is tried again at the next start');
    } finally {
      doc.destroy();
    }
  }
  if (changed > 0) {
    // The log rows the new snapshots fold; persistence trims whatever is left at its next compaction.
    try {
      store.trim();
    } catch (err) {
      log.error({ err }, 'trimming the update log after upgrading documents failed');
    }
  }
  return changed;
}
