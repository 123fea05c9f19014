// boards/: the board indexer. After edits settle (debounced, with a maximum wait so a board edited
// without pause is still indexed), it derives a board's items — title, period, status, responsibles,
// where each sits — from the live document into the board_items table that dashboards read, writing
// only the rows that changed. Documents are whatever clients wrote: a document that cannot be read is
// logged and its old rows stay. Each index also records what changed (boards/activity.ts), each
// change credited to the accounts whose committed updates touched that item, and publishes one event
// that carries everything a page needs to follow the board (SPEC F3).
import { boardItemsOf, boardSummaryOf, BOARD_KINDS, todayIso, workspaceItemOn, type BoardIndexedEvent, type BoardItem, type BoardKind } from '@soplan/shared';
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import { boardItems, boards, users, type Db } from '../db/index.ts';
import { activityDtoOf, changesBetween, diffIndex, recordActivity } from './activity.ts';

export interface BoardIndexerOptions {
  debounceMs: number;
  /** Index at the latest this long after the first unindexed edit. */
  maxWaitMs?: number;
  /** Today's date (ISO); tests pass a fake clock. */
  today?: () => string;
}

/** One committed update: whose it was and the Y.Map keys (item ids at any depth) whose entries it created, changed or deleted. */
export interface CommittedEdit {
  userId: string;
  keys: ReadonlySet<string>;
}

/** For each key touched since the last index, the accounts that touched it. */
type Touched = Map<string, Set<string>>;

interface Pending {
  timer: NodeJS.Timeout;
  /** The first and the latest unindexed edit. */
  since: number;
  last: number;
  docOf: () => Y.Doc;
  touched: Touched;
}

export interface IndexedEvent {
  boardId: string;
  workspaceId: string;
  /** What the live feed sends the workspace's room, computed here so nobody reads the rows back. */
  payload: BoardIndexedEvent;
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
   * Notes that the board changed; `docOf` gives its live document when the indexer runs, `edit` who
   * committed the update and which keys it touched. Called for every committed update, so it only
   * records: one timer per board re-arms itself until the edits settle (or the maximum wait is reached).
   */
  schedule(boardId: string, docOf: () => Y.Doc, edit?: CommittedEdit): void {
    const now = Date.now();
    let pending = this.#pending.get(boardId);
    if (pending) {
      pending.last = now;
      pending.docOf = docOf;
    } else {
      pending = { timer: this.#arm(boardId, this.#debounceMs), since: now, last: now, docOf, touched: new Map() };
      this.#pending.set(boardId, pending);
    }
    if (!edit) return;
    for (const key of edit.keys) {
      const who = pending.touched.get(key);
      if (who) who.add(edit.userId);
      else pending.touched.set(key, new Set([edit.userId]));
    }
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
      this.indexNow(id, pending.docOf(), pending.touched);
    }
  }

  /** Forgets what is scheduled for the board without indexing it: its live document was dropped (SPEC D5). */
  discard(boardId: string): void {
    const pending = this.#pending.get(boardId);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.#pending.delete(boardId);
  }

  /**
   * Derives and stores the board's items and what changed in them; returns how many items, or null
   * when it could not. `touched` says who touched which keys since the last index; an index of a board
   * never indexed that covers no edit (a seeded board) is its baseline and records no activity.
   */
  indexNow(boardId: string, doc: Y.Doc, touched: ReadonlyMap<string, ReadonlySet<string>> = new Map()): number | null {
    return this.#index(boardId, (kind, today) => boardItemsOf(kind, doc, today), touched);
  }

  /**
   * Stores a new board's items as derived where its document was built (off the event loop, with the
   * same `boardItemsOf`): its baseline, recording no activity.
   */
  indexItems(boardId: string, items: readonly BoardItem[]): number | null {
    return this.#index(boardId, () => items, new Map());
  }

  #index(boardId: string, itemsOf: (kind: BoardKind, today: string) => readonly BoardItem[], touched: ReadonlyMap<string, ReadonlySet<string>>): number | null {
    try {
      const board = boards.byId(this.#db, boardId);
      if (!board || !BOARD_KINDS.includes(board.kind as BoardKind)) return null;
      const ref = { id: board.id, title: board.title, kind: board.kind as BoardKind };
      const today = this.#today();
      const items = [...itemsOf(ref.kind, today)];
      const at = Date.now();
      const { diff, recorded } = this.#db.transaction(() => {
        const previous = boardItems.ofBoard(this.#db, boardId);
        const baseline = touched.size === 0 && !boardItems.wasIndexed(this.#db, boardId);
        const diff = diffIndex(previous, items);
        boardItems.write(this.#db, boardId, { upsert: diff.upsert, remove: diff.removed, count: items.length, today, at });
        const changes = baseline ? [] : changesBetween(previous, items);
        return { diff, recorded: recordActivity(this.#db, { workspaceId: board.workspace_id, boardId }, changes, touched, at) };
      })();
      const quiet = diff.changed.length === 0 && diff.removed.length === 0 && recorded.lines.length === 0 && recorded.removed.length === 0;
      // An archived board is off every dashboard; nothing about it is published.
      if (!quiet && board.archived_at === null)
        this.#publish(board.workspace_id, boardId, {
          workspaceId: board.workspace_id,
          today,
          board: boardSummaryOf(ref, items),
          items: diff.changed.map((item) => workspaceItemOn(item, ref, today)),
          removedItemIds: diff.removed,
          activity: recorded.lines.sort((a, b) => b.id - a.id).map((row) => activityDtoOf(row, board.title, (id) => users.byId(this.#db, id)?.name ?? '')),
          removedActivityIds: recorded.removed,
        });
      return items.length;
    } catch (err) {
      this.#log.error({ err, boardId }, 'indexing a board failed; its previous index stays');
      return null;
    }
  }

  #publish(workspaceId: string, boardId: string, payload: BoardIndexedEvent): void {
    for (const listener of this.#listeners) listener({ boardId, workspaceId, payload });
  }

  /** Calls `listener` after each board is indexed with a change to tell (the live dashboard feed listens here). */
  onIndexed(listener: (event: IndexedEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.flush();
  }
}
