// Runs in a worker thread: moves the WAL into the database file every interval on its own
// connection, so no request or sync commit ever waits for a checkpoint.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, intervalMs } = workerData as { file: string; intervalMs: number };
let db: Database.Database;
try {
  db = new Database(file);
} catch {
  // The server closed, and its data directory went, before this thread started: nothing to
  // checkpoint. Said as stopped, so a close waiting for it ends.
  parentPort?.postMessage('stopped');
  process.exit(0);
}
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // A busy database is checkpointed next time.
  }
}, intervalMs);
parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.pragma('wal_checkpoint(PASSIVE)');
  db.close();
  parentPort?.postMessage('stopped');
});
