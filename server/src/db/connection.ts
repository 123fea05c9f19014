// Opens the SQLite file in WAL mode and brings its schema up to date. Checkpoints run in a worker
// thread (checkpoint-worker.ts) rather than inside whichever commit crosses the WAL threshold.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { migrate } from './migrations.ts';

export type Db = Database.Database;

/** Starts background checkpoints for `db`; the returned function stops them. */
export function startCheckpointer(db: Db, intervalMs = 1000): () => Promise<void> {
  db.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(new URL('./checkpoint-worker.ts', import.meta.url), { workerData: { file: db.name, intervalMs } });
  worker.unref();
  return () =>
    new Promise((resolve) => {
      worker.once('message', () => void worker.terminate().then(() => resolve()));
      worker.once('error', () => resolve());
      worker.postMessage('stop');
    });
}

export function openDatabase(dataDir: string): { db: Db; created: boolean } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'soplan.sqlite');
  const created = !fs.existsSync(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return { db, created };
}
