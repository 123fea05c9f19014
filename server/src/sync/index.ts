// sync/: the /sync/:boardId WebSocket endpoint speaking the y-websocket protocol. The room (room.ts)
// holds each board's document and its fan-out over persistence.ts (group commit, compaction, over
// store.ts); every other concern is a hook (types.ts), run in this order:
//   1. auth.ts      who may connect, and closes on access changes   (S1–S5)
//   2. limits.ts    connection caps, rates, update cost, time budgets (L1–L10)
//   3. presence.ts  awareness ownership and caps, workspace presence (A1–A6)
//   4. persistence  fold a board's log when its room unloads         (D4, R3)
//   5. indexing.ts  the board indexer after each committed change    (F3)
// Reordering is a one-line change below; the server itself closes a peer that reads too slowly (L10).
// Before any room opens, the log an unclean stop left is
// folded (D3) and documents written before typed fields were Y.Text are upgraded once
// (document-upgrade.ts, B8).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CLOSE, MAX_SYNC_FRAME_BYTES, SYNC_LIMITS, type CloseEvent } from '@soplan/shared';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { BoardIndexer } from '../boards/indexer.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import type { AccessEvents } from '../events.ts';
import { presenceUser, type WorkspacePresence } from '../live/presence.ts';
import { SyncAuth } from './auth.ts';
import { upgradeDocuments } from './document-upgrade.ts';
import { indexingHook } from './indexing.ts';
import { Limits, type LimitsOptions } from './limits.ts';
import { Persistence, persistenceHook } from './persistence.ts';
import { Presence } from './presence.ts';
import { Room } from './room.ts';
import { sqliteDocumentStore, type DocumentStore } from './store.ts';
import type { CommittedChange, ConnectAttempt, Connection, Refusal, SyncHook, SyncIdentity, SyncMessage, SyncSocket } from './types.ts';

export interface SyncOptions {
  db: Db;
  config: Config;
  log: Logger;
  events: AccessEvents;
  presence: WorkspacePresence;
  store?: DocumentStore;
  indexer?: BoardIndexer;
  /** Tests lower the limits. */
  limits?: LimitsOptions['limits'];
}

const PING_INTERVAL_MS = 30_000;

/**
 * Frames sent to one socket within a turn leave in one write: the first send corks the TCP socket
 * and the end of the turn uncorks it. A busy board's peers often get several updates per commit,
 * and a system call per frame was the largest single cost of the fan-out. A peer that does not read
 * what it is sent would hold it in server memory: past `unsentBytes` it is closed instead (L10).
 */
function socketOf(ws: WebSocket, raw: Duplex, unsentBytes: number, tooSlow: () => void): SyncSocket {
  let corked = false;
  const uncork = () => {
    corked = false;
    raw.uncork();
  };
  return {
    get isOpen() {
      return ws.readyState === ws.OPEN;
    },
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
    send: (data) => {
      if (ws.bufferedAmount > unsentBytes) return tooSlow();
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

function refusalResponse(refusal: Refusal): string {
  const body = JSON.stringify({ error: { code: refusal.code, message: refusal.message } });
  return `HTTP/1.1 ${refusal.status} ${refusal.code}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

/**
 * Runs one step of every hook, in order (H2): a hook that throws is logged and the others still run;
 * the first close returned wins.
 */
export function runEach(hooks: readonly SyncHook[], log: Logger, step: string, call: (hook: SyncHook) => CloseEvent | null | void): CloseEvent | null {
  let first: CloseEvent | null = null;
  for (const hook of hooks) {
    try {
      const verdict = call(hook);
      first ??= verdict ?? null;
    } catch (err) {
      log.error({ err, hook: hook.name, step }, 'a sync hook failed');
    }
  }
  return first;
}

export class SyncServer {
  readonly rooms = new Map<string, Room>();
  readonly #wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SYNC_FRAME_BYTES, perMessageDeflate: false });
  readonly #persistence: Persistence;
  readonly #auth: SyncAuth;
  readonly #hooks: readonly SyncHook[];
  readonly #unloadTimers = new Map<string, NodeJS.Timeout>();
  readonly #sockets = new Map<Connection, WebSocket>();
  /** Whether a socket answered the last ping; silent ones are dropped at the next. */
  readonly #alive = new WeakMap<WebSocket, boolean>();
  readonly #opts: SyncOptions;
  readonly #ping: NodeJS.Timeout;
  readonly #unsentBytes: number;

  constructor(opts: SyncOptions) {
    this.#opts = opts;
    this.#unsentBytes = opts.limits?.unsentBytes ?? SYNC_LIMITS.unsentBytes;
    const store = opts.store ?? sqliteDocumentStore(opts.db);
    this.#persistence = new Persistence(store, opts.log, {
      compactAfter: opts.config.syncCompactAfter,
      onCommitFailed: (boardIds) => {
        for (const boardId of boardIds) this.#resetRoom(boardId);
      },
    });
    const recovered = this.#persistence.recover();
    if (recovered > 0) opts.log.info({ boards: recovered }, 'folded the update log left by an unclean stop');
    upgradeDocuments(opts.db, store, opts.log); // B8: before any room opens, over the log recovery just folded
    this.#auth = new SyncAuth(opts.db, opts.config, opts.events, {
      close: (conn, event) => this.#close(conn, event),
      connections: () => this.#sockets.keys(),
    });
    this.#hooks = [
      this.#auth,
      new Limits({
        log: opts.log,
        maxConnectionsPerUser: opts.config.syncMaxConnectionsPerUser,
        maxConnectionsPerIp: opts.config.syncMaxConnectionsPerIp,
        limits: { userApplyMsPerSecond: opts.config.syncUserApplyMsPerSecond, ...opts.limits },
      }),
      new Presence(opts.presence),
      persistenceHook(this.#persistence),
      ...(opts.indexer ? [indexingHook(opts.indexer)] : []),
    ];
    this.#ping = setInterval(() => this.#pingAll(), PING_INTERVAL_MS);
    this.#ping.unref();
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const attempt: ConnectAttempt = { req, ip: req.socket.remoteAddress ?? '', identity: null };
    let refusal: Refusal | null = null;
    try {
      for (const hook of this.#hooks) {
        refusal = hook.onConnect?.(attempt) ?? null;
        if (refusal) break;
      }
    } catch (err) {
      this.#opts.log.error({ err }, 'sync authentication failed');
      refusal = { status: 500, code: 'internal', message: 'Something went wrong on the server' };
    }
    const identity = attempt.identity;
    if (refusal || !identity) {
      socket.end(refusalResponse(refusal ?? { status: 401, code: 'unauthenticated', message: 'Log in first, or pass ?token=' }));
      return;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#connect(ws, socket, identity, attempt.ip));
  }

  #connect(ws: WebSocket, raw: Duplex, identity: SyncIdentity, ip: string): void {
    const conn: Connection = {
      ...identity,
      socket: socketOf(ws, raw, this.#unsentBytes, () => this.#close(conn, CLOSE.tooSlow)),
      ip,
      user: presenceUser({ id: identity.userId, name: identity.userName }),
      clientIds: new Set(),
    };
    this.#alive.set(ws, true);
    ws.on('pong', () => this.#alive.set(ws, true));

    const room = this.#room(identity.boardId);
    this.#sockets.set(conn, ws);
    ws.on('message', (data, isBinary) => {
      // Frames that came in the same read as the one that closed the connection are not handled.
      if (!this.#sockets.has(conn)) return;
      if (!isBinary) return this.#close(conn, CLOSE.malformedMessage);
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      // Everything the frame costs the event loop (estimate, apply, answer) is charged before the next frame is read (L7).
      const started = performance.now();
      const verdict = room.receive(conn, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      const ms = performance.now() - started;
      const charged = runEach(this.#hooks, this.#opts.log, 'afterMessage', (hook) => hook.afterMessage?.(conn, room, ms));
      const close = verdict ?? charged;
      if (close) this.#close(conn, close);
    });
    ws.on('close', () => this.#disconnect(conn));
    ws.on('error', (err) => this.#opts.log.debug({ err, boardId: conn.boardId }, 'sync socket error'));
    for (const hook of this.#hooks) hook.onJoin?.(conn, room);
    room.join(conn);
  }

  #room(boardId: string): Room {
    const timer = this.#unloadTimers.get(boardId);
    if (timer) {
      clearTimeout(timer);
      this.#unloadTimers.delete(boardId);
    }
    let room = this.rooms.get(boardId);
    if (!room) {
      room = new Room(boardId, this.#persistence, this.#opts.log, {
        message: (conn, message, r) => this.#onMessage(conn, message, r),
        committed: (conn, change) => this.#afterCommit(conn, change),
        corrupted: (conn, broken) => {
          // Part of the update is in the document but can never be stored (D2): drop the room (D5).
          this.#close(conn, CLOSE.malformedMessage);
          this.#resetRoom(broken.boardId);
        },
      });
      this.rooms.set(boardId, room);
    }
    return room;
  }

  #onMessage(conn: Connection, message: SyncMessage, room: Room): CloseEvent | null {
    for (const hook of this.#hooks) {
      const verdict = hook.onMessage?.(conn, message, room);
      if (verdict) return verdict;
    }
    return null;
  }

  #afterCommit(conn: Connection, change: CommittedChange): void {
    const verdict = runEach(this.#hooks, this.#opts.log, 'afterCommit', (hook) => hook.afterCommit?.(conn, change));
    if (verdict) this.#close(conn, verdict);
  }

  #close(conn: Connection, event: CloseEvent): void {
    this.#disconnect(conn);
    conn.socket.close(event.code, event.reason);
  }

  #disconnect(conn: Connection): void {
    if (!this.#sockets.delete(conn)) return;
    const room = this.rooms.get(conn.boardId);
    room?.leave(conn);
    for (const hook of this.#hooks) hook.onDisconnect?.(conn, room);
    if (room && room.connections.size === 0) this.#scheduleUnload(conn.boardId);
  }

  /** Idle rooms leave memory after a grace period (rule R3), their log folded into a snapshot. */
  #scheduleUnload(boardId: string): void {
    if (this.#unloadTimers.has(boardId)) return;
    const timer = setTimeout(() => {
      this.#unloadTimers.delete(boardId);
      const room = this.rooms.get(boardId);
      if (!room || room.connections.size > 0) return;
      this.#unload(room);
    }, this.#opts.config.syncRoomGraceMs);
    timer.unref();
    this.#unloadTimers.set(boardId, timer);
  }

  #unload(room: Room): void {
    for (const hook of this.#hooks) hook.onUnload?.(room);
    room.destroy();
    this.rooms.delete(room.boardId);
  }

  /**
   * After a failed commit, or an update that failed half-way, the in-memory document is ahead of the
   * disk: drop it, and let clients resync from storage (D5).
   */
  #resetRoom(boardId: string): void {
    const room = this.rooms.get(boardId);
    if (!room) return;
    this.rooms.delete(boardId);
    for (const conn of [...room.connections]) this.#close(conn, CLOSE.internalError);
    runEach(this.#hooks, this.#opts.log, 'onReset', (hook) => hook.onReset?.(room));
    room.destroy();
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
    this.#auth.close();
    clearInterval(this.#ping);
    for (const conn of [...this.#sockets.keys()]) this.#close(conn, CLOSE.goingAway);
    for (const t of this.#unloadTimers.values()) clearTimeout(t);
    for (const room of [...this.rooms.values()]) this.#unload(room);
    this.#opts.indexer?.flush();
    this.#persistence.close();
    this.#wss.close();
  }
}
