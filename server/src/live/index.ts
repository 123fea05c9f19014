// live/: the workspace feed. socket.io at /socket.io on Soplan's own port, authenticated by the
// session cookie before the connection is accepted; one room per workspace, joined only by its
// members. The board indexer's results (a board's new counts and what changed in it) and presence
// (who has which board open, who watches the dashboard) go to the workspace's room. A client may
// only join and leave rooms; anything else it sends is dropped with a logged reason.
import type http from 'node:http';
import {
  joinRequest,
  LIVE_PATH,
  MAX_LIVE_MESSAGE_BYTES,
  type LiveClientEvents,
  type LiveServerEvents,
  type OnlineUserDto,
} from '@soplan/shared';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import { isSameOrigin } from '../auth/origin.ts';
import { SESSION_COOKIE, validateSessionToken } from '../auth/sessions.ts';
import { cookieValue } from '../auth/cookies.ts';
import type { BoardIndexer, IndexedEvent } from '../boards/indexer.ts';
import type { Config } from '../config.ts';
import { activityDtos, boardSummary } from '../dashboard/index.ts';
import { boardActivity, members, type Db } from '../db/index.ts';
import type { AccessEvent, AccessEvents } from '../events.ts';
import { presenceUser } from '../sync/presence.ts';
import type { SyncServer } from '../sync/index.ts';

interface SocketData {
  userId: string;
  name: string;
  sessionId: string;
}
type LiveSocket = Socket<LiveClientEvents, LiveServerEvents, Record<string, never>, SocketData>;

const KNOWN_EVENTS = new Set(['workspace:join', 'workspace:leave']);
/** Presence changes come in bursts (a page opening a board, a reconnect): one message per burst. */
const PRESENCE_COALESCE_MS = 100;

const workspaceRoom = (workspaceId: string) => `workspace:${workspaceId}`;

export interface LiveFeedOptions {
  httpServer: http.Server;
  db: Db;
  config: Config;
  log: Logger;
  events: AccessEvents;
  indexer: BoardIndexer;
  sync: SyncServer;
}

export class LiveFeed {
  readonly #io: Server<LiveClientEvents, LiveServerEvents, Record<string, never>, SocketData>;
  readonly #opts: LiveFeedOptions;
  readonly #presenceTimers = new Map<string, NodeJS.Timeout>();
  readonly #unsubscribe: (() => void)[];

  constructor(opts: LiveFeedOptions) {
    this.#opts = opts;
    const { config, db } = opts;
    this.#io = new Server(opts.httpServer, {
      path: LIVE_PATH,
      serveClient: false,
      // /sync upgrades are the sync server's; the HTTP server's own handler refuses unknown paths.
      destroyUpgrade: false,
      maxHttpBufferSize: MAX_LIVE_MESSAGE_BYTES,
      // A browser always names its origin on a WebSocket and on cross-site requests; only Soplan's own may connect.
      allowRequest: (req, callback) => {
        const origin = req.headers.origin;
        callback(null, origin === undefined || isSameOrigin(origin, req.headers.host, config.publicUrl));
      },
    });
    this.#io.use((socket, next) => {
      const token = cookieValue(socket.request.headers.cookie, SESSION_COOKIE);
      const result = token === undefined ? null : validateSessionToken(db, token);
      if (!result) {
        next(new Error('unauthenticated'));
        return;
      }
      socket.data = { userId: result.user.id, name: result.user.name, sessionId: result.session.id };
      next();
    });
    this.#io.on('connection', (socket) => this.#accept(socket));
    this.#unsubscribe = [
      opts.indexer.onIndexed((event) => this.#boardIndexed(event)),
      opts.sync.onPresence((workspaceId) => this.#presenceChanged(workspaceId)),
      opts.events.on((event) => this.#onAccessEvent(event)),
    ];
  }

  #accept(socket: LiveSocket): void {
    const { db, log } = this.#opts;
    socket.onAny((event: string) => {
      if (!KNOWN_EVENTS.has(event)) log.warn({ event: String(event).slice(0, 64), userId: socket.data.userId }, 'dropped an unknown live event');
    });
    socket.on('workspace:join', (request, ack) => {
      const parsed = joinRequest.safeParse(request);
      const reply = typeof ack === 'function' ? ack : () => undefined;
      if (!parsed.success) {
        log.warn({ userId: socket.data.userId }, 'dropped a malformed workspace:join');
        reply({ ok: false, error: 'malformed' });
        return;
      }
      const { workspaceId } = parsed.data;
      if (!members.isMember(db, workspaceId, socket.data.userId)) {
        reply({ ok: false, error: 'not_found' });
        return;
      }
      void socket.join(workspaceRoom(workspaceId));
      reply({ ok: true });
      this.#presenceChanged(workspaceId);
    });
    socket.on('workspace:leave', (request) => {
      const parsed = joinRequest.safeParse(request);
      if (!parsed.success) {
        log.warn({ userId: socket.data.userId }, 'dropped a malformed workspace:leave');
        return;
      }
      void socket.leave(workspaceRoom(parsed.data.workspaceId));
      this.#presenceChanged(parsed.data.workspaceId);
    });
    socket.on('disconnecting', () => {
      for (const room of socket.rooms) if (room.startsWith('workspace:')) this.#presenceChanged(room.slice('workspace:'.length));
    });
  }

  /** Who is online in the workspace: everyone with one of its boards open, and everyone watching its feed. */
  online(workspaceId: string): OnlineUserDto[] {
    const people = new Map(this.#opts.sync.onlineIn(workspaceId).map((p) => [p.userId, p]));
    for (const socket of this.#socketsIn(workspaceId)) {
      if (socket.disconnected || people.has(socket.data.userId)) continue;
      const user = presenceUser({ id: socket.data.userId, name: socket.data.name });
      people.set(user.id, { userId: user.id, name: user.name, color: user.color, boardIds: [] });
    }
    return [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  }

  #socketsIn(workspaceId: string): LiveSocket[] {
    const ids = this.#io.sockets.adapter.rooms.get(workspaceRoom(workspaceId)) ?? new Set<string>();
    return [...ids].flatMap((id) => {
      const socket = this.#io.sockets.sockets.get(id);
      return socket ? [socket] : [];
    });
  }

  #boardIndexed({ boardId, workspaceId, activityIds }: IndexedEvent): void {
    const room = workspaceRoom(workspaceId);
    if (!this.#io.sockets.adapter.rooms.has(room)) return;
    const { db, log } = this.#opts;
    try {
      const board = boardSummary(db, boardId);
      if (!board) return;
      const activity = activityDtos(db, boardActivity.byIds(db, activityIds));
      this.#io.to(room).emit('board:indexed', { workspaceId, board, activity });
    } catch (err) {
      log.error({ err, boardId }, 'could not publish a board index');
    }
  }

  #presenceChanged(workspaceId: string): void {
    if (this.#presenceTimers.has(workspaceId)) return;
    // A leaving socket is still in its rooms while it disconnects; the coalescing delay outlasts that.
    const timer = setTimeout(() => {
      this.#presenceTimers.delete(workspaceId);
      const room = workspaceRoom(workspaceId);
      if (this.#io.sockets.adapter.rooms.has(room)) this.#io.to(room).emit('presence', { workspaceId, online: this.online(workspaceId) });
    }, PRESENCE_COALESCE_MS);
    timer.unref();
    this.#presenceTimers.set(workspaceId, timer);
  }

  #onAccessEvent(event: AccessEvent): void {
    switch (event.type) {
      case 'member-removed':
        for (const socket of this.#socketsIn(event.workspaceId)) if (socket.data.userId === event.userId) void socket.leave(workspaceRoom(event.workspaceId));
        this.#presenceChanged(event.workspaceId);
        return;
      case 'session-ended':
        for (const socket of this.#io.sockets.sockets.values()) if (socket.data.sessionId === event.sessionId) socket.disconnect(true);
        return;
      case 'user-sessions-ended':
        for (const socket of this.#io.sockets.sockets.values()) if (socket.data.userId === event.userId) socket.disconnect(true);
        return;
      case 'boards-listing-changed':
        this.#io.to(workspaceRoom(event.workspaceId)).emit('workspace:changed', { workspaceId: event.workspaceId });
        return;
      default:
        return;
    }
  }

  async close(): Promise<void> {
    for (const stop of this.#unsubscribe) stop();
    for (const timer of this.#presenceTimers.values()) clearTimeout(timer);
    this.#io.disconnectSockets(true);
    // The HTTP server is closed by its owner; socket.io only lets go of its engine here.
    this.#io.engine.close();
  }
}
