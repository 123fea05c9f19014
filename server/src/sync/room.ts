// One board's live document and its fan-out (SPEC rules P1–P9, R1–R4). The room decodes each
// y-websocket message, applies what the connection may change, and sends what peers need; storage,
// presence and limits are the neighbouring modules.
import { CLOSE, SYNC_MESSAGE, SYNC_STEP, type CloseEvent } from '@soplan/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Persistence } from './persistence.ts';
import { sanitizeAwarenessUpdate } from './presence.ts';
import type { Connection } from './types.ts';

class MalformedMessage extends Error {}

/** Whether a transaction integrated any new struct: some client's clock advanced. */
function clocksMoved(transaction: Y.Transaction): boolean {
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true;
  return false;
}

function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** How long a fresh room waits for a client's sync step 1 before it builds its document anyway. */
const BUILD_DELAY_MS = 20;

function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return Y.decodeStateVector(stateVector).size === 0;
}

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
  readonly #owners = new Map<number, Connection>();
  readonly #persistence: Persistence;
  readonly #log: Logger;
  #lastTransactionChanged = false;
  /** Updates a viewer sent and the room dropped (for tests and metrics). */
  droppedUpdates = 0;

  readonly #onCommitted: (origin: Connection) => void;

  /** `onCommitted` runs after each committed change of the document (the board indexer listens). */
  constructor(boardId: string, persistence: Persistence, log: Logger, onCommitted: (origin: Connection) => void = () => undefined) {
    this.boardId = boardId;
    this.#onCommitted = onCommitted;
    this.#persistence = persistence;
    this.#log = log;
    const opened = persistence.open(boardId);
    this.#doc = opened.doc;
    this.#storedState = opened.storedState;
    // Only a board held by a lone snapshot has bytes to answer from; any other is built at once.
    if (!this.#storedState) this.#build();
    this.awareness = new awarenessProtocol.Awareness(this.#doc);
    this.awareness.setLocalState(null);

    this.#doc.on('afterTransaction', (transaction: Y.Transaction) => {
      this.#lastTransactionChanged = transaction.deleteSet.clients.size > 0 || clocksMoved(transaction);
    });

    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const changed = [...added, ...updated, ...removed];
      const message = frame(SYNC_MESSAGE.awareness, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
      for (const conn of this.connections) this.#send(conn, message);
    });
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
    if (states.length > 0) {
      this.#send(conn, frame(SYNC_MESSAGE.awareness, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, states))));
    }
  }

  #sendStep1(conn: Connection): void {
    this.#send(
      conn,
      frame(SYNC_MESSAGE.sync, (e) => {
        encoding.writeVarUint(e, SYNC_STEP.step1);
        encoding.writeVarUint8Array(e, Y.encodeStateVector(this.#doc));
      }),
    );
  }

  leave(conn: Connection): void {
    this.#awaitingStep1.delete(conn);
    if (!this.connections.delete(conn)) return;
    const ids = [...conn.clientIds].filter((id) => this.#owners.get(id) === conn);
    for (const id of ids) this.#owners.delete(id);
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, conn);
  }

  /** Handles one binary frame; returns the close event when the connection must go. */
  receive(conn: Connection, data: Uint8Array): CloseEvent | null {
    if (!conn.rate.take()) return CLOSE.rateLimited;
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case SYNC_MESSAGE.sync:
          this.#receiveSync(conn, decoder);
          break;
        case SYNC_MESSAGE.awareness: {
          const update = decoding.readVarUint8Array(decoder);
          this.#expectEnd(decoder);
          const clean = sanitizeAwarenessUpdate(update, conn, this.#owners);
          if (clean) awarenessProtocol.applyAwarenessUpdate(this.awareness, clean, conn);
          break;
        }
        case SYNC_MESSAGE.queryAwareness:
          this.#expectEnd(decoder);
          this.#send(
            conn,
            frame(SYNC_MESSAGE.awareness, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]))),
          );
          break;
        default:
          return CLOSE.unknownMessageType;
      }
      return null;
    } catch (err) {
      // Decoding errors of lib0 and Yjs are plain Errors: any failure here means the bytes were bad.
      this.#log.debug({ err, boardId: this.boardId }, 'malformed sync message');
      return CLOSE.malformedMessage;
    }
  }

  #receiveSync(conn: Connection, decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    this.#expectEnd(decoder);
    if (step === SYNC_STEP.step1) {
      const diff = this.#storedState && isEmptyStateVector(payload) ? this.#storedState : Y.encodeStateAsUpdate(this.doc, payload);
      this.#send(
        conn,
        frame(SYNC_MESSAGE.sync, (e) => {
          encoding.writeVarUint(e, SYNC_STEP.step2);
          encoding.writeVarUint8Array(e, diff);
        }),
      );
      return;
    }
    if (step !== SYNC_STEP.step2 && step !== SYNC_STEP.update) throw new MalformedMessage(`unknown sync step ${step}`);
    if (conn.readOnly) {
      this.droppedUpdates++;
      return;
    }
    // Yjs reads every struct of an update before integrating any, so undecodable bytes throw here
    // without touching the document (P5).
    const { pendingStructs, pendingDs } = this.doc.store;
    Y.applyUpdate(this.doc, payload, conn);
    // Updates whose dependencies have not arrived yet wait in the store's pending slots: they are
    // news too, and must be stored and forwarded like the rest.
    const changed = this.#lastTransactionChanged || this.doc.store.pendingStructs !== pendingStructs || this.doc.store.pendingDs !== pendingDs;
    if (changed) this.#keepAndForward(conn, payload);
  }

  /**
   * Stores the client's update as it arrived and forwards those same bytes (P4, D1, D2). Yjs could
   * re-encode what the transaction integrated, but the received bytes are an equally valid update
   * (Yjs updates are idempotent), so the room spends no time encoding them again.
   */
  #keepAndForward(origin: Connection, update: Uint8Array): void {
    this.#persistence.append(this.boardId, update);
    const message = frame(SYNC_MESSAGE.sync, (e) => {
      encoding.writeVarUint(e, SYNC_STEP.update);
      encoding.writeVarUint8Array(e, update);
    });
    this.#persistence.afterCommit(this.boardId, () => {
      for (const conn of this.connections) if (conn !== origin && conn.socket.isOpen) conn.socket.send(message);
      this.#onCommitted(origin);
    });
    this.#persistence.maybeCompact(this.boardId);
  }

  #expectEnd(decoder: decoding.Decoder): void {
    if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes');
  }

  /** Sends once every update the room holds so far is on disk (rule D2). */
  #send(conn: Connection, message: Uint8Array): void {
    this.#persistence.afterCommit(this.boardId, () => {
      if (conn.socket.isOpen) conn.socket.send(message);
    });
  }

  destroy(): void {
    clearTimeout(this.#buildTimer);
    this.awareness.destroy();
    this.#doc.destroy();
  }
}
