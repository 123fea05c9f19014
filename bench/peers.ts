// The three servers the sync benchmark compares, each started as its own process, and how a
// client connects to each: Soplan and the y-websocket reference server with the stock
// y-websocket provider, Hocuspocus with its own provider (it speaks its own framing).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

const here = import.meta.dirname;
const root = path.resolve(here, '..');

export interface Client {
  synced(): Promise<void>;
  destroy(): void;
}

/** Where and how a client reaches a running server; plain data, so client workers can use it. */
export type Endpoint = { protocol: 'y-websocket'; url: string; params: Record<string, string> } | { protocol: 'hocuspocus'; url: string };

export interface RunningPeer {
  pid: number;
  endpoint(): Endpoint;
  kill9(): Promise<void>;
  /** Starts the same server again on the same data. */
  restart(): Promise<RunningPeer>;
  /** Creates `count` boards and returns their document names. */
  boards(count: number): Promise<string[]>;
}

export interface Peer {
  name: string;
  persists: string;
  start(dataDir: string): Promise<RunningPeer>;
}

export function launch(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = ready.exec(out);
      if (match) resolve({ child, match });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}: ${out}`)));
  });
}

const kill9 = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

export function connect(endpoint: Endpoint, board: string, doc: Y.Doc): Client {
  if (endpoint.protocol === 'hocuspocus') {
    const provider = new HocuspocusProvider({ url: endpoint.url, name: board, document: doc });
    return {
      synced: () => (provider.isSynced ? Promise.resolve() : new Promise((r) => provider.on('synced', () => r()))),
      destroy: () => provider.destroy(),
    };
  }
  const provider = new WebsocketProvider(endpoint.url, board, doc, { params: endpoint.params, disableBc: true, maxBackoffTime: 500 });
  return {
    synced: () => (provider.synced ? Promise.resolve() : new Promise((r) => provider.once('sync', () => r()))),
    destroy: () => provider.destroy(),
  };
}

export async function api(base: string, method: string, p: string, body: unknown, cookie?: string) {
  const res = await fetch(base + p, {
    method,
    headers: { 'content-type': 'application/json', origin: base, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
  return { body: (await res.json()) as Record<string, string>, cookie: res.headers.getSetCookie()[0]?.split(';')[0] };
}

/**
 * The load's simulated people share one account and one address, so the per-account and per-IP
 * bounds (SPEC L7, L8), meant for one real person, are lifted to what the whole load needs.
 */
export const ONE_ACCOUNT_FOR_EVERYONE = {
  SYNC_MAX_CONNECTIONS_PER_USER: '100000',
  SYNC_MAX_CONNECTIONS_PER_IP: '100000',
  SYNC_USER_APPLY_MS_PER_SECOND: '1000000',
};

async function bootSoplan(dataDir: string, auth: { token: string }): Promise<RunningPeer> {
  const { child, match } = await launch(
    [path.join(root, 'server/src/main.ts')],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SOPLAN_DEMO: '0',
      LOG_LEVEL: 'warn',
      WEB_BUILD_DIR: path.join(dataDir, 'none'),
      ...ONE_ACCOUNT_FOR_EVERYONE,
    },
    /Soplan: http:\/\/[^:]+:(\d+)/,
  );
  const base = `http://127.0.0.1:${match[1]}`;
  return {
    pid: child.pid!,
    kill9: () => kill9(child),
    restart: () => bootSoplan(dataDir, auth),
    async boards(count) {
      const signup = await api(base, 'POST', '/api/auth/signup', { email: `bench${Date.now()}@bench.local`, password: 'bench-password', name: 'Bench' });
      const cookie = signup.cookie!;
      const ws = await api(base, 'POST', '/api/workspaces', { name: 'Bench' }, cookie);
      auth.token = (await api(base, 'POST', '/api/tokens', { name: 'bench' }, cookie)).body.token!;
      const ids: string[] = [];
      for (let i = 0; i < count; i++)
        ids.push((await api(base, 'POST', `/api/workspaces/${ws.body.id}/boards`, { kind: 'roadmap', title: `B${i}` }, cookie)).body.id!);
      return ids;
    },
    endpoint: () => ({ protocol: 'y-websocket', url: `ws://127.0.0.1:${match[1]}/sync`, params: { token: auth.token } }),
  };
}

export const soplan: Peer = {
  name: 'Soplan',
  persists: 'SQLite, every update before fan-out',
  start: (dataDir) => bootSoplan(dataDir, { token: '' }),
};

export const hocuspocus: Peer = {
  name: 'Hocuspocus 4.7 + SQLite extension',
  persists: 'SQLite, debounced (2 s) whole-document store',
  async start(dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    const { child, match } = await launch([path.join(here, 'servers/hocuspocus.ts'), '0', path.join(dataDir, 'hocuspocus.sqlite')], {}, /listening (\d+)/);
    return {
      pid: child.pid!,
      kill9: () => kill9(child),
      restart: () => hocuspocus.start(dataDir),
      boards: async (count) => Array.from({ length: count }, (_, i) => `board-${i}`),
      endpoint: () => ({ protocol: 'hocuspocus', url: `ws://127.0.0.1:${match[1]}` }),
    };
  },
};

export const yWebsocket: Peer = {
  name: 'y-websocket 1.5 reference server',
  persists: 'nothing (memory only)',
  async start(dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const { child } = await launch([path.join(here, 'node_modules/y-websocket-reference/bin/server.js')], { HOST: '127.0.0.1', PORT: port }, /running at/);
    return {
      pid: child.pid!,
      kill9: () => kill9(child),
      restart: () => yWebsocket.start(dataDir),
      boards: async (count) => Array.from({ length: count }, (_, i) => `board-${i}`),
      endpoint: () => ({ protocol: 'y-websocket', url: `ws://127.0.0.1:${port}`, params: {} }),
    };
  },
};
