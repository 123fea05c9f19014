// A socket.io client for the live workspace feed, sending a browser's cookie and Origin.
import type { LiveClientEvents, LiveServerEvents } from '@soplan/shared';
import { io, type Socket } from 'socket.io-client';
import { afterEach } from 'vitest';

export type LiveClient = Socket<LiveServerEvents, LiveClientEvents>;

const open: LiveClient[] = [];
afterEach(() => {
  for (const socket of open.splice(0)) socket.disconnect();
});

export function liveClient(baseUrl: string, headers: { cookie?: string; origin?: string }): LiveClient {
  const socket: LiveClient = io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
  });
  open.push(socket);
  return socket;
}

/** Resolves when the socket connects, rejects with the server's reason when it is refused. */
export function connected(socket: LiveClient): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => {
      socket.disconnect();
      reject(err);
    });
  });
}

export function join(socket: LiveClient, workspaceId: string) {
  return socket.timeout(5000).emitWithAck('workspace:join', { workspaceId });
}

/** Collects every event of one kind the socket receives. */
export function collect<E extends keyof LiveServerEvents>(socket: LiveClient, event: E): Parameters<LiveServerEvents[E]>[0][] {
  const seen: Parameters<LiveServerEvents[E]>[0][] = [];
  socket.on(event, ((payload: Parameters<LiveServerEvents[E]>[0]) => seen.push(payload)) as never);
  return seen;
}
