// Durability (SPEC rules D1–D5). Every document update is appended to the store before any peer
// can see it: updates that arrive in one event-loop turn are committed together in one transaction
// at the end of the turn (group commit), and whatever a room sends after an update waits for that
// commit. A board's log is folded into a fresh snapshot in the background once it grows long.
import * as Y from 'yjs';
import type { Logger } from 'pino';
import type { DocumentStore } from './store.ts';

interface PendingBoard {
  updates: Uint8Array[];
  afterCommit: (() => void)[];
}

export interface PersistenceOptions {
  /** Fold a board's log into a snapshot once it holds this many updates. */
  compactAfter: number;
  onCommitFailed(boardIds: string[], error: unknown): void;
}

export class Persistence {
  readonly #store: DocumentStore;
  readonly #log: Logger;
  readonly #options: PersistenceOptions;
  readonly #pending = new Map<string, PendingBoard>();
  /** Newest committed sequence number and log length per loaded board. */
  readonly #tails = new Map<string, { lastSeq: number; length: number }>();
  readonly #compactions = new Map<string, () => Y.Doc>();
  #flushScheduled = false;
  #compactScheduled = false;

  constructor(store: DocumentStore, log: Logger, options: PersistenceOptions) {
    this.#store = store;
    this.#log = log;
    this.#options = options;
  }

  /** Loads a board into a fresh Y.Doc; an unreadable stored update is logged and skipped, never fatal. */
  load(boardId: string): Y.Doc {
    const stored = this.#store.load(boardId);
    const doc = new Y.Doc();
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    for (const [i, part] of parts.entries()) {
      try {
        Y.applyUpdate(doc, part);
      } catch (err) {
        this.#log.error({ err, boardId, part: i }, 'skipped an unreadable stored update');
      }
    }
    this.#tails.set(boardId, { lastSeq: stored.lastSeq, length: stored.updates.length });
    return doc;
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
      at += b.updates.length;
      const tail = this.#tails.get(boardId) ?? { lastSeq: 0, length: 0 };
      tail.lastSeq = seqs[at - 1]!;
      tail.length += b.updates.length;
      this.#tails.set(boardId, tail);
    }
    for (const [, b] of batch) for (const fn of b.afterCommit) fn();
  }

  /** Asks for a background compaction when the board's log is long; `docOf` gives the live document. */
  maybeCompact(boardId: string, docOf: () => Y.Doc): void {
    const tail = this.#tails.get(boardId);
    if (!tail || tail.length < this.#options.compactAfter || this.#compactions.has(boardId)) return;
    this.#compactions.set(boardId, docOf);
    if (!this.#compactScheduled) {
      this.#compactScheduled = true;
      setTimeout(() => this.#runCompactions(), 0);
    }
  }

  /** One board per macrotask, so many boards crossing the threshold together never stall the loop. */
  #runCompactions(): void {
    const next = this.#compactions.entries().next();
    if (next.done) {
      this.#compactScheduled = false;
      return;
    }
    const [boardId, docOf] = next.value;
    this.#compactions.delete(boardId);
    this.compactNow(boardId, docOf());
    setImmediate(() => this.#runCompactions());
  }

  /** Folds the committed log into a snapshot of `doc`, which holds at least every committed update. */
  compactNow(boardId: string, doc: Y.Doc): void {
    const tail = this.#tails.get(boardId);
    if (!tail || tail.length === 0) return;
    try {
      this.#store.compact(boardId, Y.encodeStateAsUpdate(doc), tail.lastSeq);
      tail.length = 0;
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
}
