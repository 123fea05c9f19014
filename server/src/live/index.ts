// live/: the workspace feed. socket.io at /socket.io on Soplan's own port, authenticated by the
// session cookie before the connection is accepted; one room per workspace, joined only by its
// members. What the board indexer computed (a board's counts, its changed items, what changed in
// it), forwarded as it is, and presence (live/presence.ts: who has which board open, who watches the
// dashboard) go to the workspace's room. A client may only join and leave rooms; anything else it
// sends is dropped with a logged reason.
import type http from 'node:http';
import { joinRequest, LIVE_PATH, MAX_LIVE_MESSAGE_BYTES, type LiveClientEvents, type LiveServerEvents } from '@soplan/shared';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import { isSameOrigin } from '../auth/origin.ts';
import { SESSION_COOKIE, validateSessionToken } from '../auth/sessions.ts';
import { cookieValue } from '../auth/cookies.ts';
import type { BoardIndexer, IndexedEvent } from '../boards/indexer.ts';
import type { Config } from '../config.ts';
import { members, type Db } from '../db/index.ts';
import type { AccessEvent, AccessEvents } from '../events.ts';
import { presenceUser, type WorkspacePresence } from './presence.ts';

interface SocketData {
  userId: string;
  name: string;
  sessionId: string;
}
type LiveSocket = Socket<LiveClientEvents, LiveServerEvents, Record<string, never>, SocketData>;

const KNOWN_EVENTS = new Set(['workspace:join', 'workspace:leave']);

const workspaceRoom = (workspaceId: string) => `workspace:${workspaceId}`;

export interface LiveFeedOptions {
  httpServer: http.Server;
  db: Db;
  config: Config;
  log: Logger;
  events: AccessEvents;
  indexer: BoardIndexer;
  presence: WorkspacePresence;
}

export class LiveFeed {
  readonly #io: Server<LiveClientEvents, LiveServerEvents, Record<string, never>, SocketData>;
  readonly #opts: LiveFeedOptions;
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
      opts.presence.onChange((workspaceId) => this.#sendPresence(workspaceId)),
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
      const user = presenceUser({ id: socket.data.userId, name: socket.data.name });
      this.#opts.presence.watching(socket, { workspaceId, userId: user.id, name: user.name, color: user.color });
    });
    socket.on('workspace:leave', (request) => {
      const parsed = joinRequest.safeParse(request);
      if (!parsed.success) {
        log.warn({ userId: socket.data.userId }, 'dropped a malformed workspace:leave');
        return;
      }
      void socket.leave(workspaceRoom(parsed.data.workspaceId));
      this.#opts.presence.stopWatching(socket, parsed.data.workspaceId);
    });
    socket.on('disconnect', () => this.#opts.presence.stopWatching(socket));
  }

  #socketsIn(workspaceId: string): LiveSocket[] {
    const ids = this.#io.sockets.adapter.rooms.get(workspaceRoom(workspaceId)) ?? new Set<string>();
    return [...ids].flatMap((id) => {
      const socket = this.#io.sockets.sockets.get(id);
      return socket ? [socket] : [];
    });
  }

  /** The indexer computed the event (summary, items, activity); the feed only forwards it, reading nothing back. */
  #boardIndexed({ workspaceId, payload }: IndexedEvent): void {
    const room = workspaceRoom(workspaceId);
    if (this.#io.sockets.adapter.rooms.has(room)) this.#io.to(room).emit('board:indexed', payload);
  }

  #sendPresence(workspaceId: string): void {
    const room = workspaceRoom(workspaceId);
    if (this.#io.sockets.adapter.rooms.has(room)) this.#io.to(room).emit('presence', { workspaceId, online: this.#opts.presence.online(workspaceId) });
  }

  #onAccessEvent(event: AccessEvent): void {
    switch (event.type) {
      case 'member-removed':
        for (const socket of this.#socketsIn(event.workspaceId)) {
          if (socket.data.userId !== event.userId) continue;
          void socket.leave(workspaceRoom(event.workspaceId));
          this.#opts.presence.stopWatching(socket, event.workspaceId);
        }
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
    this.#io.disconnectSockets(true);
    // The HTTP server is closed by its owner; socket.io only lets go of its engine here.
    this.#io.engine.close();
  }
}
