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

export class Room {
  readonly boardId: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  readonly #owners = new Map<number, Connection>();
  readonly #persistence: Persistence;
  readonly #log: Logger;
  #lastTransactionChanged = false;
  /** Updates a viewer sent and the room dropped (for tests and metrics). */
  droppedUpdates = 0;

  readonly #onCommitted: () => void;

  /** `onCommitted` runs after each committed change of the document (the board indexer listens). */
  constructor(boardId: string, persistence: Persistence, log: Logger, onCommitted: () => void = () => undefined) {
    this.boardId = boardId;
    this.#onCommitted = onCommitted;
    this.#persistence = persistence;
    this.#log = log;
    this.doc = persistence.load(boardId);
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);

    this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      this.#lastTransactionChanged = transaction.deleteSet.clients.size > 0 || clocksMoved(transaction);
    });

    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const changed = [...added, ...updated, ...removed];
      const message = frame(SYNC_MESSAGE.awareness, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
      for (const conn of this.connections) this.#send(conn, message);
    });
  }

  join(conn: Connection): void {
    this.connections.add(conn);
    this.#send(
      conn,
      frame(SYNC_MESSAGE.sync, (e) => {
        encoding.writeVarUint(e, SYNC_STEP.step1);
        encoding.writeVarUint8Array(e, Y.encodeStateVector(this.doc));
      }),
    );
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) {
      this.#send(conn, frame(SYNC_MESSAGE.awareness, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, states))));
    }
  }

  leave(conn: Connection): void {
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
      const diff = Y.encodeStateAsUpdate(this.doc, payload);
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
      this.#onCommitted();
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
    this.awareness.destroy();
    this.doc.destroy();
  }
}
