// One board's live document and its fan-out (SPEC rules P1–P6, R1–R5). The room decodes each
// y-websocket message, lets the hooks see it, applies what the connection may change, and sends what
// peers need once it is on disk; auth, limits, presence and indexing are hooks around it (types.ts).
import { CLOSE, SYNC_STEP, type CloseEvent } from '@soplan/shared';
import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Persistence } from './persistence.ts';
import { awarenessFrame, decodeMessage, isClose, syncFrame } from './protocol.ts';
import type { CommittedChange, Connection, SyncMessage } from './types.ts';

/** What the room asks of the hooks around it (the server runs them in order). */
export interface RoomHooks {
  message(conn: Connection, message: SyncMessage, room: Room): CloseEvent | null;
  committed(conn: Connection, change: CommittedChange): void;
  /** An update of `conn` made Yjs throw half-way: the document holds part of it, which is never stored. */
  corrupted(conn: Connection, room: Room): void;
}

/** Whether a transaction integrated any new struct: some client's clock advanced. */
function clocksMoved(transaction: Y.Transaction): boolean {
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true;
  return false;
}

/** The keys of every Y.Map entry a transaction touched, and of the entries holding what it touched. */
function touchedKeys(transaction: Y.Transaction): Set<string> {
  const keys = new Set<string>();
  for (const [type, subs] of transaction.changed) {
    for (const sub of subs) if (sub !== null) keys.add(sub);
    for (let item = type._item; item !== null; item = (item.parent as Y.AbstractType<unknown>)._item) {
      if (item.parentSub !== null) keys.add(item.parentSub);
    }
  }
  return keys;
}

/** How long a fresh room waits for a client's sync step 1 before it builds its document anyway. */
const BUILD_DELAY_MS = 20;

/**
 * Awareness changes wait this long and leave as one frame carrying every changed state: a flurry of
 * states costs each peer one frame, and the stock provider, which echoes every frame it hears, one echo.
 */
const AWARENESS_FLUSH_MS = 50;

function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return Y.decodeStateVector(stateVector).size === 0;
}

const NO_HOOKS: RoomHooks = { message: () => null, committed: () => undefined, corrupted: () => undefined };

export class Room {
  readonly boardId: string;
  readonly #doc: Y.Doc;
  /** The stored state as bytes while the document is not built yet and a snapshot alone holds it. */
  #storedState: Uint8Array | null;
  #built = false;
  /** Connections that get the room's sync step 1 once the document is built. */
  readonly #awaitingStep1 = new Set<Connection>();
  #buildTimer: NodeJS.Timeout | undefined;
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  readonly #persistence: Persistence;
  readonly #log: Logger;
  readonly #hooks: RoomHooks;
  /** What the update being applied changed, over every transaction it ran, and the items it touched. */
  #applying: { changed: boolean; keys: Set<string> } = { changed: false, keys: new Set() };
  /** The sync step 2 for an empty state vector (every new client asks for it), until the document next changes. */
  #fullStateFrame: Uint8Array | null = null;
  readonly #awarenessChanged = new Set<number>();
  #awarenessTimer: NodeJS.Timeout | undefined;
  #destroyed = false;

  constructor(boardId: string, persistence: Persistence, log: Logger, hooks: RoomHooks = NO_HOOKS) {
    this.boardId = boardId;
    this.#hooks = hooks;
    this.#persistence = persistence;
    this.#log = log;
    const opened = persistence.open(boardId);
    this.#doc = opened.doc;
    this.#storedState = opened.storedState;
    // Only a board held by a lone snapshot has bytes to answer from; any other is built at once.
    if (!this.#storedState) this.#build();
    this.awareness = new awarenessProtocol.Awareness(this.#doc);
    this.awareness.setLocalState(null);

    // One update may run more than one transaction: after a remote update that formats text, Yjs
    // runs a cleanup transaction of its own. What the update changed is what all of them changed,
    // so a later no-op never hides the update's news (it would be neither stored nor forwarded).
    this.#doc.on('afterTransaction', (transaction: Y.Transaction) => {
      this.#fullStateFrame = null;
      if (!(transaction.deleteSet.clients.size > 0 || clocksMoved(transaction))) return;
      this.#applying.changed = true;
      for (const key of touchedKeys(transaction)) this.#applying.keys.add(key);
    });

    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      for (const id of [...added, ...updated, ...removed]) this.#awarenessChanged.add(id);
      if (!this.#awarenessTimer) {
        this.#awarenessTimer = setTimeout(() => this.#flushAwareness(), AWARENESS_FLUSH_MS);
        this.#awarenessTimer.unref();
      }
    });
  }

  /** Sends every awareness state changed since the last flush to every connection, the sender's included (R2). */
  #flushAwareness(): void {
    this.#awarenessTimer = undefined;
    const ids = [...this.#awarenessChanged];
    this.#awarenessChanged.clear();
    if (ids.length === 0) return;
    const message = awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
    for (const conn of this.connections) this.#send(conn, message);
  }

  /**
   * The board's document, built from storage on first use. A fresh room builds it only once a client
   * needs more than the stored bytes (R5): a new client's sync step 1 is answered with the snapshot
   * as stored, so opening a big board does not wait for the server to decode it.
   */
  get doc(): Y.Doc {
    if (!this.#built) this.#build();
    return this.#doc;
  }

  #build(): void {
    this.#built = true;
    this.#storedState = null;
    clearTimeout(this.#buildTimer);
    this.#persistence.documentOf(this.boardId);
    for (const conn of this.#awaitingStep1) this.#sendStep1(conn);
    this.#awaitingStep1.clear();
  }

  join(conn: Connection): void {
    this.connections.add(conn);
    if (this.#built) this.#sendStep1(conn);
    else {
      this.#awaitingStep1.add(conn);
      if (!this.#buildTimer) {
        this.#buildTimer = setTimeout(() => this.#built || this.#build(), BUILD_DELAY_MS);
        this.#buildTimer.unref();
      }
    }
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) this.#send(conn, awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
  }

  #sendStep1(conn: Connection): void {
    this.#send(conn, syncFrame(SYNC_STEP.step1, Y.encodeStateVector(this.#doc)));
  }

  leave(conn: Connection): void {
    this.#awaitingStep1.delete(conn);
    this.connections.delete(conn);
  }

  /** Handles one binary frame; returns the close event when the connection must go. */
  receive(conn: Connection, data: Uint8Array): CloseEvent | null {
    const message = decodeMessage(data);
    if (isClose(message)) return message;
    try {
      const verdict = this.#hooks.message(conn, message, this);
      if (verdict) return verdict;
      switch (message.type) {
        case 'step1':
          this.#send(
            conn,
            isEmptyStateVector(message.stateVector)
              ? (this.#fullStateFrame ??= syncFrame(SYNC_STEP.step2, this.#storedState ?? Y.encodeStateAsUpdate(this.doc)))
              : syncFrame(SYNC_STEP.step2, Y.encodeStateAsUpdate(this.doc, message.stateVector)),
          );
          break;
        case 'update':
          if (!conn.readOnly && !this.#apply(conn, message.update)) {
            this.#hooks.corrupted(conn, this);
            return CLOSE.malformedMessage;
          }
          break;
        case 'awareness':
          if (message.update) awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, conn);
          break;
        case 'query-awareness':
          this.#send(conn, awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
          break;
      }
      return null;
    } catch (err) {
      // Decoding errors of lib0 and Yjs are plain Errors: any failure here means the bytes were bad.
      this.#log.debug({ err, boardId: this.boardId }, 'malformed sync message');
      return CLOSE.malformedMessage;
    }
  }

  /** Applies an update; false when Yjs threw after integrating part of it, so the document is ahead of what can be stored. */
  #apply(conn: Connection, update: Uint8Array): boolean {
    const doc = this.doc;
    const { pendingStructs, pendingDs } = doc.store;
    this.#applying = { changed: false, keys: new Set() };
    // Updates whose dependencies have not arrived yet wait in the store's pending slots: they are
    // news too, and must be stored and forwarded like the rest.
    const moved = () => this.#applying.changed || doc.store.pendingStructs !== pendingStructs || doc.store.pendingDs !== pendingDs;
    try {
      Y.applyUpdate(doc, update, conn);
    } catch (err) {
      // Yjs reads every struct of an update before integrating any, so undecodable bytes throw
      // without touching the document (P5, rethrown: 4400). A struct that fails mid-integration
      // leaves those before it in the document (afterTransaction runs even when it throws).
      if (!moved()) throw err;
      this.#log.warn({ err, boardId: this.boardId, userId: conn.userId }, 'an update failed half-way through integration; the room is reset');
      return false;
    }
    if (moved()) this.#keepAndForward(conn, update, this.#applying.keys);
    return true;
  }

  /**
   * Stores the client's update as it arrived and forwards those same bytes (P4, D1, D2). Yjs could
   * re-encode what the transaction integrated, but the received bytes are an equally valid update
   * (Yjs updates are idempotent), so the room spends no time encoding them again.
   */
  #keepAndForward(origin: Connection, update: Uint8Array, keys: Set<string>): void {
    this.#persistence.append(this.boardId, update);
    const message = syncFrame(SYNC_STEP.update, update);
    this.#persistence.afterCommit(this.boardId, () => {
      // A room reset before this commit (D5) holds what was never stored: nothing of it may be indexed.
      if (this.#destroyed) return;
      for (const conn of this.connections) if (conn !== origin && conn.socket.isOpen) conn.socket.send(message);
      this.#hooks.committed(origin, { room: this, update, keys });
    });
    this.#persistence.maybeCompact(this.boardId);
  }

  /** Sends once every update the room holds so far is on disk (rule D2). */
  #send(conn: Connection, message: Uint8Array): void {
    this.#persistence.afterCommit(this.boardId, () => {
      if (conn.socket.isOpen) conn.socket.send(message);
    });
  }

  destroy(): void {
    this.#destroyed = true;
    clearTimeout(this.#buildTimer);
    this.awareness.destroy();
    clearTimeout(this.#awarenessTimer); // after: destroying the awareness emits one last update
    this.#doc.destroy();
  }
}
