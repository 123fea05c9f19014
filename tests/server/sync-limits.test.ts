// What one member may cost everyone else (SPEC rules L5–L9, A5): hostile updates and presence are
// refused or closed before they stall the event loop, while a second client keeps editing and
// /api/health keeps answering.
import { CLOSE } from '@soplan/shared';
import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import { boardWithPeople } from '../helpers/boards.ts';
import { newServer } from '../helpers/server.ts';
import { closed, rawSocket, sendTogether, syncFrame, trackedClients, waitFor } from '../helpers/sync-client.ts';

const open = trackedClients();

function awarenessFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

async function openRaw(url: string, boardId: string, token: string): Promise<WebSocket> {
  const res = await rawSocket(url, `/sync/${boardId}?token=${token}`);
  if (!('ws' in res)) throw new Error(`refused: ${res.status} ${res.body}`);
  return res.ws;
}

/** `count` single-character inserts, each at the start of one text, by one client id: each new item is left of the last. */
function insertsAtOnePlace(clientId: number, count: number, base?: Y.Doc): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = doc.getText('attack');
  for (let i = 0; i < count; i++) text.insert(0, 'a');
  return { doc, updates };
}

/** Milliseconds /api/health takes to answer: the event loop is free if it answers at once. */
async function healthTime(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}/api/health`);
  expect(res.status).toBe(200);
  return performance.now() - started;
}

describe('an update that would stall the server is refused before it is applied', () => {
  it('[L5] 10 000 inserts at one place from one client, then 10 000 from another: the second is refused with 4413 and everyone else keeps working', async () => {
    const server = await newServer();
    const { boardId, owner, people } = await boardWithPeople(server, ['editor']);
    const peer = open(server.url, boardId, { token: owner.token });
    const watcher = open(server.url, boardId, { token: owner.token });
    await peer.synced();
    await watcher.synced();

    // Applied unchanged by Yjs these two cost quadratic time (measured: 14 s for 10 000, 263 s for 40 000).
    const first = insertsAtOnePlace(1, 10_000);
    const second = insertsAtOnePlace(2, 10_000);
    const attacker = await openRaw(server.url, boardId, people.editor!.token);
    attacker.send(syncFrame(2, Y.encodeStateAsUpdate(first.doc)));
    await waitFor(() => (server.sync.rooms.get(boardId)?.doc.getText('attack').length ?? 0) === 10_000, 10_000, 'the first half applied');
    const code = closed(attacker);
    attacker.send(syncFrame(2, Y.encodeStateAsUpdate(second.doc)));
    expect((await code).code).toBe(CLOSE.overLimits.code);

    expect(await healthTime(server.url)).toBeLessThan(2000);
    peer.doc.getMap('m').set('after', 'ещё работает');
    await waitFor(() => watcher.doc.getMap('m').get('after') === 'ещё работает');
    expect(server.sync.rooms.get(boardId)!.doc.getText('attack').length).toBe(10_000);
  });

  it('[L5] an update with more structs than the bound is refused and nothing of it is stored', async () => {
    const server = await newServer({ syncLimits: { updateStructs: 100 } });
    const { boardId, owner } = await boardWithPeople(server, []);
    const doc = new Y.Doc();
    const map = doc.getMap('m');
    for (let i = 0; i < 200; i++) map.set(`k${i}`, i);
    const before = server.query<{ n: number }>('SELECT count(*) AS n FROM board_log')[0]!.n;
    const ws = await openRaw(server.url, boardId, owner.token);
    const code = closed(ws);
    ws.send(syncFrame(2, Y.encodeStateAsUpdate(doc)));
    expect((await code).code).toBe(CLOSE.overLimits.code);
    expect(server.query<{ n: number }>('SELECT count(*) AS n FROM board_log')[0]!.n).toBe(before);
    expect(server.sync.rooms.get(boardId)?.doc.getMap('m').size ?? 0).toBe(0);
  });

  it('[L6] an update that would grow the document past its bound is refused', async () => {
    const server = await newServer({ syncLimits: { documentStructs: 50 } });
    const { boardId, owner } = await boardWithPeople(server, []);
    const peer = open(server.url, boardId, { token: owner.token });
    await peer.synced();
    for (let i = 0; i < 40; i++) peer.doc.getMap('m').set(`k${i}`, i);
    await waitFor(() => server.sync.rooms.get(boardId)?.doc.getMap('m').size === 40);
    const doc = new Y.Doc();
    for (let i = 0; i < 20; i++) doc.getMap('other').set(`k${i}`, i);
    const ws = await openRaw(server.url, boardId, owner.token);
    const code = closed(ws);
    ws.send(syncFrame(2, Y.encodeStateAsUpdate(doc)));
    expect((await code).code).toBe(CLOSE.overLimits.code);
    expect(server.sync.rooms.get(boardId)!.doc.getMap('other').size).toBe(0);
  });

  it('[L6] a full board still accepts deletions, so it can be repaired', async () => {
    const server = await newServer({ syncLimits: { documentStructs: 50 } });
    const { boardId, owner } = await boardWithPeople(server, []);
    const peer = open(server.url, boardId, { token: owner.token });
    await peer.synced();
    // A new board already holds its typed fields (the document header, rule B9): fill it up to the bound.
    const existing = [...server.sync.rooms.get(boardId)!.doc.store.clients.values()].reduce((n, structs) => n + structs.length, 0);
    const fill = 50 - existing;
    peer.doc.transact(() => {
      for (let i = 0; i < fill; i++) peer.doc.getMap('m').set(`k${i}`, i);
    });
    await waitFor(() => server.sync.rooms.get(boardId)?.doc.getMap('m').size === fill);
    const closes: number[] = [];
    peer.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    peer.doc.getMap('m').delete('k0');
    await waitFor(() => server.sync.rooms.get(boardId)!.doc.getMap('m').size === fill - 1);
    // An update the full board already holds (a provider resending what it sent) passes too.
    const again = await openRaw(server.url, boardId, owner.token);
    const againCode = closed(again);
    again.send(syncFrame(2, Y.encodeStateAsUpdate(peer.doc)));
    peer.doc.getMap('m').delete('k1');
    await waitFor(() => server.sync.rooms.get(boardId)!.doc.getMap('m').size === fill - 2);
    again.close();
    expect((await againCode).code).toBe(1005);
    expect(closes).toEqual([]);
  });

  it('[L5] an update that leaves too many deletions waiting for structs the board lacks is refused', async () => {
    const server = await newServer({ syncLimits: { pendingDeleteRanges: 5 } });
    const { boardId, owner } = await boardWithPeople(server, []);
    const encoder = new Y.UpdateEncoderV1();
    encoding.writeVarUint(encoder.restEncoder, 0); // no structs
    encoding.writeVarUint(encoder.restEncoder, 1); // deletions of one client the board never saw
    encoding.writeVarUint(encoder.restEncoder, 424242);
    encoding.writeVarUint(encoder.restEncoder, 10);
    for (let i = 0; i < 10; i++) {
      encoding.writeVarUint(encoder.restEncoder, i * 10);
      encoding.writeVarUint(encoder.restEncoder, 1);
    }
    const ws = await openRaw(server.url, boardId, owner.token);
    const code = closed(ws);
    ws.send(syncFrame(2, encoder.toUint8Array()));
    expect((await code).code).toBe(CLOSE.overLimits.code);
  });

  it('[L5] an update that leaves too much waiting for dependencies the board lacks is refused', async () => {
    const server = await newServer({ syncLimits: { pendingStructs: 5 } });
    const { boardId, owner } = await boardWithPeople(server, []);
    const base = new Y.Doc();
    base.getText('t').insert(0, 'основа');
    const later = new Y.Doc();
    Y.applyUpdate(later, Y.encodeStateAsUpdate(base));
    const before = Y.encodeStateVector(later);
    for (let i = 0; i < 30; i++) later.getText('t').insert(i % 3, 'x');
    // Only what came after `base`: every struct depends on the base text, which the server never got.
    const orphans = Y.encodeStateAsUpdate(later, before);
    const ws = await openRaw(server.url, boardId, owner.token);
    const code = closed(ws);
    ws.send(syncFrame(2, orphans));
    expect((await code).code).toBe(CLOSE.overLimits.code);
  });
});

describe('a user who keeps the server busy is quarantined', () => {
  it("[L7] many cheap-looking but slow updates overdraw the user's apply-time budget: closed with 4429, refused on reconnect, others unaffected", async () => {
    const server = await newServer({ syncLimits: { userApplyMsBurst: 200, userApplyMsPerSecond: 1 } });
    const { boardId, owner, people } = await boardWithPeople(server, ['editor']);
    const peer = open(server.url, boardId, { token: owner.token });
    const watcher = open(server.url, boardId, { token: owner.token });
    await peer.synced();
    await watcher.synced();
    // The trap: 5 000 items at one place. Then the other client's inserts, one per update: each one
    // scans the trap (a few thousand steps, under the per-update bound) and takes real time.
    const trap = insertsAtOnePlace(1, 5_000);
    peer.doc.transact(() => Y.applyUpdate(peer.doc, Y.encodeStateAsUpdate(trap.doc)));
    await waitFor(() => server.sync.rooms.get(boardId)?.doc.getText('attack').length === 5_000, 10_000);
    const slow = insertsAtOnePlace(9_999_999, 2_000);

    const attacker = await openRaw(server.url, boardId, people.editor!.token);
    const code = closed(attacker);
    let sent = 0;
    for (const update of slow.updates) {
      if (attacker.readyState !== attacker.OPEN) break;
      attacker.send(syncFrame(2, update));
      if (++sent % 200 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    expect((await code).code).toBe(CLOSE.quarantined.code);
    const again = await rawSocket(server.url, `/sync/${boardId}?token=${people.editor!.token}`);
    expect(again.status).toBe(429);

    expect(await healthTime(server.url)).toBeLessThan(2000);
    peer.doc.getMap('m').set('after', 'ещё работает');
    await waitFor(() => watcher.doc.getMap('m').get('after') === 'ещё работает');
  });
});

/** A board whose text `t` holds 20 000 inserts at one place (a trap): each insert at its start by a new client scans all of them (about 3 ms). */
async function trappedBoard(server: Awaited<ReturnType<typeof newServer>>, roles: ('editor' | 'viewer')[] = ['editor']) {
  const board = await boardWithPeople(server, roles);
  const trap = new Y.Doc();
  trap.clientID = 1;
  for (let i = 0; i < 20_000; i++) trap.getText('t').insert(0, 'a');
  const loader = await openRaw(server.url, board.boardId, board.owner.token);
  loader.send(syncFrame(2, Y.encodeStateAsUpdate(trap)));
  await waitFor(() => server.sync.rooms.get(board.boardId)?.doc.getText('t').length === 20_000, 10_000, 'the trap applied');
  loader.close();
  return board;
}

/** One insert at the start of text `t` by a fresh client id. */
function insertAtStart(clientId: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.getText('t').insert(0, 'b');
  return Y.encodeStateAsUpdate(doc);
}

describe('time is charged as soon as a frame is handled', () => {
  it('[L7] a burst of costly updates in one TCP read is cut off once the budget is spent, not after the whole burst', async () => {
    const server = await newServer({ syncLimits: { userApplyMsBurst: 10, userApplyMsPerSecond: 1 } });
    const { boardId, people } = await trappedBoard(server);
    const attacker = await openRaw(server.url, boardId, people.editor!.token);
    const code = closed(attacker);
    sendTogether(
      attacker,
      Array.from({ length: 100 }, (_, i) => syncFrame(2, insertAtStart(1000 + i))),
    );
    expect((await code).code).toBe(CLOSE.quarantined.code);
    // Each costs about 3 ms against a 10 ms budget: a handful got in, never the whole burst.
    expect(server.sync.rooms.get(boardId)!.doc.getText('t').length - 20_000).toBeLessThan(50);
  });

  it('[L7] a connection that closes right after a costly update (a bad frame in the same read) is still charged and quarantined', async () => {
    const server = await newServer({ syncLimits: { userApplyMsBurst: 10, userApplyMsPerSecond: 1 } });
    const { boardId, people } = await trappedBoard(server);
    const attacker = await openRaw(server.url, boardId, people.editor!.token);
    const code = closed(attacker);
    // Nine inserts at the trap in one update: under the per-update scan bound, about 25 ms to apply.
    const costly = Y.mergeUpdates(Array.from({ length: 9 }, (_, i) => insertAtStart(2000 + i)));
    sendTogether(attacker, [syncFrame(2, costly), new Uint8Array([7])]);
    expect((await code).code).toBe(CLOSE.quarantined.code);
    expect((await rawSocket(server.url, `/sync/${boardId}?token=${people.editor!.token}`)).status).toBe(429);
  });

  it('[L7] an empty update (the sync step 2 every client answers with on connect) is never refused while the room is over budget', async () => {
    const server = await newServer({ syncLimits: { roomApplyMsBurst: 10, roomApplyMsPerSecond: 1 } });
    const { boardId, owner, people } = await trappedBoard(server);
    const spender = await openRaw(server.url, boardId, people.editor!.token);
    spender.send(syncFrame(2, Y.mergeUpdates(Array.from({ length: 9 }, (_, i) => insertAtStart(3000 + i)))));
    // The room is over its budget now: a real edit is refused with 4503…
    const editor = await openRaw(server.url, boardId, people.editor!.token);
    const refused = closed(editor);
    editor.send(syncFrame(2, insertAtStart(4000)));
    expect((await refused).code).toBe(CLOSE.roomBusy.code);
    // …but an empty one passes, and the connection is answered as usual.
    const newcomer = await openRaw(server.url, boardId, owner.token);
    const gone = vi.fn();
    newcomer.on('close', gone);
    const answered = new Promise<void>((resolve) => newcomer.on('message', (d: Buffer) => d[0] === 0 && d[1] === 1 && resolve()));
    newcomer.send(syncFrame(1, Y.encodeStateAsUpdate(new Y.Doc())));
    newcomer.send(syncFrame(0, Y.encodeStateVector(server.sync.rooms.get(boardId)!.doc)));
    await answered;
    expect(gone).not.toHaveBeenCalled();
    newcomer.close();
    spender.close();
  });
});

describe('what a connection makes the server send is bounded', () => {
  it('[L2] a fourth sync step 1 within ten seconds closes the connection with 4529', async () => {
    const server = await newServer();
    const { boardId, people } = await boardWithPeople(server, ['viewer']);
    const viewer = await openRaw(server.url, boardId, people.viewer!.token);
    const code = closed(viewer);
    sendTogether(
      viewer,
      Array.from({ length: 4 }, () => syncFrame(0, new Uint8Array([0]))),
    );
    expect((await code).code).toBe(CLOSE.rateLimited.code);
  });

  it('[L2] a sixth awareness query within a second closes the connection with 4529', async () => {
    const server = await newServer();
    const { boardId, people } = await boardWithPeople(server, ['viewer']);
    const viewer = await openRaw(server.url, boardId, people.viewer!.token);
    const code = closed(viewer);
    sendTogether(
      viewer,
      Array.from({ length: 6 }, () => new Uint8Array([3])),
    );
    expect((await code).code).toBe(CLOSE.rateLimited.code);
  });

  it('[L10] a connection that does not read what it is sent is closed with 4508 once its unsent output passes the bound', async () => {
    const server = await newServer({ syncLimits: { unsentBytes: 1024 * 1024, byteBurst: 64 * 1024 * 1024 } });
    const { boardId, owner, people } = await boardWithPeople(server, ['viewer']);
    const slow = await openRaw(server.url, boardId, people.viewer!.token);
    const code = closed(slow);
    (slow as unknown as { _socket: import('node:net').Socket })._socket.pause();
    const writer = await openRaw(server.url, boardId, owner.token);
    const doc = new Y.Doc();
    const before = () => Y.encodeStateVector(doc);
    // 40 updates of 700 KB each, more than the kernel's socket buffers hold.
    for (let i = 0; i < 40 && server.sync.rooms.get(boardId)!.connections.size === 2; i++) {
      const sv = before();
      doc.getMap('m').set(`k${i}`, String(i).repeat(700_000));
      writer.send(syncFrame(2, Y.encodeStateAsUpdate(doc, sv)));
      await new Promise((r) => setTimeout(r, 20));
    }
    await waitFor(() => server.sync.rooms.get(boardId)!.connections.size === 1, 5000, 'the slow reader dropped');
    (slow as unknown as { _socket: import('node:net').Socket })._socket.resume();
    expect((await code).code).toBe(CLOSE.tooSlow.code);
    writer.close();
  });
});

describe('connections per user and per IP are capped', () => {
  it('[L8] connections beyond the per-user cap are refused with 429; closing one lets another in', async () => {
    const server = await newServer({ env: { SYNC_MAX_CONNECTIONS_PER_USER: '3' } });
    const { boardId, owner } = await boardWithPeople(server, []);
    const sockets = await Promise.all([1, 2, 3].map(() => openRaw(server.url, boardId, owner.token)));
    expect((await rawSocket(server.url, `/sync/${boardId}?token=${owner.token}`)).status).toBe(429);
    const gone = closed(sockets[0]!);
    sockets[0]!.close();
    await gone;
    await waitFor(() => [...server.sync.rooms.get(boardId)!.connections].length === 2);
    const next = await rawSocket(server.url, `/sync/${boardId}?token=${owner.token}`);
    expect(next.status).toBe(101);
    for (const ws of sockets) ws.close();
    if ('ws' in next) next.ws.close();
  });

  it('[L8] connections beyond the per-IP cap are refused with 429, whoever opens them', async () => {
    const server = await newServer({ env: { SYNC_MAX_CONNECTIONS_PER_IP: '2' } });
    const { boardId, owner, people } = await boardWithPeople(server, ['editor']);
    const a = await openRaw(server.url, boardId, owner.token);
    const b = await openRaw(server.url, boardId, people.editor!.token);
    expect((await rawSocket(server.url, `/sync/${boardId}?token=${people.editor!.token}`)).status).toBe(429);
    a.close();
    b.close();
  });
});

describe('presence is bounded', () => {
  const stateUpdate = (clientId: number, clock: number, state: unknown) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
    return encoding.toUint8Array(e);
  };
  /** One awareness update setting a first state for each of `ids`. */
  const entries = (ids: number[]) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, ids.length);
    for (const id of ids) {
      encoding.writeVarUint(e, id);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, '{}');
    }
    return encoding.toUint8Array(e);
  };

  it('[A5] a presence state over 8 KiB closes the connection with 4413 and never reaches peers', async () => {
    const server = await newServer();
    const { boardId, owner, people } = await boardWithPeople(server, ['viewer']);
    const peer = open(server.url, boardId, { token: owner.token });
    await peer.synced();
    const ws = await openRaw(server.url, boardId, people.viewer!.token);
    const code = closed(ws);
    ws.send(awarenessFrame(stateUpdate(4242, 1, { junk: 'я'.repeat(5000) })));
    expect((await code).code).toBe(CLOSE.overLimits.code);
    peer.doc.getMap('m').set('after', 1);
    await waitFor(() => server.sync.rooms.get(boardId)!.doc.getMap('m').get('after') === 1);
    expect(peer.awareness.getStates().has(4242)).toBe(false);
  });

  it('[A5] presence bytes beyond the per-connection rate close the connection with 4529', async () => {
    const server = await newServer();
    const { boardId, people } = await boardWithPeople(server, ['viewer']);
    const ws = await openRaw(server.url, boardId, people.viewer!.token);
    const code = closed(ws);
    for (let i = 1; i <= 20; i++) if (ws.readyState === ws.OPEN) ws.send(awarenessFrame(stateUpdate(4243, i, { cursor: 'x'.repeat(7000) })));
    expect((await code).code).toBe(CLOSE.rateLimited.code);
  });

  it('[A2] after a person disconnects, another member cannot take their client id and hide them; their reconnect takes it back', async () => {
    const server = await newServer();
    const { boardId, owner, people } = await boardWithPeople(server, ['editor']);
    const watcher = open(server.url, boardId, { token: owner.token });
    await watcher.synced();
    const victimId = 777_001;
    const stateOf = (id: number) => watcher.awareness.getStates().get(id) as { user?: { id: string }; here?: unknown } | undefined;

    const victim = await openRaw(server.url, boardId, owner.token);
    victim.send(awarenessFrame(stateUpdate(victimId, 1, { here: 'victim' })));
    await waitFor(() => stateOf(victimId)?.user?.id === owner.user.id);
    victim.close();
    await waitFor(() => stateOf(victimId) === undefined);

    const squatter = await openRaw(server.url, boardId, people.editor!.token);
    squatter.send(awarenessFrame(stateUpdate(victimId, 2, { here: 'squatter' })));
    // The squatter's later, legitimate state proves the squat frame was handled (frames are handled in order).
    squatter.send(awarenessFrame(stateUpdate(777_002, 1, { here: 'own' })));
    await waitFor(() => stateOf(777_002)?.user?.id === people.editor!.user.id);
    expect(stateOf(victimId)).toBeUndefined();

    const back = await openRaw(server.url, boardId, owner.token);
    back.send(awarenessFrame(stateUpdate(victimId, 3, { here: 'victim again' })));
    await waitFor(() => stateOf(victimId)?.here === 'victim again');
    expect(stateOf(victimId)?.user?.id).toBe(owner.user.id);
    squatter.close();
    back.close();
  });

  it("[A5] a viewer's flurry of tiny states does not get honest stock clients closed for echoing them; its own frames are metered", async () => {
    const server = await newServer({ syncLimits: { messageBurst: 60, messagesPerSecond: 5 } });
    const { boardId, owner, people } = await boardWithPeople(server, ['viewer']);
    const honest = open(server.url, boardId, { token: owner.token });
    const closes: number[] = [];
    honest.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    await honest.synced();
    honest.awareness.setLocalStateField('here', true);
    const flooders = await Promise.all([1, 2].map(() => openRaw(server.url, boardId, people.viewer!.token)));
    // 2 × 50 states: within the viewer's awareness budget (60), and more than the honest client's message budget if echoed one by one.
    for (const [n, ws] of flooders.entries())
      sendTogether(
        ws,
        Array.from({ length: 50 }, (_, i) => awarenessFrame(stateUpdate(880_000 + n, i + 1, { i }))),
      );
    await waitFor(() => (honest.awareness.getStates().get(880_001) as { i?: number } | undefined)?.i === 49, 5000, 'the last state seen');
    await new Promise((r) => setTimeout(r, 200));
    expect(closes).toEqual([]);
    expect(honest.provider.wsconnected).toBe(true);
    // Frames carrying states the viewer speaks for are metered: past 60 at once it is closed.
    const code = closed(flooders[0]!);
    sendTogether(
      flooders[0]!,
      Array.from({ length: 61 }, (_, i) => awarenessFrame(stateUpdate(880_000, 100 + i, { i }))),
    );
    expect((await code).code).toBe(CLOSE.rateLimited.code);
    flooders[1]!.close();
  });

  it('[A2] one user introduces at most 64 client ids in a room, so nobody can make the room forget whose an id is', async () => {
    const server = await newServer();
    const { boardId, people } = await boardWithPeople(server, ['editor']);
    const sockets = await Promise.all(Array.from({ length: 9 }, () => openRaw(server.url, boardId, people.editor!.token)));
    for (const [n, ws] of sockets.entries()) ws.send(awarenessFrame(entries(Array.from({ length: 8 }, (_, i) => 990_000 + n * 8 + i))));
    const room = server.sync.rooms.get(boardId)!;
    // Nine frames of eight new ids each; the server has handled them all well within this wait.
    await new Promise((r) => setTimeout(r, 300));
    expect(room.awareness.getStates().size).toBe(64);
    for (const ws of sockets) ws.close();
  });

  it('[A2] a connection of the same person takes its client id back from a connection that is still open', async () => {
    const server = await newServer();
    const { boardId, owner } = await boardWithPeople(server, []);
    const watcher = open(server.url, boardId, { token: owner.token });
    await watcher.synced();
    const id = 777_010;
    const old = await openRaw(server.url, boardId, owner.token);
    old.send(awarenessFrame(stateUpdate(id, 1, { tab: 'old' })));
    await waitFor(() => (watcher.awareness.getStates().get(id) as { tab?: string } | undefined)?.tab === 'old');
    const fresh = await openRaw(server.url, boardId, owner.token);
    fresh.send(awarenessFrame(stateUpdate(id, 2, { tab: 'new' })));
    await waitFor(() => (watcher.awareness.getStates().get(id) as { tab?: string } | undefined)?.tab === 'new');
    old.close();
    await waitFor(() => server.sync.rooms.get(boardId)!.connections.size === 2, 5000, 'the old connection gone');
    // The old connection no longer spoke for the id, so its close left the state in place.
    expect((watcher.awareness.getStates().get(id) as { tab?: string } | undefined)?.tab).toBe('new');
    fresh.close();
  });
});
