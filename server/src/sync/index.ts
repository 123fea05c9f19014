// sync/: the /sync/:boardId WebSocket endpoint speaking the y-websocket protocol. Composed in order:
// auth.ts (who may connect) → room.ts (documents, fan-out) with persistence.ts (group commit,
// compaction, over store.ts), presence.ts (server-set awareness) and limits.ts (frame size, rate).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CLOSE, MAX_SYNC_FRAME_BYTES, type CloseEvent, type OnlineUserDto } from '@soplan/shared';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import type { BoardIndexer } from '../boards/indexer.ts';
import type { AccessEvent, AccessEvents } from '../events.ts';
import { authenticateUpgrade, type SyncIdentity } from './auth.ts';
import { MessageRateLimit } from './limits.ts';
import { Persistence } from './persistence.ts';
import { presenceUser } from './presence.ts';
import { Room } from './room.ts';
import { sqliteDocumentStore, type DocumentStore } from './store.ts';
import type { Connection, SyncSocket } from './types.ts';

export interface SyncOptions {
  db: Db;
  config: Config;
  log: Logger;
  events: AccessEvents;
  store?: DocumentStore;
  indexer?: BoardIndexer;
}

const PING_INTERVAL_MS = 30_000;

/**
 * Frames sent to one socket within a turn leave in one write: the first send corks the TCP socket
 * and the end of the turn uncorks it. A busy board's peers often get several updates per commit,
 * and a system call per frame was the largest single cost of the fan-out.
 */
function socketOf(ws: WebSocket, raw: Duplex): SyncSocket {
  let corked = false;
  const uncork = () => {
    corked = false;
    raw.uncork();
  };
  return {
    get isOpen() {
      return ws.readyState === ws.OPEN;
    },
    send: (data) => {
      if (!corked) {
        corked = true;
        raw.cork();
        process.nextTick(uncork);
      }
      ws.send(data, { binary: true });
    },
    close: (code, reason) => ws.close(code, reason),
  };
}

export class SyncServer {
  readonly rooms = new Map<string, Room>();
  readonly #wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SYNC_FRAME_BYTES, perMessageDeflate: false });
  readonly #persistence: Persistence;
  readonly #unloadTimers = new Map<string, NodeJS.Timeout>();
  readonly #sockets = new Map<Connection, WebSocket>();
  /** Whether a socket answered the last ping; silent ones are dropped at the next. */
  readonly #alive = new WeakMap<WebSocket, boolean>();
  readonly #opts: SyncOptions;
  readonly #stopListening: () => void;
  readonly #ping: NodeJS.Timeout;
  readonly #presenceListeners = new Set<(workspaceId: string) => void>();

  constructor(opts: SyncOptions) {
    this.#opts = opts;
    this.#persistence = new Persistence(opts.store ?? sqliteDocumentStore(opts.db), opts.log, {
      compactAfter: opts.config.syncCompactAfter,
      onCommitFailed: (boardIds) => {
        for (const boardId of boardIds) this.#resetRoom(boardId);
      },
    });
    const recovered = this.#persistence.recover();
    if (recovered > 0) opts.log.info({ boards: recovered }, 'folded the update log left by an unclean stop');
    this.#stopListening = opts.events.on((event) => this.#onAccessEvent(event));
    this.#ping = setInterval(() => this.#pingAll(), PING_INTERVAL_MS);
    this.#ping.unref();
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    let decision;
    try {
      decision = authenticateUpgrade(req, this.#opts.db, this.#opts.config);
    } catch (err) {
      this.#opts.log.error({ err }, 'sync authentication failed');
      decision = { ok: false as const, status: 500, code: 'internal', message: 'Something went wrong on the server' };
    }
    if (!decision.ok) {
      const body = JSON.stringify({ error: { code: decision.code, message: decision.message } });
      socket.end(
        `HTTP/1.1 ${decision.status} ${decision.code}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      return;
    }
    const identity = decision.identity;
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#connect(ws, socket, identity));
  }

  #connect(ws: WebSocket, raw: Duplex, identity: SyncIdentity): void {
    const conn: Connection = {
      socket: socketOf(ws, raw),
      boardId: identity.boardId,
      workspaceId: identity.workspaceId,
      userId: identity.userId,
      sessionId: identity.sessionId,
      tokenId: identity.tokenId,
      readOnly: identity.readOnly,
      user: presenceUser({ id: identity.userId, name: identity.userName }),
      clientIds: new Set(),
      rate: new MessageRateLimit(),
    };
    this.#alive.set(ws, true);
    ws.on('pong', () => this.#alive.set(ws, true));

    const room = this.#room(identity.boardId);
    this.#sockets.set(conn, ws);
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return this.#close(conn, CLOSE.malformedMessage);
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      const verdict = room.receive(conn, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      if (verdict) this.#close(conn, verdict);
    });
    ws.on('close', () => this.#disconnect(conn));
    ws.on('error', (err) => this.#opts.log.debug({ err, boardId: conn.boardId }, 'sync socket error'));
    room.join(conn);
    this.#presenceChanged(conn.workspaceId);
  }

  /** Calls `listener` with the workspace whenever someone opens or leaves one of its boards. */
  onPresence(listener: (workspaceId: string) => void): () => void {
    this.#presenceListeners.add(listener);
    return () => this.#presenceListeners.delete(listener);
  }

  /** Who has which of the workspace's boards open now, one entry per person. */
  onlineIn(workspaceId: string): OnlineUserDto[] {
    const people = new Map<string, OnlineUserDto>();
    for (const conn of this.#sockets.keys()) {
      if (conn.workspaceId !== workspaceId) continue;
      let person = people.get(conn.userId);
      if (!person) people.set(conn.userId, (person = { userId: conn.userId, name: conn.user.name, color: conn.user.color, boardIds: [] }));
      if (!person.boardIds.includes(conn.boardId)) person.boardIds.push(conn.boardId);
    }
    return [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  }

  #presenceChanged(workspaceId: string): void {
    for (const listener of this.#presenceListeners) listener(workspaceId);
  }

  #room(boardId: string): Room {
    const timer = this.#unloadTimers.get(boardId);
    if (timer) {
      clearTimeout(timer);
      this.#unloadTimers.delete(boardId);
    }
    let room = this.rooms.get(boardId);
    if (!room) {
      const indexer = this.#opts.indexer;
      const created = new Room(boardId, this.#persistence, this.#opts.log, indexer ? (origin) => indexer.schedule(boardId, () => created.doc, origin.userId) : undefined);
      this.rooms.set(boardId, (room = created));
    }
    return room;
  }

  #close(conn: Connection, event: CloseEvent): void {
    this.#disconnect(conn);
    conn.socket.close(event.code, event.reason);
  }

  #disconnect(conn: Connection): void {
    if (!this.#sockets.delete(conn)) return;
    this.#presenceChanged(conn.workspaceId);
    const room = this.rooms.get(conn.boardId);
    if (!room) return;
    room.leave(conn);
    if (room.connections.size === 0) this.#scheduleUnload(conn.boardId);
  }

  /** Idle rooms leave memory after a grace period (rule R3), their log folded into a snapshot. */
  #scheduleUnload(boardId: string): void {
    if (this.#unloadTimers.has(boardId)) return;
    const timer = setTimeout(() => {
      this.#unloadTimers.delete(boardId);
      const room = this.rooms.get(boardId);
      if (!room || room.connections.size > 0) return;
      this.#persistence.flush();
      this.#persistence.compactNow(boardId);
      this.#persistence.release(boardId);
      this.#opts.indexer?.flush(boardId);
      room.destroy();
      this.rooms.delete(boardId);
    }, this.#opts.config.syncRoomGraceMs);
    timer.unref();
    this.#unloadTimers.set(boardId, timer);
  }

  /** After a failed commit the in-memory document is ahead of the disk: drop it and let clients resync. */
  #resetRoom(boardId: string): void {
    const room = this.rooms.get(boardId);
    if (!room) return;
    for (const conn of [...room.connections]) this.#close(conn, CLOSE.internalError);
    this.#persistence.release(boardId);
    room.destroy();
    this.rooms.delete(boardId);
  }

  #onAccessEvent(event: AccessEvent): void {
    const match = (conn: Connection): CloseEvent | null => {
      switch (event.type) {
        case 'member-removed':
          return conn.workspaceId === event.workspaceId && conn.userId === event.userId ? CLOSE.accessRevoked : null;
        case 'member-role-changed':
          return conn.workspaceId === event.workspaceId && conn.userId === event.userId ? CLOSE.authorizationChanged : null;
        case 'token-revoked':
          return conn.tokenId === event.tokenId ? CLOSE.accessRevoked : null;
        case 'session-ended':
          return conn.sessionId === event.sessionId ? CLOSE.accessRevoked : null;
        case 'user-sessions-ended':
          return conn.userId === event.userId && conn.sessionId !== null ? CLOSE.authorizationChanged : null;
        case 'board-access-changed':
          return conn.boardId === event.boardId ? CLOSE.authorizationChanged : null;
        case 'boards-listing-changed':
          return null;
      }
    };
    for (const conn of [...this.#sockets.keys()]) {
      const close = match(conn);
      if (close) this.#close(conn, close);
    }
  }

  #pingAll(): void {
    for (const ws of this.#sockets.values()) {
      if (!this.#alive.get(ws)) {
        ws.terminate();
        continue;
      }
      this.#alive.set(ws, false);
      ws.ping();
    }
  }

  async close(): Promise<void> {
    this.#stopListening();
    clearInterval(this.#ping);
    for (const conn of [...this.#sockets.keys()]) this.#close(conn, CLOSE.goingAway);
    this.#persistence.flush();
    this.#opts.indexer?.flush();
    for (const [boardId, room] of this.rooms) {
      this.#persistence.compactNow(boardId);
      room.destroy();
    }
    this.#persistence.close();
    this.rooms.clear();
    for (const t of this.#unloadTimers.values()) clearTimeout(t);
    this.#wss.close();
  }
}
