// Builds the whole Soplan process around one HTTP server: /api (Hono), /sync (board documents),
// /socket.io (the live workspace feed) and the SvelteKit pages. Tests start it on port 0 with a temp
// data directory.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { LIVE_PATH, todayIso } from '@soplan/shared';
import pino, { type Logger } from 'pino';
import { LoginLimits } from './auth/accounts.ts';
import type { Config } from './config.ts';
import { openDatabase, sessions, startCheckpointer } from './db/index.ts';
import { BoardIndexer } from './boards/indexer.ts';
import { CalendarFeeds, FEED_PATH } from './calendars/index.ts';
import { seedDemo } from './demo/seed.ts';
import { AccessEvents } from './events.ts';
import { ExchangeService, ExportJobs } from './exchange/index.ts';
import { createApi, createFeedApp } from './http/index.ts';
import { LiveFeed } from './live/index.ts';
import { WorkspacePresence } from './live/presence.ts';
import { SyncServer, type SyncOptions } from './sync/index.ts';

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

/** What tests set beyond the config. */
export interface StartOptions {
  /** Lower sync limits (L5–L7), to reach them with small updates. */
  syncLimits?: SyncOptions['limits'];
  /** Today's date (ISO) for the index and the dashboard; tests move it to see overdue derived when read. */
  today?: () => string;
}

export async function startServer(config: Config, log: Logger = pino({ level: config.logLevel }), options: StartOptions = {}): Promise<RunningServer> {
  const { db } = openDatabase(config.dataDir);
  const stopCheckpointer = startCheckpointer(db);
  sessions.removeExpired(db, Date.now());
  const today = options.today ?? (() => todayIso());
  const indexer = new BoardIndexer(db, log, { debounceMs: config.boardIndexDebounceMs, today });
  const demoSeeded = config.demo ? await seedDemo(db, indexer) : false;
  const events = new AccessEvents();
  const presence = new WorkspacePresence();
  const sync = new SyncServer({ db, config, log, events, indexer, presence, limits: options.syncLimits });
  const online = (workspaceId: string) => presence.online(workspaceId);
  const calendars = new CalendarFeeds({ db, today });
  const exchange = new ExchangeService(
    { db, events, indexer, log, today, calendar: (userId, boardId, baseUrl) => calendars.boardIcs(userId, boardId, baseUrl) },
    { libreOfficeCommand: config.libreOfficeCommand, pdfTimeoutMs: config.pdfTimeoutMs },
  );
  const exports = new ExportJobs(db, exchange, log, { backgroundItems: config.exportBackgroundItems });
  const loginLimits = new LoginLimits({ signupsPerIpPerHour: config.signupsPerIpPerHour });
  const deps = { db, config, log, events, online, today, indexer, exchange, exports, calendars, loginLimits };
  const api = getRequestListener(createApi(deps).fetch);
  const feeds = getRequestListener(createFeedApp(deps).fetch);
  const web = await loadWebHandler(config.webBuildDir, log);

  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith(`${FEED_PATH}/`)) {
      void feeds(req, res);
      return;
    }
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
  const live = new LiveFeed({ httpServer: server, db, config, log, events, indexer, presence });

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
      await live.close();
      await sync.close();
      exports.close();
      await exchange.close();
      presence.close();
      indexer.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stopCheckpointer();
      db.close();
    },
  };
}
