// newServer(): a real Soplan on port 0 with a temp data directory, stopped after the test file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '@soplan/server/config.ts';
import { startServer, type RunningServer, type StartOptions } from '@soplan/server/server.ts';
import { afterAll } from 'vitest';
import { HttpClient } from './http-client.ts';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** A fresh client with its own cookie jar. */
  client(): HttpClient;
  /** A read-only look at the database file, for assertions on what is stored. */
  query<T = unknown>(sql: string, ...params: unknown[]): T[];
  restart(): Promise<void>;
}

export interface ServerOptions {
  demo?: boolean;
  publicUrl?: string;
  web?: boolean;
  dataDir?: string;
  compactAfter?: number;
  roomGraceMs?: number;
  indexDebounceMs?: number;
  /** More environment variables, e.g. SYNC_MAX_CONNECTIONS_PER_USER. */
  env?: Record<string, string>;
  /** Lower sync limits (SPEC L5–L7). */
  syncLimits?: StartOptions['syncLimits'];
  /** A fake clock for the index and the dashboard: today's date (ISO), read whenever they need it. */
  today?: () => string;
}

export async function newServer(options: ServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'soplan-test-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SOPLAN_DEMO: options.demo ? '1' : '0',
    LOG_LEVEL: 'silent',
    ...(options.publicUrl ? { PUBLIC_URL: options.publicUrl } : {}),
    ...(options.compactAfter ? { SYNC_COMPACT_AFTER: String(options.compactAfter) } : {}),
    ...(options.roomGraceMs !== undefined ? { SYNC_ROOM_GRACE_MS: String(options.roomGraceMs) } : {}),
    ...(options.indexDebounceMs !== undefined ? { BOARD_INDEX_DEBOUNCE_MS: String(options.indexDebounceMs) } : {}),
    ...(options.web ? {} : { WEB_BUILD_DIR: path.join(dataDir, 'no-web') }),
    // Every test request comes from 127.0.0.1: tests sign up as many people as they need, except
    // those of rule U3, which pass the production limit.
    SIGNUPS_PER_IP_PER_HOUR: '10000',
    ...options.env,
  });
  const startOptions: StartOptions = { syncLimits: options.syncLimits, ...(options.today ? { today: options.today } : {}) };
  let running = await startServer(config, undefined, startOptions);
  let closed = false;
  const server: TestServer = {
    get url() {
      return running.url;
    },
    get port() {
      return running.port;
    },
    get demoSeeded() {
      return running.demoSeeded;
    },
    get sync() {
      return running.sync;
    },
    get indexer() {
      return running.indexer;
    },
    dataDir,
    client: () => new HttpClient(running.url),
    query<T>(sql: string, ...params: unknown[]) {
      const db = new Database(path.join(dataDir, 'soplan.sqlite'), { readonly: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    async restart() {
      await running.close();
      running = await startServer(config, undefined, startOptions);
    },
    async close() {
      if (closed) return;
      closed = true;
      await running.close();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  afterAll(() => server.close());
  return server;
}
