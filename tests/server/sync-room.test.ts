// The room against fake sockets (the tiny SyncSocket interface) and the memory store: ordering
// rules that an in-process socket test could not tell apart.
import { CLOSE, SYNC_MESSAGE, SYNC_STEP } from '@soplan/shared';
import { runEach } from '@soplan/server/sync/index.ts';
import { Persistence } from '@soplan/server/sync/persistence.ts';
import { presenceUser } from '@soplan/server/live/presence.ts';
import { Room } from '@soplan/server/sync/room.ts';
import { memoryDocumentStore, type DocumentStore } from '@soplan/server/sync/store.ts';
import type { Connection, SyncHook } from '@soplan/server/sync/types.ts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import pino from 'pino';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';

const log = pino({ level: 'silent' });

function fakeConnection(name: string, readOnly = false) {
  const sent: Uint8Array[] = [];
  const conn: Connection = {
    socket: { isOpen: true, bufferedAmount: 0, send: (d) => sent.push(d), close: () => undefined },
    boardId: 'b',
    workspaceId: 'w',
    userId: name,
    sessionId: null,
    tokenId: null,
    readOnly,
    userName: name,
    ip: '127.0.0.1',
    user: presenceUser({ id: name, name }),
    clientIds: new Set(),
  };
  return { conn, sent };
}

function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, SYNC_MESSAGE.sync);
  encoding.writeVarUint(e, SYNC_STEP.update);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

function editOf(key: string, value: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

/** Two editors in the room; what the room sent b on joining is cleared. */
function twoPeers(room: Room) {
  const a = fakeConnection('a');
  const b = fakeConnection('b');
  room.join(a.conn);
  room.join(b.conn);
  b.sent.length = 0;
  return { a, b };
}

function setup(store: DocumentStore = memoryDocumentStore()) {
  const failures: string[][] = [];
  const persistence = new Persistence(store, log, { compactAfter: 1000, onCommitFailed: (ids) => failures.push(ids) });
  const room = new Room('b', persistence, log);
  return { room, persistence, store, failures };
}

describe('room ordering', () => {
  it('[D2] a peer is sent nothing of an update until the update is committed', () => {
    const { room, persistence, store } = setup();
    const { a, b } = twoPeers(room);
    expect(room.receive(a.conn, updateFrame(editOf('x', 1)))).toBeNull();
    expect(b.sent).toEqual([]);
    expect(store.load('b').updates).toHaveLength(0);
    persistence.flush();
    expect(store.load('b').updates).toHaveLength(1);
    expect(b.sent).toHaveLength(1);
    expect(a.sent.filter((m) => m[0] === SYNC_MESSAGE.sync && m[1] === SYNC_STEP.update)).toEqual([]);
  });

  it('[D2] a sync step 2 answered while an update is pending waits for the commit too', () => {
    const { room, persistence } = setup();
    const a = fakeConnection('a');
    const late = fakeConnection('late');
    room.join(a.conn);
    room.receive(a.conn, updateFrame(editOf('x', 1)));
    room.join(late.conn);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, SYNC_MESSAGE.sync);
    encoding.writeVarUint(e, SYNC_STEP.step1);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
    room.receive(late.conn, encoding.toUint8Array(e));
    expect(late.sent).toEqual([]);
    persistence.flush();
    const step2 = late.sent.find((m) => m[0] === SYNC_MESSAGE.sync && m[1] === SYNC_STEP.step2)!;
    const d = decoding.createDecoder(step2);
    decoding.readVarUint(d);
    decoding.readVarUint(d);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, decoding.readVarUint8Array(d));
    expect(doc.getMap('m').get('x')).toBe(1);
  });

  it('[D1] several updates of one turn are appended as one batch', () => {
    const batches: number[] = [];
    const inner = memoryDocumentStore();
    const store: DocumentStore = { ...inner, append: (entries) => (batches.push(entries.length), inner.append(entries)) };
    const { room, persistence } = setup(store);
    const a = fakeConnection('a');
    room.join(a.conn);
    for (let i = 0; i < 5; i++) room.receive(a.conn, updateFrame(editOf(`k${i}`, i)));
    persistence.flush();
    expect(batches).toEqual([5]);
  });

  it('[P4] an update is stored and forwarded as the bytes that arrived', () => {
    const { room, persistence, store } = setup();
    const { a, b } = twoPeers(room);
    const update = editOf('x', 1);
    room.receive(a.conn, updateFrame(update));
    persistence.flush();
    expect(store.load('b').updates).toEqual([update]);
    expect(b.sent).toEqual([updateFrame(update)]);
  });

  it('[P4] an update that brings nothing new is neither stored nor forwarded', () => {
    const { room, persistence, store } = setup();
    const { a, b } = twoPeers(room);
    const update = editOf('x', 1);
    room.receive(a.conn, updateFrame(update));
    persistence.flush();
    b.sent.length = 0;
    room.receive(a.conn, updateFrame(update));
    persistence.flush();
    expect(store.load('b').updates).toHaveLength(1);
    expect(b.sent).toEqual([]);
  });

  it('[P4] an update waiting for its dependencies is stored and forwarded, and a deletion is too', () => {
    const { room, persistence, store } = setup();
    const { a, b } = twoPeers(room);
    const author = new Y.Doc();
    const updates: Uint8Array[] = [];
    author.on('update', (u: Uint8Array) => updates.push(u));
    author.getArray('a').insert(0, ['first']);
    author.getArray('a').insert(1, ['second']);
    author.getArray('a').delete(0, 1);
    const [first, second, deletion] = updates as [Uint8Array, Uint8Array, Uint8Array];
    room.receive(a.conn, updateFrame(second));
    persistence.flush();
    expect(room.doc.getArray('a').length).toBe(0);
    expect(store.load('b').updates).toEqual([second]);
    room.receive(a.conn, updateFrame(first));
    room.receive(a.conn, updateFrame(deletion));
    persistence.flush();
    expect(room.doc.getArray('a').toArray()).toEqual(['second']);
    expect(store.load('b').updates).toEqual([second, first, deletion]);
    expect(b.sent).toEqual([second, first, deletion].map(updateFrame));
    const replayed = new Y.Doc();
    for (const u of store.load('b').updates) Y.applyUpdate(replayed, u);
    expect(replayed.getArray('a').toArray()).toEqual(['second']);
  });

  it('[D5] when a commit fails nothing of it is sent and the room is reported for reset', () => {
    const inner = memoryDocumentStore();
    const store: DocumentStore = {
      ...inner,
      append: () => {
        throw new Error('disk full');
      },
    };
    const { room, persistence, failures } = setup(store);
    const { a, b } = twoPeers(room);
    room.receive(a.conn, updateFrame(editOf('x', 1)));
    persistence.flush();
    expect(b.sent).toEqual([]);
    expect(failures).toEqual([['b']]);
  });

  it("[S4] a read-only connection's update is dropped before it touches the document or the store", () => {
    const { room, persistence, store } = setup();
    const viewer = fakeConnection('viewer', true);
    const editor = fakeConnection('editor');
    room.join(viewer.conn);
    room.join(editor.conn);
    editor.sent.length = 0;
    expect(room.receive(viewer.conn, updateFrame(editOf('x', 1)))).toBeNull();
    persistence.flush();
    expect(room.doc.getMap('m').size).toBe(0);
    expect(store.load('b').updates).toEqual([]);
    expect(editor.sent).toEqual([]);
  });

  it('[D3] a stored update that cannot be read is skipped, and the board still opens', () => {
    const store = memoryDocumentStore();
    store.append([
      { boardId: 'b', update: editOf('good', 1) },
      { boardId: 'b', update: new Uint8Array([1, 2, 3, 250, 250]) },
      { boardId: 'b', update: editOf('also-good', 2) },
    ]);
    const { room } = setup(store);
    expect(room.doc.getMap('m').get('good')).toBe(1);
    expect(room.doc.getMap('m').get('also-good')).toBe(2);
  });
});

describe('a fresh room', () => {
  it('[R5] answers a new client from the stored snapshot without building its document, and sends its own step 1 once built', async () => {
    const store = memoryDocumentStore();
    const source = new Y.Doc();
    source.getMap('m').set('title', 'План-график');
    const ids = store.append([{ boardId: 'b', update: Y.encodeStateAsUpdate(source) }]);
    const snapshot = Y.encodeStateAsUpdate(source);
    store.compact('b', snapshot, ids[0]!);
    const { room, persistence } = setup(store);
    const fresh = fakeConnection('fresh');
    room.join(fresh.conn);
    const step1 = (stateVector: Uint8Array) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, SYNC_MESSAGE.sync);
      encoding.writeVarUint(e, SYNC_STEP.step1);
      encoding.writeVarUint8Array(e, stateVector);
      return encoding.toUint8Array(e);
    };
    expect(room.receive(fresh.conn, step1(new Uint8Array([0])))).toBeNull();
    persistence.flush();
    const replies = fresh.sent.map((m) => {
      const d = decoding.createDecoder(m);
      return { type: decoding.readVarUint(d), step: decoding.readVarUint(d), payload: decoding.readVarUint8Array(d) };
    });
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ type: SYNC_MESSAGE.sync, step: SYNC_STEP.step2 });
    expect(replies[0]!.payload).toEqual(snapshot);
    await new Promise((r) => setTimeout(r, 40));
    expect(fresh.sent.map((m) => [m[0], m[1]])).toContainEqual([SYNC_MESSAGE.sync, SYNC_STEP.step1]);
    expect(room.doc.getMap('m').get('title')).toBe('План-график');
  });

  it('[R5] a client that already holds part of the board gets a diff from the built document', () => {
    const store = memoryDocumentStore();
    const source = new Y.Doc();
    source.getMap('m').set('a', 1);
    const known = Y.encodeStateVector(source);
    source.getMap('m').set('b', 2);
    const ids = store.append([{ boardId: 'b', update: Y.encodeStateAsUpdate(source) }]);
    store.compact('b', Y.encodeStateAsUpdate(source), ids[0]!);
    const { room, persistence } = setup(store);
    const client = fakeConnection('client');
    room.join(client.conn);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, SYNC_MESSAGE.sync);
    encoding.writeVarUint(e, SYNC_STEP.step1);
    encoding.writeVarUint8Array(e, known);
    room.receive(client.conn, encoding.toUint8Array(e));
    persistence.flush();
    const frames = client.sent
      .map((m) => decoding.createDecoder(m))
      .map((d) => ({ type: decoding.readVarUint(d), step: decoding.readVarUint(d), payload: decoding.readVarUint8Array(d) }));
    const step2 = frames.find((f) => f.step === SYNC_STEP.step2)!;
    const replica = new Y.Doc();
    replica.getMap('m').set('a', 1);
    const withA = new Y.Doc();
    Y.applyUpdate(withA, Y.encodeStateAsUpdate(source, new Uint8Array([0])));
    Y.applyUpdate(withA, step2.payload);
    expect(withA.getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
    expect(step2.payload.byteLength).toBeLessThan(Y.encodeStateAsUpdate(source).byteLength);
    expect(frames.some((f) => f.step === SYNC_STEP.step1)).toBe(true);
  });

  it('[P3] every client asking with an empty state vector gets the same cached encoding until the document changes', () => {
    const { room, persistence } = setup();
    const { a, b } = twoPeers(room);
    room.receive(a.conn, updateFrame(editOf('x', 1)));
    persistence.flush();
    const step1 = (() => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, SYNC_MESSAGE.sync);
      encoding.writeVarUint(e, SYNC_STEP.step1);
      encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
      return encoding.toUint8Array(e);
    })();
    const answer = (conn: ReturnType<typeof fakeConnection>) => {
      conn.sent.length = 0;
      room.receive(conn.conn, step1);
      return conn.sent.find((m) => m[0] === SYNC_MESSAGE.sync && m[1] === SYNC_STEP.step2)!;
    };
    const first = answer(a);
    expect(answer(b)).toBe(first);
    room.receive(a.conn, updateFrame(editOf('y', 2)));
    persistence.flush();
    const after = answer(b);
    expect(after).not.toBe(first);
    const replica = new Y.Doc();
    const d = decoding.createDecoder(after);
    decoding.readVarUint(d);
    decoding.readVarUint(d);
    Y.applyUpdate(replica, decoding.readVarUint8Array(d));
    expect(replica.getMap('m').toJSON()).toEqual({ x: 1, y: 2 });
  });

  it('[D2] an update that makes Yjs throw half-way closes its sender with 4400 and has the room reset, nothing of it stored or sent', () => {
    const store = memoryDocumentStore();
    const persistence = new Persistence(store, log, { compactAfter: 1000, onCommitFailed: () => undefined });
    const corrupted: string[] = [];
    const room = new Room('b', persistence, log, { message: () => null, committed: () => undefined, corrupted: (conn) => corrupted.push(conn.userId) });
    const { a, b } = twoPeers(room);
    // Client 9's text integrates; client 5's second struct names a clock of its own client the update lacks, and Yjs throws on it.
    const update = craftedUpdate();
    expect(room.receive(a.conn, updateFrame(update))).toEqual(CLOSE.malformedMessage);
    expect(corrupted).toEqual(['a']);
    persistence.flush();
    expect(store.load('b').updates).toEqual([]);
    expect(b.sent).toEqual([]);
  });

  it('[D2] an undecodable update closes its sender with 4400 and leaves the room as it was', () => {
    const corrupted: string[] = [];
    const persistence = new Persistence(memoryDocumentStore(), log, { compactAfter: 1000, onCommitFailed: () => undefined });
    const room = new Room('b', persistence, log, { message: () => null, committed: () => undefined, corrupted: (conn) => corrupted.push(conn.userId) });
    const { a } = twoPeers(room);
    expect(room.receive(a.conn, updateFrame(new Uint8Array([5, 1, 2, 3])))).toEqual(CLOSE.malformedMessage);
    expect(corrupted).toEqual([]);
  });

  it("[H2] a room callback that throws after a commit is logged and never keeps another board's sends back", () => {
    const persistence = new Persistence(memoryDocumentStore(), log, { compactAfter: 1000, onCommitFailed: () => undefined });
    persistence.open('one');
    persistence.open('two');
    persistence.append('one', editOf('x', 1));
    persistence.append('two', editOf('y', 1));
    const ran: string[] = [];
    persistence.afterCommit('one', () => {
      throw new Error('a broken hook');
    });
    persistence.afterCommit('two', () => ran.push('two'));
    expect(() => persistence.flush()).not.toThrow();
    expect(ran).toEqual(['two']);
  });
});

describe('the hook chain', () => {
  it('[H2] afterCommit and afterMessage run every hook even when one closes or throws; the first close wins', () => {
    const ran: string[] = [];
    const hooks: SyncHook[] = [
      {
        name: 'throws',
        afterMessage: () => {
          ran.push('throws');
          throw new Error('boom');
        },
      },
      { name: 'closes', afterMessage: () => (ran.push('closes'), CLOSE.quarantined) },
      { name: 'also closes', afterMessage: () => (ran.push('also closes'), CLOSE.roomBusy) },
      { name: 'indexing', afterMessage: () => void ran.push('indexing') },
    ];
    const errors: unknown[] = [];
    const spy = pino({ level: 'error' }, { write: (line: string) => void errors.push(JSON.parse(line)) });
    const verdict = runEach(hooks, spy, 'afterMessage', (hook) => hook.afterMessage?.(fakeConnection('a').conn, undefined as never, 1));
    expect(verdict).toEqual(CLOSE.quarantined);
    expect(ran).toEqual(['throws', 'closes', 'also closes', 'indexing']);
    expect(errors).toHaveLength(1);
  });
});

/** Items by hand (what a hostile client can send): client 9 writes a text, then client 5 a struct whose origin is a clock of its own it never sends. */
function craftedUpdate(): Uint8Array {
  const item = (client: number, clock: number, origin: Y.ID | null, parent: string | null, text: string) =>
    new Y.Item(Y.createID(client, clock), null, origin, null, null, parent as never, null, new Y.ContentString(text));
  const byClient: [number, Y.Item[]][] = [
    [9, [item(9, 0, null, 'x', 'не на диске')]],
    [5, [item(5, 0, null, 'y', 'a'), item(5, 1, Y.createID(5, 7), null, 'b')]],
  ];
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, byClient.length);
  for (const [client, items] of byClient) {
    encoding.writeVarUint(encoder.restEncoder, items.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, items[0]!.id.clock);
    for (const it of items) it.write(encoder, 0);
  }
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}
