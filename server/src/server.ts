// Builds the whole Soplan process around one HTTP server: /api (Hono) and the SvelteKit pages;
// /sync and /socket.io join it in later issues. Tests start it on port 0 with a temp data directory.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { LIVE_PATH } from '@soplan/shared';
import pino, { type Logger } from 'pino';
import { LoginLimits } from './auth/accounts.ts';
import type { Config } from './config.ts';
import { openDatabase, sessions, startCheckpointer } from './db/index.ts';
import { BoardIndexer } from './boards/indexer.ts';
import { seedDemo } from './demo/seed.ts';
import { AccessEvents } from './events.ts';
import { createApi } from './http/index.ts';
import { LiveFeed } from './live/index.ts';
import { SyncServer } from './sync/index.ts';

type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

async function loadWebHandler(dir: string, log: Logger): Promise<NodeHandler | null> {
  const file = path.join(dir, 'handler.js');
  if (!fs.existsSync(file)) {
    log.warn({ file }, 'web app is not built; serving the API only');
    return null;
  }
  const mod = (await import(pathToFileURL(file).href)) as { handler: NodeHandler };
  return mod.handler;
}

export interface RunningServer {
  url: string;
  port: number;
  demoSeeded: boolean;
  sync: SyncServer;
  indexer: BoardIndexer;
  close(): Promise<void>;
}

export async function startServer(config: Config, log: Logger = pino({ level: config.logLevel })): Promise<RunningServer> {
  const { db } = openDatabase(config.dataDir);
  const stopCheckpointer = startCheckpointer(db);
  sessions.removeExpired(db, Date.now());
  const indexer = new BoardIndexer(db, log, { debounceMs: config.boardIndexDebounceMs });
  const demoSeeded = config.demo ? await seedDemo(db, indexer) : false;
  const events = new AccessEvents();
  const sync = new SyncServer({ db, config, log, events, indexer });
  let live: LiveFeed | null = null;
  const online = (workspaceId: string) => live?.online(workspaceId) ?? sync.onlineIn(workspaceId);
  const api = getRequestListener(createApi({ db, config, log, events, online, loginLimits: new LoginLimits() }).fetch);
  const web = await loadWebHandler(config.webBuildDir, log);

  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?') || !web) {
      void api(req, res);
      return;
    }
    web(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  server.requestTimeout = 30_000;
  server.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/sync/')) sync.handleUpgrade(req, socket, head);
    else if (!req.url?.startsWith(`${LIVE_PATH}/`)) socket.destroy();
  });
  live = new LiveFeed({ httpServer: server, db, config, log, events, indexer, sync });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    demoSeeded,
    sync,
    indexer,
    close: async () => {
      await live?.close();
      await sync.close();
      indexer.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stopCheckpointer();
      db.close();
    },
  };
}
