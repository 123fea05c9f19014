// One contract suite for every DocumentStore implementation (SQLite now, memory for unit tests).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '@soplan/server/db/index.ts';
import { memoryDocumentStore, sqliteDocumentStore, type DocumentStore } from '@soplan/server/sync/store.ts';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';

const dirs: string[] = [];
const dbs: Db[] = [];
/** A database of its own, so every test sees only the log it wrote. */
function freshDb(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'soplan-store-'));
  dirs.push(dir);
  const { db } = openDatabase(dir);
  dbs.push(db);
  return db;
}
afterAll(() => {
  for (const db of dbs) db.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const implementations: [string, () => DocumentStore][] = [
  ['sqlite', () => sqliteDocumentStore(freshDb())],
  ['memory', () => memoryDocumentStore()],
];

function edits(n: number) {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getMap('m').set(`k${i}`, i);
  return { doc, updates };
}

function replay(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }) {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc.getMap('m').toJSON();
}

let board = 0;
describe.each(implementations)('DocumentStore contract: %s', (_name, make) => {
  it('[D3] an unknown board loads empty', () => {
    expect(make().load(`b${++board}`)).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
  });

  it('[D1] appends keep their order, are numbered in one growing sequence and boards stay apart', () => {
    const store = make();
    const a = `b${++board}`;
    const b = `b${++board}`;
    const { doc, updates } = edits(5);
    const ids = store.append([...updates.map((update) => ({ boardId: a, update })), { boardId: b, update: updates[0]! }]);
    expect(ids.slice(1).every((id, i) => id === ids[i]! + 1)).toBe(true);
    const loaded = store.load(a);
    expect(loaded.updates).toHaveLength(5);
    expect(loaded.lastSeq).toBe(ids[4]);
    expect(replay(loaded)).toEqual(doc.getMap('m').toJSON());
    expect(store.load(b).updates).toHaveLength(1);
  });

  it('[D4] compaction replaces the folded log with a snapshot and keeps later updates', () => {
    const store = make();
    const a = `b${++board}`;
    const { doc, updates } = edits(10);
    const ids = store.append(updates.slice(0, 6).map((update) => ({ boardId: a, update })));
    const partial = new Y.Doc();
    for (const u of updates.slice(0, 6)) Y.applyUpdate(partial, u);
    store.append(updates.slice(6).map((update) => ({ boardId: a, update })));
    store.compact(a, Y.encodeStateAsUpdate(partial), ids.at(-1)!);
    const loaded = store.load(a);
    expect(loaded.snapshot).not.toBeNull();
    expect(loaded.updates).toHaveLength(4);
    expect(replay(loaded)).toEqual(doc.getMap('m').toJSON());
  });

  it('[D4] an older compaction never replaces a newer snapshot', () => {
    const store = make();
    const a = `b${++board}`;
    const { doc, updates } = edits(4);
    const ids = store.append(updates.map((update) => ({ boardId: a, update })));
    store.compact(a, Y.encodeStateAsUpdate(doc), ids[3]!);
    const early = new Y.Doc();
    Y.applyUpdate(early, updates[0]!);
    store.compact(a, Y.encodeStateAsUpdate(early), ids[0]!);
    expect(replay(store.load(a))).toEqual(doc.getMap('m').toJSON());
  });

  it('[D4] trimming drops only what every snapshot folds, and numbering never goes back', () => {
    const store = make();
    const a = `b${++board}`;
    const b = `b${++board}`;
    const { updates: ofA } = edits(3);
    const { updates: ofB } = edits(3);
    const idsA = store.append(ofA.map((update) => ({ boardId: a, update })));
    const idsB = store.append(ofB.map((update) => ({ boardId: b, update })));
    store.append([{ boardId: a, update: ofA[0]! }]);
    expect(store.unfoldedBoards().sort()).toEqual([a, b].sort());

    const docA = new Y.Doc();
    for (const u of ofA) Y.applyUpdate(docA, u);
    store.compact(a, Y.encodeStateAsUpdate(docA), idsA[2]!);
    expect(store.trim()).toBe(3);
    expect(store.load(b).updates).toHaveLength(3);
    expect(store.load(a).updates).toHaveLength(1);
    expect(store.trim()).toBe(0);

    const docB = new Y.Doc();
    for (const u of ofB) Y.applyUpdate(docB, u);
    store.compact(b, Y.encodeStateAsUpdate(docB), idsB[2]!);
    store.compact(a, Y.encodeStateAsUpdate(docA), idsB[2]! + 1);
    expect(store.unfoldedBoards()).toEqual([]);
    expect(store.trim()).toBe(4);
    const [next] = store.append([{ boardId: b, update: ofB[0]! }]);
    expect(next).toBeGreaterThan(idsB[2]! + 1);
    expect(replay(store.load(b))).toEqual(docB.getMap('m').toJSON());
    expect(replay(store.load(a))).toEqual(docA.getMap('m').toJSON());
  });
});

describe('SQLite store numbering', () => {
  it('[D1] a store opened later continues the numbering after the log and every snapshot, even a trimmed log', () => {
    const db = freshDb();
    const a = `b${++board}`;
    const { doc, updates } = edits(3);
    const ids = sqliteDocumentStore(db).append(updates.map((update) => ({ boardId: a, update })));
    const store = sqliteDocumentStore(db);
    store.compact(a, Y.encodeStateAsUpdate(doc), ids[2]!);
    store.trim();
    expect(db.prepare('SELECT count(*) FROM board_log').pluck().get()).toBe(0);
    expect(sqliteDocumentStore(db).append([{ boardId: a, update: updates[0]! }])).toEqual([ids[2]! + 1]);
  });
});

describe('SQLite store atomicity', () => {
  it('[D1] a failing batch writes nothing of itself', () => {
    const store = sqliteDocumentStore(freshDb());
    const a = `b${++board}`;
    const { updates } = edits(2);
    expect(() =>
      store.append([
        { boardId: a, update: updates[0]! },
        { boardId: a, update: null as unknown as Uint8Array },
      ]),
    ).toThrow();
    expect(store.load(a).updates).toEqual([]);
    expect(store.append([{ boardId: a, update: updates[1]! }])).toHaveLength(1);
    expect(store.load(a).updates).toHaveLength(1);
  });
});
