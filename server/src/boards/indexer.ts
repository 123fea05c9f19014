// boards/: the board indexer. After edits settle (debounced, with a maximum wait so a board edited
// without pause is still indexed), it derives a board's items — title, period, status, responsibles,
// overdue — from the live document into the board_items table that dashboards read. Documents are
// whatever clients wrote: a document that cannot be read is logged and its old rows stay. Each index
// after the first also records what changed (boards/activity.ts), credited to the accounts whose
// committed edits it covers.
import { boardItemsOf, BOARD_KINDS, todayIso, type BoardKind } from '@soplan/shared';
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import { boardActivity, boardItems, boards, type Db } from '../db/index.ts';
import { changesBetween } from './activity.ts';

export interface BoardIndexerOptions {
  debounceMs: number;
  /** Index at the latest this long after the first unindexed edit. */
  maxWaitMs?: number;
  today?: () => string;
}

interface Pending {
  timer: NodeJS.Timeout;
  /** The first and the latest unindexed edit. */
  since: number;
  last: number;
  docOf: () => Y.Doc;
  /** Accounts whose edits arrived since the last index. */
  actors: Set<string>;
}

export interface IndexedEvent {
  boardId: string;
  workspaceId: string;
  /** The activity rows this index recorded. */
  activityIds: number[];
}

export class BoardIndexer {
  readonly #db: Db;
  readonly #log: Logger;
  readonly #debounceMs: number;
  readonly #maxWaitMs: number;
  readonly #today: () => string;
  readonly #pending = new Map<string, Pending>();
  readonly #listeners = new Set<(event: IndexedEvent) => void>();

  constructor(db: Db, log: Logger, options: BoardIndexerOptions) {
    this.#db = db;
    this.#log = log;
    this.#debounceMs = options.debounceMs;
    this.#maxWaitMs = options.maxWaitMs ?? Math.max(options.debounceMs * 3, 1);
    this.#today = options.today ?? (() => todayIso());
  }

  /**
   * Notes that the board changed; `docOf` gives its live document when the indexer runs. Called for
   * every committed update, so it only records the time: one timer per board re-arms itself until
   * the edits settle (or the maximum wait is reached).
   */
  schedule(boardId: string, docOf: () => Y.Doc, actorId?: string): void {
    const now = Date.now();
    const pending = this.#pending.get(boardId);
    if (pending) {
      pending.last = now;
      pending.docOf = docOf;
      if (actorId) pending.actors.add(actorId);
      return;
    }
    this.#pending.set(boardId, { timer: this.#arm(boardId, this.#debounceMs), since: now, last: now, docOf, actors: new Set(actorId ? [actorId] : []) });
  }

  #arm(boardId: string, wait: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      const pending = this.#pending.get(boardId);
      if (!pending) return;
      const now = Date.now();
      const due = Math.min(pending.last + this.#debounceMs, pending.since + this.#maxWaitMs);
      if (due > now) pending.timer = this.#arm(boardId, due - now);
      else this.flush(boardId);
    }, wait);
    timer.unref();
    return timer;
  }

  /** Indexes now whatever is scheduled for the board (or for every board). */
  flush(boardId?: string): void {
    const ids = boardId === undefined ? [...this.#pending.keys()] : [boardId];
    for (const id of ids) {
      const pending = this.#pending.get(id);
      if (!pending) continue;
      clearTimeout(pending.timer);
      this.#pending.delete(id);
      this.indexNow(id, pending.docOf(), [...pending.actors]);
    }
  }

  /** Derives and stores the board's items and what changed in them; returns how many items, or null when it could not. */
  indexNow(boardId: string, doc: Y.Doc, actorIds: string[] = []): number | null {
    try {
      const board = boards.byId(this.#db, boardId);
      if (!board || !BOARD_KINDS.includes(board.kind as BoardKind)) return null;
      const today = this.#today();
      const items = boardItemsOf(board.kind as BoardKind, doc, today);
      const at = Date.now();
      const activityIds = this.#db.transaction(() => {
        const changes = boardItems.wasIndexed(this.#db, boardId) ? changesBetween(boardItems.ofBoard(this.#db, boardId), items) : [];
        boardItems.replace(this.#db, boardId, items, today, at);
        return boardActivity.insert(
          this.#db,
          changes.map((c) => ({ workspace_id: board.workspace_id, board_id: boardId, at, actor_ids: JSON.stringify(actorIds), kind: c.kind, item_id: c.itemId, item_title: c.itemTitle, before: c.before, after: c.after })),
        );
      })();
      const event = { boardId, workspaceId: board.workspace_id, activityIds };
      for (const listener of this.#listeners) listener(event);
      return items.length;
    } catch (err) {
      this.#log.error({ err, boardId }, 'indexing a board failed; its previous index stays');
      return null;
    }
  }

  /** Calls `listener` after each board is indexed (the live dashboard feed listens here). */
  onIndexed(listener: (event: IndexedEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.flush();
  }
}
