// Connects the stock y-websocket WebsocketProvider (what the browser uses) to a test server, with
// either an API token (?token=) or a session cookie and Origin, like a browser would send them.
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as wsModule from 'ws';
import { afterEach } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export interface SyncClientOptions {
  token?: string;
  cookie?: string;
  origin?: string;
  doc?: Y.Doc;
  connect?: boolean;
}

export function syncClient(baseUrl: string, boardId: string, options: SyncClientOptions = {}) {
  const doc = options.doc ?? new Y.Doc();
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  class HeaderWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + '/sync', boardId, doc, {
    params: options.token ? { token: options.token } : {},
    WebSocketPolyfill: HeaderWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 300,
  });
  return {
    doc,
    provider,
    awareness: provider.awareness,
    synced: () => waitFor(() => provider.synced),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls until `check` holds (assertions on eventual state poll instead of sleeping). */
export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Opens a raw WebSocket to /sync/:boardId and resolves with it open, or with the HTTP refusal status. */
export function rawSocket(baseUrl: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ ws: WebSocket; status: 101 } | { status: number; body: string }>((resolve, reject) => {
    const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + path, { headers });
    ws.binaryType = 'nodebuffer';
    ws.once('open', () => resolve({ ws, status: 101 }));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.once('error', (err) => reject(err));
  });
}

/** Resolves with the close code and reason of a socket. */
export function closed(ws: WebSocket) {
  return new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

/** An `open` that remembers every client it made and destroys them after each test. */
export function trackedClients() {
  const made: ReturnType<typeof syncClient>[] = [];
  afterEach(() => {
    for (const c of made.splice(0)) c.destroy();
  });
  return (...args: Parameters<typeof syncClient>) => {
    const c = syncClient(...args);
    made.push(c);
    return c;
  };
}
export type SyncClient = ReturnType<typeof syncClient>;

/** A y-websocket sync frame: step 0 (state vector), 1 (step 2) or 2 (update), by hand. */
export function syncFrame(step: number, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/**
 * Resolves once the server has handled everything the client sent so far: it sends a sync step 1 on
 * the provider's socket and waits for the step 2 answer (a socket's frames are handled in order).
 */
export function serverCaughtUp(client: SyncClient): Promise<void> {
  const ws = client.provider.ws;
  if (!ws) return Promise.reject(new Error('the client is not connected'));
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const bytes = new Uint8Array(event.data as ArrayBuffer);
      if (bytes[0] === 0 && bytes[1] === 1) {
        ws.removeEventListener('message', onMessage);
        resolve();
      }
    };
    ws.addEventListener('message', onMessage);
    ws.send(syncFrame(0, Y.encodeStateVector(client.doc)));
  });
}

/** Sends several frames in one TCP write, so the server reads (and handles) them in one turn. */
export function sendTogether(ws: WebSocket, frames: Uint8Array[]): void {
  // ws builds frames with its Sender (exported by its ESM entry, not typed): masked, as a client sends them.
  const frameOf = (wsModule as unknown as { Sender: { frame(data: Buffer, options: object): Buffer[] } }).Sender.frame;
  const bytes = frames.flatMap((f) => frameOf(Buffer.from(f), { fin: true, opcode: 2, mask: true, readOnly: false, rsv1: false }));
  (ws as unknown as { _socket: import('node:net').Socket })._socket.write(Buffer.concat(bytes));
}
