// kill -9 the real server process while several clients edit, restart it, and find every edit that
// any peer had received (rule D2); the same while compaction runs all the time (rule D4).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import seedrandom from 'seedrandom';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../helpers/http-client.ts';
import { startServerProcess, type ServerProcess } from '../helpers/process-server.ts';
import { syncClient } from '../helpers/sync-client.ts';

const dirs: string[] = [];
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null && p.child.signalCode === null) await p.kill9();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function prepare(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soplan-crash-'));
  dirs.push(dataDir);
  const proc = await startServerProcess(dataDir, env);
  running.push(proc);
  const client = new HttpClient(proc.url);
  await client.post('/api/auth/signup', { email: 'crash@test.local', password: 'crash-test-pass', name: 'Crash' });
  const ws = (await client.post('/api/workspaces', { name: 'Crash' })).body;
  const board = (await client.post(`/api/workspaces/${ws.id}/boards`, { kind: 'plan-graph', title: 'Crash' })).body;
  const { token } = (await client.post('/api/tokens', { name: 'crash' })).body;
  return { dataDir, proc, boardId: board.id as string, token: token as string };
}

/** Edits from `writers` clients until `killAfterMs`, kill -9, and return what each peer had received. */
async function editAndKill(url: string, proc: ServerProcess, boardId: string, token: string, seed: string, killAfterMs: number) {
  const random = seedrandom(seed);
  const clients = Array.from({ length: 4 }, () => syncClient(url, boardId, { token }));
  await Promise.all(clients.map((c) => c.synced()));
  let stop = false;
  const loops = clients.map(async (c, n) => {
    for (let i = 0; !stop; i++) {
      c.doc.transact(() => {
        c.doc.getMap('cells').set(`c${n}-${i}`, i);
        if (random() < 0.3) c.doc.getText('notes').insert(0, `${n}:${i} `);
      });
      await new Promise((r) => setTimeout(r, Math.floor(random() * 4)));
    }
  });
  await new Promise((r) => setTimeout(r, killAfterMs));
  await proc.kill9();
  stop = true;
  await Promise.all(loops);
  // What peers had received from the server: every key written by another client.
  const received = new Set<string>();
  clients.forEach((c, n) => {
    for (const key of c.doc.getMap('cells').keys()) if (!key.startsWith(`c${n}-`)) received.add(key);
  });
  for (const c of clients) c.destroy();
  return received;
}

async function loadFresh(url: string, boardId: string, token: string) {
  const fresh = syncClient(url, boardId, { token });
  await fresh.synced();
  const keys = new Set(fresh.doc.getMap('cells').keys());
  fresh.destroy();
  return keys;
}

describe('crash safety', () => {
  it('[D2] kill -9 during live editing loses no edit that any peer had received', async () => {
    const { dataDir, proc, boardId, token } = await prepare({});
    const received = await editAndKill(proc.url, proc, boardId, token, 'crash-1', 700);
    expect(received.size).toBeGreaterThan(50);
    const again = await startServerProcess(dataDir);
    running.push(again);
    const stored = await loadFresh(again.url, boardId, token);
    const lost = [...received].filter((k) => !stored.has(k));
    expect(lost).toEqual([]);
    await again.kill9();
  });

  it('[D4] kill -9 while the log is compacted every few updates loses nothing either, three times over', async () => {
    const { dataDir, proc, boardId, token } = await prepare({ SYNC_COMPACT_AFTER: '3' });
    let current = proc;
    const everReceived = new Set<string>();
    for (let round = 0; round < 3; round++) {
      const received = await editAndKill(current.url, current, boardId, token, `compaction-${round}`, 300 + round * 150);
      for (const k of received) everReceived.add(k);
      current = await startServerProcess(dataDir, { SYNC_COMPACT_AFTER: '3' });
      running.push(current);
      const stored = await loadFresh(current.url, boardId, token);
      expect([...everReceived].filter((k) => !stored.has(k))).toEqual([]);
    }
    await current.kill9();
    const snapshots = new (await import('better-sqlite3')).default(path.join(dataDir, 'soplan.sqlite'), { readonly: true });
    expect(snapshots.prepare('SELECT count(*) FROM board_snapshots').pluck().get()).toBe(1);
    snapshots.close();
    expect(everReceived.size).toBeGreaterThan(50);
  });
});
