// Durability (SPEC rules D1–D5). Every document update is appended to the store before any peer
// can see it: updates that arrive in one event-loop turn are committed together in one transaction
// at the end of the turn (group commit), and whatever a room sends after an update waits for that
// commit. A board's log is folded into a fresh snapshot in the background once it grows long, or
// once it holds back the shared log (D4), and the log rows every snapshot folds are trimmed.
import * as Y from 'yjs';
import type { Logger } from 'pino';
import type { DocumentStore } from './store.ts';
import type { SyncHook } from './types.ts';

interface PendingBoard {
  updates: Uint8Array[];
  afterCommit: (() => void)[];
}

interface Tail {
  doc: Y.Doc;
  /** Stored parts not applied to `doc` yet (null once it is built). */
  unapplied: Uint8Array[] | null;
  /** Sequence number of the board's oldest update its snapshot does not fold; null when none. */
  firstSeq: number | null;
  lastSeq: number;
  length: number;
}

export interface PersistenceOptions {
  /** Fold a board's log into a snapshot once it holds this many updates. */
  compactAfter: number;
  /** Fold a board whose oldest unfolded update is this many updates behind the newest (default 20 × compactAfter). */
  logSpan?: number;
  /** How often lagging boards are folded and the log trimmed. */
  maintenanceMs?: number;
  onCommitFailed(boardIds: string[], error: unknown): void;
}

export class Persistence {
  readonly #store: DocumentStore;
  readonly #log: Logger;
  readonly #options: PersistenceOptions;
  readonly #pending = new Map<string, PendingBoard>();
  /** Every loaded board's document and what of its log the snapshot does not fold yet. */
  readonly #tails = new Map<string, Tail>();
  readonly #compactions = new Set<string>();
  readonly #logSpan: number;
  readonly #maintenance: NodeJS.Timeout;
  #headSeq = 0;
  #flushScheduled = false;
  #compactScheduled = false;
  #trimDue = false;

  constructor(store: DocumentStore, log: Logger, options: PersistenceOptions) {
    this.#store = store;
    this.#log = log;
    this.#options = options;
    this.#logSpan = options.logSpan ?? options.compactAfter * 20;
    this.#maintenance = setInterval(() => this.#maintain(), options.maintenanceMs ?? 1000);
    this.#maintenance.unref();
  }

  /** Folds what a crash left unfolded in the log into snapshots, then trims the log (D3). */
  recover(): number {
    const boards = this.#store.unfoldedBoards();
    for (const boardId of boards) {
      if (this.#tails.has(boardId)) continue;
      const doc = this.load(boardId);
      this.compactNow(boardId);
      this.release(boardId);
      doc.destroy();
    }
    this.#trim();
    return boards.length;
  }

  /**
   * Opens a board: reads what is stored and returns an empty Y.Doc that `documentOf` fills on first
   * use, plus the stored state as bytes when a snapshot alone holds it, so a room can answer a new
   * client from those bytes before it builds the document (D3).
   */
  open(boardId: string): { doc: Y.Doc; storedState: Uint8Array | null } {
    const stored = this.#store.load(boardId);
    const doc = new Y.Doc();
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    // Rows found unfolded at load are old by definition: the first maintenance pass folds them.
    this.#tails.set(boardId, { doc, unapplied: parts, firstSeq: stored.updates.length > 0 ? 0 : null, lastSeq: stored.lastSeq, length: stored.updates.length });
    return { doc, storedState: stored.updates.length === 0 ? stored.snapshot : null };
  }

  /** The board's document with everything stored applied; an unreadable stored update is logged and skipped, never fatal. */
  documentOf(boardId: string): Y.Doc {
    const tail = this.#tails.get(boardId);
    if (!tail) throw new Error(`board ${boardId} is not open`);
    const parts = tail.unapplied;
    tail.unapplied = null;
    for (const [i, part] of (parts ?? []).entries()) {
      try {
        Y.applyUpdate(tail.doc, part);
      } catch (err) {
        this.#log.error({ err, boardId, part: i }, 'skipped an unreadable stored update');
      }
    }
    return tail.doc;
  }

  /** Opens a board and builds its document at once. */
  load(boardId: string): Y.Doc {
    this.open(boardId);
    return this.documentOf(boardId);
  }

  /** Queues an update for this turn's commit. */
  append(boardId: string, update: Uint8Array): void {
    let board = this.#pending.get(boardId);
    if (!board) this.#pending.set(boardId, (board = { updates: [], afterCommit: [] }));
    board.updates.push(update);
    if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Runs `fn` once everything queued for the board is on disk (at once when nothing is queued). */
  afterCommit(boardId: string, fn: () => void): void {
    const board = this.#pending.get(boardId);
    if (board) board.afterCommit.push(fn);
    else fn();
  }

  /** Commits everything queued, in one transaction, then releases what waited for it. */
  flush(): void {
    this.#flushScheduled = false;
    if (this.#pending.size === 0) return;
    const batch = [...this.#pending];
    this.#pending.clear();
    const entries = batch.flatMap(([boardId, b]) => b.updates.map((update) => ({ boardId, update })));
    let seqs: number[];
    try {
      seqs = this.#store.append(entries);
    } catch (error) {
      this.#log.error({ err: error, boards: batch.map(([id]) => id) }, 'committing document updates failed');
      this.#options.onCommitFailed(
        batch.map(([id]) => id),
        error,
      );
      return;
    }
    let at = 0;
    for (const [boardId, b] of batch) {
      const tail = this.#tails.get(boardId);
      if (tail) {
        tail.firstSeq ??= seqs[at]!;
        tail.lastSeq = seqs[at + b.updates.length - 1]!;
        tail.length += b.updates.length;
      }
      at += b.updates.length;
    }
    this.#headSeq = seqs.at(-1) ?? this.#headSeq;
    // One room's failing callback must not keep the others' sends back.
    for (const [boardId, b] of batch) {
      for (const fn of b.afterCommit) {
        try {
          fn();
        } catch (err) {
          this.#log.error({ err, boardId }, 'sending after a commit failed');
        }
      }
    }
  }

  /** Asks for a background compaction when the board's log is long. */
  maybeCompact(boardId: string): void {
    const tail = this.#tails.get(boardId);
    if (tail && tail.length >= this.#options.compactAfter) this.#requestCompaction(boardId);
  }

  #requestCompaction(boardId: string): void {
    this.#compactions.add(boardId);
    if (!this.#compactScheduled) {
      this.#compactScheduled = true;
      setTimeout(() => this.#runCompactions(), 0);
    }
  }

  /** One board per macrotask, so many boards crossing the threshold together never stall the loop. */
  #runCompactions(): void {
    const next = this.#compactions.values().next();
    if (next.done) {
      this.#compactScheduled = false;
      return;
    }
    const boardId = next.value;
    this.#compactions.delete(boardId);
    this.compactNow(boardId);
    setImmediate(() => this.#runCompactions());
  }

  /** Folds the boards that hold back the shared log, and trims what every snapshot folds. */
  #maintain(): void {
    for (const [boardId, tail] of this.#tails) {
      if (tail.firstSeq !== null && this.#headSeq - tail.firstSeq > this.#logSpan) this.#requestCompaction(boardId);
    }
    if (this.#trimDue) this.#trim();
  }

  #trim(): void {
    this.#trimDue = false;
    try {
      const dropped = this.#store.trim();
      if (dropped > 0) this.#log.debug({ dropped }, 'trimmed the update log');
    } catch (err) {
      this.#log.error({ err }, 'trimming the update log failed; it is tried again later');
      this.#trimDue = true;
    }
  }

  /** Folds the board's committed log into a snapshot of its document, which holds every committed update. */
  compactNow(boardId: string): void {
    const tail = this.#tails.get(boardId);
    if (!tail || tail.length === 0) return;
    try {
      this.#store.compact(boardId, Y.encodeStateAsUpdate(this.documentOf(boardId)), tail.lastSeq);
      tail.length = 0;
      tail.firstSeq = null;
      this.#trimDue = true;
      this.#log.debug({ boardId, throughSeq: tail.lastSeq }, 'compacted board log');
    } catch (err) {
      this.#log.error({ err, boardId }, 'compaction failed; the log stays as it is');
    }
  }

  /** Forgets an unloaded board (after its pending updates were flushed). */
  release(boardId: string): void {
    this.#tails.delete(boardId);
    this.#compactions.delete(boardId);
  }

  /** Stops background maintenance and trims once more; call after the last flush and compactions. */
  close(): void {
    clearInterval(this.#maintenance);
    if (this.#trimDue) this.#trim();
  }
}

/**
 * The persistence hook: a room leaving memory has its pending updates committed and its log folded
 * (R3); a room reset (D5) is forgotten without folding the document it held.
 */
export function persistenceHook(persistence: Persistence): SyncHook {
  return {
    name: 'persistence',
    onUnload(room) {
      persistence.flush();
      persistence.compactNow(room.boardId);
      persistence.release(room.boardId);
    },
    onReset(room) {
      persistence.release(room.boardId);
    },
  };
}
